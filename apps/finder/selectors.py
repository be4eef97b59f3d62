"""Reads of the candidate finder; every one starts from the cadres the user may nominate."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, QuerySet, Value, When

from apps.agencies.models import Agency
from apps.cadres.models import Cadre, LanguageSkill
from apps.core.scoping import CHANGE
from apps.core.text import normalize_vi
from apps.nominations.choices import ACTIVE_STATUSES, ATTENDED_STATUSES, PLACE_STATUSES, Outcome
from apps.nominations.eligibility import Candidate, RuleResult, evaluate, overall
from apps.planning import quota
from apps.programme import settings_registry
from apps.programme.models import TrainingForm

from . import scoring

PAGE_SIZE = 20


@dataclass(frozen=True)
class Filters:
    unit: Agency | None = None
    level_id: int | None = None
    field_id: int | None = None
    language: str = ""
    planning_pool: bool = False
    search: str = ""


@dataclass
class Suggestion:
    cadre: Cadre
    score: int
    reasons: list[scoring.Reason]
    results: list[RuleResult]
    outcome: str
    failing: list[RuleResult] = field(default_factory=list)


@dataclass(frozen=True)
class Suggestions:
    page: Page  # of ``Suggestion``
    fit: scoring.CourseFit
    #: Named in the needs registration of the course's year, now failing a rule (page 1 only).
    named_ineligible: list[Suggestion]


def _months_later(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return datetime.date(year, month + 1, min(day.day, 28))


def blocked_agencies(course) -> set[int]:
    """Agencies whose quota has no place left for the course (R8 would fail for all their
    cadres); empty when the course uses no quota."""
    if not quota.uses_quota(course):
        return set()
    return quota.units_without_places(form_id=course.form_id, year=course.start.year)


def hard_rules(
    queryset: QuerySet[Cadre], fit: scoring.CourseFit, blocked: set[int]
) -> QuerySet[Cadre]:
    """Keep the cadres who pass every rule that fails (not only warns) for the course: the
    position level (R1/R2), the language level (R3), retirement (R5) and dates (R7) when their
    settings make them fail, and the quota of their unit (R8: ``blocked_agencies``)."""
    course = fit.course
    settings = settings_registry.load(["retirement_min_years", "date_clash"])
    levels = TrainingForm.eligible_levels.through.objects.filter(trainingform_id=fit.form.pk)
    queryset = queryset.filter(
        position_level_id__in=list(levels.values_list("positionlevel_id", flat=True))
    )
    if fit.required_level:
        queryset = queryset.filter(
            pk__in=LanguageSkill.objects.filter(
                language=fit.language, level__gte=fit.required_level
            ).values("cadre_id")
        )
    if (settings.severity("retirement_min_years") or Outcome.WARNING) == Outcome.FAIL:
        months = round(settings.get("retirement_min_years") * 12)
        queryset = queryset.filter(expected_retirement__gte=_months_later(course.start, months))
    if (settings.severity("date_clash") or Outcome.FAIL) == Outcome.FAIL:
        statuses = {*ACTIVE_STATUSES, *ATTENDED_STATUSES, *PLACE_STATUSES}
        queryset = queryset.exclude(
            pk__in=course.nominations.model.objects.filter(
                status__in=statuses, course__start__lte=course.end, course__end__gte=course.start
            )
            .exclude(course=course)
            .values("cadre_id")
        )
    return queryset.exclude(agency_id__in=blocked) if blocked else queryset


def pool(*, fetched_by, course, filters: Filters) -> QuerySet[Cadre]:
    """The cadres the user may nominate to ``course`` who are not on it yet, filtered."""
    queryset = (
        Cadre.objects.restrict(fetched_by, CHANGE)
        .filter(agency__is_active=True)
        .exclude(pk__in=course.nominations.values("cadre_id"))
        .select_related("agency", "position_level", "work_field")
    )
    if filters.unit is not None:
        queryset = queryset.filter(agency__path__startswith=filters.unit.path)
    if filters.level_id:
        queryset = queryset.filter(position_level_id=filters.level_id)
    if filters.field_id:
        queryset = queryset.filter(work_field_id=filters.field_id)
    if filters.language:
        queryset = queryset.filter(languages__language=filters.language).distinct()
    if filters.planning_pool:
        queryset = queryset.exclude(planned_for="")
    key = normalize_vi(filters.search)
    if len(key) >= 2:
        queryset = queryset.filter(
            Q(search_key__contains=key) | Q(position_title__icontains=filters.search.strip())
        )
    return queryset


def suggestions(
    *,
    fetched_by,
    course,
    filters: Filters = Filters(),
    page: int | str = 1,
    show_all: bool = False,
    page_size: int = PAGE_SIZE,
) -> "Suggestions":
    """A page of the cadres who fit ``course`` best, each with its reasons and eligibility.

    By default only cadres who pass every failing rule are listed; ``show_all`` lists everyone
    in scope, each with the rules it fails (for an override request). On the first page, the
    cadres named in the needs registration who now fail a rule, each with why."""
    fit = scoring.course_fit(course)
    blocked = blocked_agencies(course)
    queryset = pool(fetched_by=fetched_by, course=course, filters=filters)
    if not show_all:
        queryset = hard_rules(queryset, fit, blocked)
    paginator = Paginator(scoring.ranked(queryset, fit), page_size)
    page_obj = paginator.get_page(page)
    page_obj.object_list = explain(list(page_obj.object_list), fit)
    named = _named_but_ineligible(fetched_by, course, fit, blocked) if page_obj.number == 1 else []
    return Suggestions(page_obj, fit, named)


def explain(cadres: list[Cadre], fit: scoring.CourseFit) -> list[Suggestion]:
    """Reasons and the eligibility engine's results for ranked cadres (queries independent of
    their number)."""
    results = evaluate(Candidate(cadre, fit.course, cadre.agency) for cadre in cadres)
    names = scoring.setting_names()
    return [
        Suggestion(
            cadre=cadre,
            score=cadre.fit_score,
            reasons=scoring.reasons(cadre, fit, names),
            results=rule_results,
            outcome=overall(rule_results),
            failing=[r for r in rule_results if r.outcome == Outcome.FAIL],
        )
        for cadre, rule_results in zip(cadres, results, strict=True)
    ]


def _named_but_ineligible(fetched_by, course, fit, blocked) -> list[Suggestion]:
    if not fit.named_ids:
        return []
    named = pool(fetched_by=fetched_by, course=course, filters=Filters()).filter(
        pk__in=sorted(fit.named_ids)
    )
    failing = named.exclude(pk__in=hard_rules(named, fit, blocked).values("pk"))
    rows = scoring.ranked(failing, fit)[:PAGE_SIZE]
    return [s for s in explain(list(rows), fit) if s.failing]


def untrained(*, fetched_by, year: int) -> QuerySet[Cadre]:
    """Leaders in the planning pool or at a level some form admits who have never been trained
    under the programme (never sent on a course, no training record of a programme form): the
    pool to plan next year's needs from, best candidates (planning pool, years left) first."""
    eligible_levels = TrainingForm.eligible_levels.through.objects.values("positionlevel_id")
    queryset = (
        Cadre.objects.restrict(fetched_by, CHANGE)
        .filter(agency__is_active=True)
        .filter(Q(position_level__in=eligible_levels) | ~Q(planned_for=""))
        .filter(expected_retirement__gte=datetime.date(year, 1, 1))
        .exclude(trainings__programme_form__isnull=False)
        .exclude(nominations__status__in=scoring.SENT_STATUSES)
        .select_related("agency", "position_level", "work_field")
    )
    in_pool = Case(When(~Q(planned_for=""), then=Value(1)), default=Value(0))
    return queryset.annotate(in_pool=in_pool).order_by(
        "-in_pool", "position_level__rank", "-expected_retirement", "search_key", "pk"
    )


def untrained_by_level_and_field(queryset: QuerySet[Cadre]) -> list[dict]:
    """Counts of ``untrained`` cadres per (position level, field of work)."""
    return list(
        queryset.order_by()
        .values("position_level__rank", "position_level__short_name", "work_field__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("position_level__rank", "work_field__name")
    )
