"""Reads of the cadre registry; every one starts from ``restrict``."""

import datetime

from django.db.models import QuerySet

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
