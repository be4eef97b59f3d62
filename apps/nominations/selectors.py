"""Reads of nominations; every one starts from ``restrict``."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from apps.cadres.identifiers import search_by_identifier
from apps.cadres.models import Cadre
from apps.core.scoping import CHANGE
from apps.core.text import normalize_vi

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


def course_places_annotation() -> Count:
    """A course row's places taken (``PLACE_STATUSES``), for the courses' lists (registered
    with ``apps.courses.hooks`` in ``NominationsConfig.ready``)."""
    return Count("nominations", filter=Q(nominations__status__in=PLACE_STATUSES))


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


@dataclass(frozen=True)
class Member:
    """A member of a course; ``in_scope``: the reader may see the member's personal fields."""

    nomination: Nomination
    in_scope: bool


def visible_members(*, course, fetched_by) -> list[Member]:
    """Who holds a place on ``course``, as ``fetched_by`` may see them (DECISIONS §22).

    One rule for the course page, the decision, the summary list and any list of members: every
    member is listed (an official decision names everyone it sends), but only those the reader's
    scope covers (``Nomination.objects.restrict``, as in every list of nominations) come with
    their personal fields; for the others the reader gets name, position and agency only.
    A constant number of queries, whatever the number of members.
    """
    members = list(
        Nomination.objects.filter(course=course, status__in=PLACE_STATUSES)
        .select_related("cadre__agency", "override_by")
        .prefetch_related("cadre__languages")
        .order_by("cadre__search_key", "pk")
    )
    ids = [member.pk for member in members]
    in_scope = set(
        Nomination.objects.restrict(fetched_by).filter(pk__in=ids).values_list("pk", flat=True)
    )
    return [Member(nomination, nomination.pk in in_scope) for nomination in members]


def places_left(course) -> int:
    """The course's places not yet taken by an approved (or later) nomination."""
    taken = Nomination.objects.filter(course=course, status__in=PLACE_STATUSES).count()
    return max(course.capacity - taken, 0)


def nominable_cadres(*, fetched_by, search: str = "") -> QuerySet[Cadre]:
    """Cadres the user may nominate, by name (accent-insensitive), position or unit; the ending
    digits of a citizen ID for roles that may see them; all of them when nothing is typed."""
    queryset = Cadre.objects.restrict(fetched_by, CHANGE).select_related("agency", "position_level")
    key = normalize_vi(search)
    text = search.strip()
    if len(key) >= 2 and key.isdigit():
        queryset = search_by_identifier(queryset, user=fetched_by, digits=key)
    elif len(key) >= 2:
        queryset = queryset.filter(
            Q(search_key__contains=key)
            | Q(position_title__icontains=text)
            | Q(agency__name__icontains=text)
        )
    return queryset.order_by("search_key", "pk")


#: Nominations that took a place on a course that went ahead (the "actual" of the plan).
SENT_STATUSES = (
    NominationStatus.DEPARTED,
    NominationStatus.COMPLETED,
    NominationStatus.NOT_COMPLETED,
)


def course_uses_quota(course) -> bool:
    """A Steering Committee course takes its places from the plan's quotas; a decentralised
    one (organised and paid by an agency, KL §2.5) does not."""
    return course.organiser_id is None


def quota_places() -> QuerySet[Nomination]:
    """The nominations that use a place of the plan's quota, in the shape ``apps.planning.quota``
    counts (registered in ``NominationsConfig.ready``): a place (``PLACE_STATUSES``) on a
    course that uses a quota (``course_uses_quota``), counted for the nominating unit."""
    return Nomination.objects.filter(
        status__in=PLACE_STATUSES, course__organiser__isnull=True
    ).annotate(
        quota_agency=F("agency_id"),
        quota_form=F("course__form_id"),
        quota_year=ExtractYear("course__start"),
    )


def sent_places() -> QuerySet[Nomination]:
    """The cadres sent on any course, in the shape ``apps.planning.quota`` counts."""
    return Nomination.objects.filter(status__in=SENT_STATUSES).annotate(
        quota_form=F("course__form_id"), quota_year=ExtractYear("course__start")
    )
