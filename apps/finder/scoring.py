"""How well a cadre fits a course: a score made of parts, each weighted by a programme setting.

The parts are SQL expressions annotated on the cadre queryset, so the database ranks a whole
registry without loading it; the reasons shown beside a cadre are read back from the same
annotations, so a reason appears exactly when its part adds points (``reasons``).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Case,
    F,
    FilteredRelation,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import gettext as _

from apps.cadres.choices import Language
from apps.cadres.models import Cadre, TrainingRecord
from apps.nominations.choices import ACTIVE_STATUSES, NominationStatus
from apps.nominations.eligibility import required_language_level
from apps.nominations.models import Nomination
from apps.planning.models import NeedsRegistration
from apps.programme import settings_registry
from apps.programme.models import TrainingForm, WorkField

#: The parts of the score, in the order they are shown; each has the setting
#: ``finder_weight_<part>`` (its points) in ``apps.programme.settings_registry``.
PARTS = (
    "planning_pool",
    "named_in_needs",
    "field_match",
    "language",
    "years_to_serve",
    "not_trained",
    "balance",
)
#: Years of service left that earn the full ``years_to_serve`` points (fewer earn a share).
SERVE_FULL_YEARS = 10
#: Years since the last training under the programme that earn the full ``not_trained`` points;
#: never trained earns them too.
TRAINED_FULL_YEARS = 5
#: A side of the course (women or men; central or local) whose share of its nominees is below
#: this earns the ``balance`` points for its members.
BALANCE_SHARE = 1 / 3
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
#: Trained under the programme: sent on a course (it went ahead) or recorded in the training
#: history with a form of the programme.
SENT_STATUSES = (
    NominationStatus.DEPARTED,
    NominationStatus.COMPLETED,
    NominationStatus.NOT_COMPLETED,
)


def weight_setting(part: str) -> str:
    return f"finder_weight_{part}"


@dataclass(frozen=True)
class Weights:
    points: dict[str, int]

    @classmethod
    def load(cls) -> "Weights":
        values = settings_registry.load([weight_setting(part) for part in PARTS])
        return cls({part: values.get(weight_setting(part)) for part in PARTS})

    def __getitem__(self, part: str) -> int:
        return self.points[part]


@dataclass(frozen=True)
class CourseFit:
    """What the score of a course reads, loaded once per course (a fixed number of queries)."""

    course: object  # apps.courses.models.Course
    form: TrainingForm
    weights: Weights
    named_ids: frozenset[int]
    field_ids: frozenset[int]
    language: str
    required_level: str | None
    minority_gender: str | None
    minority_central: bool | None
    #: The start of the last training under the programme of every cadre ever trained.
    last_trained: dict[int, datetime.date]


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _scaled(weight: int, amount: int, full: int) -> int:
    return round(weight * min(amount, full) / full)


def course_fit(course, weights: Weights | None = None) -> CourseFit:
    form = TrainingForm.objects.get(pk=course.form_id)
    named = NeedsRegistration.candidates.through.objects.filter(
        needsregistration__call__year=course.start.year
    ).values_list("cadre_id", flat=True)
    fields = WorkField.content_groups.through.objects.filter(
        contentgroup_id=course.content_group_id
    ).values_list("workfield_id", flat=True)
    nominees = list(
        Nomination.objects.filter(course=course, status__in=ACTIVE_STATUSES).values_list(
            "cadre__gender", "cadre__agency__is_central"
        )
    )
    return CourseFit(
        course=course,
        form=form,
        weights=weights or Weights.load(),
        named_ids=frozenset(named),
        field_ids=frozenset(fields) if course.content_group_id else frozenset(),
        language=course.language,
        required_level=required_language_level(course, form) if course.language else None,
        minority_gender=_minority([gender for gender, _central in nominees], ("F", "M")),
        minority_central=_minority([central for _gender, central in nominees], (False, True)),
        last_trained=last_trained(),
    )


def last_trained() -> dict[int, datetime.date]:
    """When each cadre ever trained under the programme last started a course: sent on one
    (it went ahead) or recorded in the training history with a form of the programme. Two
    grouped queries; the trained are a small part of the registry."""
    latest: dict[int, datetime.date] = {}
    sent = (
        Nomination.objects.filter(status__in=SENT_STATUSES)
        .values("cadre_id")
        .annotate(last=Max("course__start"))
        .values_list("cadre_id", "last")
    )
    recorded = (
        TrainingRecord.objects.filter(programme_form__isnull=False)
        .values("cadre_id")
        .annotate(last=Max("start"))
        .values_list("cadre_id", "last")
    )
    for cadre_id, day in [*sent, *recorded]:
        latest[cadre_id] = max(day, latest.get(cadre_id, day))
    return latest


def _minority(values: list, sides: tuple):
    """The side whose share of the course's nominees is below ``BALANCE_SHARE`` (None when
    the course has no nominees yet or both sides are well represented)."""
    if not values:
        return None
    for side in sides:
        if values.count(side) / len(values) < BALANCE_SHARE:
            return side
    return None


def with_facts(queryset: QuerySet[Cadre], fit: CourseFit) -> QuerySet[Cadre]:
    """The level in the course's language (a join on the cadre's skill in that language), the
    one fact a part reads that is not a column of the cadre."""
    if not fit.language:
        return queryset
    skill = FilteredRelation("languages", condition=Q(languages__language=fit.language))
    return queryset.annotate(fit_skill=skill).annotate(fit_language_level=F("fit_skill__level"))


def _not_trained(fit: CourseFit) -> Case | Value:
    """Full points for the never trained and those trained ``TRAINED_FULL_YEARS`` or more years
    before the course; a share for the others, by whole years since their last training."""
    weight = fit.weights["not_trained"]
    by_points: dict[int, list[int]] = defaultdict(list)
    for cadre_id, day in fit.last_trained.items():
        points = _scaled(weight, _years_between(day, fit.course.start), TRAINED_FULL_YEARS)
        if points < weight:
            by_points[points].append(cadre_id)
    whens = [When(pk__in=sorted(ids), then=Value(p)) for p, ids in sorted(by_points.items())]
    if not whens:
        return Value(weight, output_field=IntegerField())
    return Case(*whens, default=Value(weight), output_field=IntegerField())


def _points(*whens: When) -> Case | Value:
    if not whens:
        return Value(0, output_field=IntegerField())
    return Case(*whens, default=Value(0), output_field=IntegerField())


def _when(condition: bool, **lookup) -> list[When]:
    """A ``When`` giving ``then`` points where ``lookup`` holds; none unless ``condition``."""
    return [When(**lookup)] if condition else []


def part_expressions(fit: CourseFit) -> dict[str, Case]:
    """One SQL expression per part (its points for the row), on a queryset ``with_facts``."""
    w, end = fit.weights, fit.course.end
    language = _points(
        *(
            When(fit_language_level=level, then=Value(_scaled(w["language"], rank, len(LEVELS))))
            for rank, level in enumerate(LEVELS, start=1)
        )
    )
    return {
        "planning_pool": _points(When(~Q(planned_for=""), then=Value(w["planning_pool"]))),
        "named_in_needs": _points(
            *_when(bool(fit.named_ids), pk__in=sorted(fit.named_ids), then=w["named_in_needs"])
        ),
        "field_match": _points(
            *_when(
                bool(fit.field_ids), work_field_id__in=sorted(fit.field_ids), then=w["field_match"]
            )
        ),
        "language": language if fit.language else _points(),
        "years_to_serve": _points(
            *(
                When(
                    expected_retirement__gte=_add_years(end, years),
                    then=Value(_scaled(w["years_to_serve"], years, SERVE_FULL_YEARS)),
                )
                for years in range(SERVE_FULL_YEARS, 0, -1)
            )
        ),
        "not_trained": _not_trained(fit),
        "balance": _points(
            *_when(fit.minority_gender is not None, gender=fit.minority_gender, then=w["balance"])
        )
        + _points(
            *_when(
                fit.minority_central is not None,
                agency__is_central=fit.minority_central,
                then=w["balance"],
            )
        ),
    }


def ranked(queryset: QuerySet[Cadre], fit: CourseFit) -> QuerySet[Cadre]:
    """``queryset`` with ``fit_<part>`` and ``fit_score``, best first; among equals, the cadres
    the agency named in its needs registration come first."""
    parts = part_expressions(fit)
    queryset = with_facts(queryset, fit).annotate(**{f"fit_{p}": e for p, e in parts.items()})
    score = sum((F(f"fit_{part}") for part in PARTS[1:]), F(f"fit_{PARTS[0]}"))
    return queryset.annotate(fit_score=score).order_by(
        "-fit_score", "-fit_named_in_needs", "search_key", "pk"
    )


@dataclass(frozen=True)
class Reason:
    part: str
    text: str
    points: int
    setting: str  # the setting's Vietnamese name, shown on hover with the points


def reasons(cadre: Cadre, fit: CourseFit, names: dict[str, str]) -> list[Reason]:
    """The short phrases that explain a ranked cadre's score: one per part that adds points."""
    texts = {
        "planning_pool": lambda: _("In the planning pool: %(post)s") % {"post": cadre.planned_for},
        "named_in_needs": lambda: (
            _("Named in the needs registration of %(year)s") % {"year": fit.course.start.year}
        ),
        "field_match": lambda: (
            _("Field of work matches content group (%(group)s)")
            % {"group": fit.course.content_group.code}
        ),
        "language": lambda: f"{Language(fit.language).label} {cadre.fit_language_level}",
        "years_to_serve": lambda: (
            _("%(years)s years of service left")
            % {"years": _years_between(fit.course.end, cadre.expected_retirement)}
        ),
        "not_trained": lambda: (
            _("Never trained abroad under the programme")
            if cadre.pk not in fit.last_trained
            else _("Last trained abroad under the programme in %(year)s")
            % {"year": fit.last_trained[cadre.pk].year}
        ),
        "balance": lambda: _balance_text(cadre, fit),
    }
    return [
        Reason(part, texts[part](), points, names[part])
        for part in PARTS
        if (points := getattr(cadre, f"fit_{part}"))
    ]


def _years_between(start: datetime.date, end: datetime.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _balance_text(cadre: Cadre, fit: CourseFit) -> str:
    texts = []
    if fit.minority_gender is not None and cadre.gender == fit.minority_gender:
        texts.append(_("Balances women and men in the course"))
    if fit.minority_central is not None and cadre.agency.is_central == fit.minority_central:
        texts.append(_("Balances central and local cadres in the course"))
    return "; ".join(texts)


def setting_names() -> dict[str, str]:
    return {part: settings_registry.SPECS[weight_setting(part)].name for part in PARTS}
