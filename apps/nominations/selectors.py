"""Reads of nominations; every one starts from ``restrict``."""

from django.db.models import Count, Q, QuerySet

from apps.cadres.models import Cadre
from apps.core.scoping import CHANGE

from .choices import PLACE_STATUSES, NominationStatus, Outcome
from .models import Nomination


def nomination_list(*, fetched_by) -> QuerySet[Nomination]:
    return Nomination.objects.restrict(fetched_by).select_related(
        "course__form",
        "cadre__agency",
        "cadre__position_level",
        "agency",
        "override_by",
    )


def nomination_detail_queryset(*, fetched_by) -> QuerySet[Nomination]:
    return (
        nomination_list(fetched_by=fetched_by)
        .select_related("created_by")
        .prefetch_related("transitions__actor")
    )


def nominations_of_cadre(*, cadre_id: int, fetched_by) -> list[Nomination]:
    """A participant's nominations with each course's agenda and documents."""
    return list(
        nomination_list(fetched_by=fetched_by)
        .filter(cadre_id=cadre_id)
        .select_related("course__partner", "course__content_group")
        .prefetch_related(
            "course__agenda__expert", "course__documents", "course__phases__form_phase"
        )
        .order_by("-course__start")
    )


def course_nominations_summary(*, course, fetched_by) -> dict:
    """Counts per status and outcome of the nominations the user may see, in one query."""
    visible = Nomination.objects.restrict(fetched_by).filter(course=course)
    counts = visible.aggregate(
        total=Count("pk"),
        approved=Count("pk", filter=Q(status__in=PLACE_STATUSES)),
        submitted=Count("pk", filter=Q(status=NominationStatus.SUBMITTED)),
        waitlisted=Count("pk", filter=Q(status=NominationStatus.WAITLISTED)),
        failing=Count("pk", filter=Q(outcome=Outcome.FAIL)),
        warnings=Count("pk", filter=Q(outcome=Outcome.WARNING)),
        overridden=Count("pk", filter=Q(override_by__isnull=False)),
    )
    counts["places_taken"] = Nomination.objects.filter(
        course=course, status__in=PLACE_STATUSES
    ).count()
    return counts


def nominable_cadres(*, fetched_by, search: str = "", limit: int = 20) -> list[Cadre]:
    """Cadres the user may nominate whose name matches ``search`` (accent-insensitive)."""
    from apps.core.text import normalize_vi

    key = normalize_vi(search)
    if len(key) < 2:
        return []
    queryset = Cadre.objects.restrict(fetched_by, CHANGE).select_related("agency", "position_level")
    if key.isdigit():
        queryset = queryset.filter(national_id__endswith=key)
    else:
        queryset = queryset.filter(search_key__contains=key)
    return list(queryset.order_by("search_key", "pk")[:limit])


#: Nominations that took a place on a course that went ahead (the "actual" of the plan).
SENT_STATUSES = (
    NominationStatus.DEPARTED,
    NominationStatus.COMPLETED,
    NominationStatus.NOT_COMPLETED,
)


def places_taken_by_form(*, year: int) -> dict[str, int]:
    """Cadres sent per form code on courses starting in ``year`` (one grouped query)."""
    rows = (
        Nomination.objects.filter(course__start__year=year, status__in=SENT_STATUSES)
        .values_list("course__form__code")
        .annotate(n=Count("pk"))
    )
    return dict(rows)
