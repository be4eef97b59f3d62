"""Reads of the cadre registry; every one starts from ``restrict``."""

import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from apps.agencies.selectors import top_agency_name
from apps.core.history import HistoryEntry, change_history, records_of

from .identifiers import mask_identifier
from .models import Cadre


def cadre_list(*, fetched_by) -> QuerySet[Cadre]:
    return (
        Cadre.objects.restrict(fetched_by)
        .select_related("agency", "position_level", "work_field")
        .annotate(top_agency=top_agency_name())
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


def cadre_history(*, cadre: Cadre, limit: int = 50) -> list[HistoryEntry]:
    """Changes of the record, newest first: who, when, and each field before → after
    (``apps.core.history``); identifiers masked.

    Related values (agency, level, field of work) are fetched in one query per model.
    """
    return change_history(
        records_of(cadre, limit),
        Cadre,
        limit=limit,
        exclude=["version", "expected_retirement"],
        show={
            "national_id": lambda value: mask_identifier(str(value)),
            "passport_number": lambda value: mask_identifier(str(value)),
        },
    )


#: What a record needs before its cadre can be sent abroad (the fields a nomination, a decision
#: and a departure read): field names, or the related rows a record should have.
PROFILE_FIELDS = (
    "hometown",
    "position_level",
    "work_field",
    "appointed_on",
    "party_joined_on",
    "education",
    "degree",
    "political_theory",
    "passport_number",
    "passport_expiry",
)


def profile_completeness(cadre: Cadre) -> tuple[int, list[str]]:
    """The share (in %) of the record filled in, and the labels of what is missing."""
    missing = [
        str(Cadre._meta.get_field(name).verbose_name).capitalize()
        for name in PROFILE_FIELDS
        if getattr(cadre, name) in (None, "")
    ]
    if not cadre.languages.exists():
        missing.append(str(_("Foreign languages")))
    total = len(PROFILE_FIELDS) + 1
    return round(100 * (total - len(missing)) / total), missing
