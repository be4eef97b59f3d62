"""Reads of the cadre registry; every one starts from ``restrict``."""

import datetime

from django.db.models import QuerySet

from .models import Cadre


def cadre_list(*, fetched_by) -> QuerySet[Cadre]:
    return Cadre.objects.restrict(fetched_by).select_related(
        "agency", "position_level", "work_field"
    )


def cadre_detail_queryset(*, fetched_by) -> QuerySet[Cadre]:
    return cadre_list(fetched_by=fetched_by).prefetch_related(
        "languages", "positions__agency", "positions__position_level"
    )


def birth_date_range_for_age_band(band: str, today: datetime.date) -> dict[str, datetime.date]:
    """Lookups on date_of_birth for the statistics age bands (≤ 40, > 40–50, > 50)."""

    def years_ago(years: int) -> datetime.date:
        try:
            return today.replace(year=today.year - years)
        except ValueError:  # 29 February
            return today.replace(year=today.year - years, day=28)

    if band == "le40":
        return {"date_of_birth__gt": years_ago(41)}
    if band == "41_50":
        return {"date_of_birth__lte": years_ago(41), "date_of_birth__gt": years_ago(51)}
    if band == "gt50":
        return {"date_of_birth__lte": years_ago(51)}
    return {}


def cadre_history(*, cadre: Cadre, limit: int = 50) -> list[dict]:
    """Changes of the record, newest first: who, when, and each field before → after."""
    records = list(
        cadre.history.select_related("history_user").order_by("-history_id")[: limit + 1]
    )
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if len(changes) == limit:
            break
        fields = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=["version", "expected_retirement"])
            for change in delta.changes:
                field = Cadre._meta.get_field(change.field)
                fields.append(
                    {
                        "label": field.verbose_name,
                        "old": _display(field, change.old),
                        "new": _display(field, change.new),
                    }
                )
        changes.append(
            {
                "at": newer.history_date,
                "user": newer.history_user,
                "type": newer.get_history_type_display(),
                "fields": fields,
            }
        )
    return changes


def _display(field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.name in {"national_id", "passport_number"}:
        from .identifiers import mask_identifier

        return mask_identifier(str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related else str(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
