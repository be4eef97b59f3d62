"""Reads of the cadre registry; every one starts from ``restrict``."""

import datetime

from django.db.models import QuerySet

from .identifiers import mask_identifier
from .models import Cadre


def cadre_list(*, fetched_by) -> QuerySet[Cadre]:
    return Cadre.objects.restrict(fetched_by).select_related(
        "agency", "position_level", "work_field"
    )


def cadre_detail_queryset(*, fetched_by) -> QuerySet[Cadre]:
    return (
        cadre_list(fetched_by=fetched_by)
        .select_related("language_use_confirmed_by")
        .prefetch_related(
            "languages",
            "positions__agency",
            "positions__position_level",
            "trainings__programme_form",
        )
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
    """Changes of the record, newest first: who, when, and each field before → after.

    Related values (agency, level, field of work) are fetched in one query per model.
    """
    records = list(
        cadre.history.select_related("history_user").order_by("-history_id")[: limit + 1]
    )
    excluded = ["version", "expected_retirement"]
    entries = [
        (newer, newer.diff_against(older, excluded_fields=excluded).changes if older else [])
        for newer, older in zip(records[:limit], [*records[1:], None], strict=False)
    ]
    wanted: dict[type, set] = {}
    for _record, changes in entries:
        for change in changes:
            field = Cadre._meta.get_field(change.field)
            if field.is_relation:
                wanted.setdefault(field.related_model, set()).update({change.old, change.new})
    related = {model: model.objects.in_bulk(ids - {None}) for model, ids in wanted.items()}
    return [
        {
            "at": record.history_date,
            "user": record.history_user,
            "type": record.get_history_type_display(),
            "fields": [_change(change, related) for change in changes],
        }
        for record, changes in entries
    ]


def _change(change, related: dict) -> dict:
    field = Cadre._meta.get_field(change.field)
    return {
        "label": field.verbose_name,
        "old": _display(field, change.old, related),
        "new": _display(field, change.new, related),
    }


def _display(field, value, related: dict) -> str:
    if value in (None, ""):
        return "—"
    if field.name in {"national_id", "passport_number"}:
        return mask_identifier(str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return str(related[field.related_model].get(value, value))
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
