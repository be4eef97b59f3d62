"""The explained eligibility engine: rules are small functions returning a ``RuleResult``.

Each rule gets one ``Candidate`` (a cadre for a course) and an ``EligibilityContext`` holding
everything the rules read, loaded in bulk: evaluating 1 or 2,000 candidates costs the same
number of queries. Messages are stored as their English source and parameters and rendered in
the reader's language (Vietnamese in the UI) when shown.
"""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from apps.agencies.models import Agency
from apps.cadres.choices import LEVEL_ORDER
from apps.cadres.models import Cadre, LanguageSkill, TrainingRecord
from apps.core.models import User
from apps.planning import quota
from apps.programme import settings_registry
from apps.programme.models import TrainingForm

from .choices import (
    ACTIVE_STATUSES,
    ATTENDED_STATUSES,
    OUTCOME_ORDER,
    PLACE_STATUSES,
    NominationStatus,
    Outcome,
)

KL_24 = "KL §2.4"
DEFAULT_LANGUAGE_LEVEL = "B2"


@dataclasses.dataclass(frozen=True)
class RuleResult:
    code: str
    outcome: str
    text: str  # the English source of the message, translated when shown
    params: dict
    source: str

    @property
    def message(self) -> str:
        return gettext(self.text) % self.params

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, row: dict) -> "RuleResult":
        return cls(
            code=row["code"],
            outcome=row["outcome"],
            text=row["text"],
            params=row.get("params", {}),
            source=row.get("source", ""),
        )


@dataclasses.dataclass
class Candidate:
    cadre: Cadre
    course: object  # apps.courses.models.Course
    agency: Agency | None = None  # the nominating unit; its quota holder is looked up
    nomination_id: int | None = None


@dataclasses.dataclass
class HistoryRow:
    nomination_id: int
    course_id: int
    course_code: str
    form_id: int
    start: datetime.date
    end: datetime.date
    status: str


@dataclasses.dataclass
class EligibilityContext:
    settings: settings_registry.Values
    forms: dict[int, TrainingForm]
    form_levels: dict[int, set[int]]
    languages: dict[int, dict[str, str]]
    history: dict[int, list[HistoryRow]]
    quotas: dict[tuple[int, int, int], quota.QuotaState] = dataclasses.field(default_factory=dict)
    holders: dict[int, Agency] = dataclasses.field(default_factory=dict)
    #: Display names of the users who confirmed a cadre's regular use of a language (R3).
    confirmers: dict[int, str] = dataclasses.field(default_factory=dict)

    def setting_value(self, code: str):
        return self.settings.get(code)

    def severity(self, code: str, default: str) -> str:
        return self.settings.severity(code) or default

    def quota(self, agency: Agency, form: TrainingForm, year: int) -> quota.QuotaState:
        return self.quotas[(agency.pk, form.pk, year)]


def build_context(candidates: list[Candidate]) -> EligibilityContext:
    """Load what every rule reads for all candidates at once (a fixed number of queries)."""
    from .models import Nomination

    cadre_ids = {c.cadre.pk for c in candidates}
    forms = {form.pk: form for form in TrainingForm.objects.all()}
    form_levels: dict[int, set[int]] = defaultdict(set)
    for form_id, level_id in TrainingForm.eligible_levels.through.objects.values_list(
        "trainingform_id", "positionlevel_id"
    ):
        form_levels[form_id].add(level_id)
    languages: dict[int, dict[str, str]] = defaultdict(dict)
    for cadre_id, language, level in LanguageSkill.objects.filter(
        cadre_id__in=cadre_ids
    ).values_list("cadre_id", "language", "level"):
        languages[cadre_id][language] = level
    history: dict[int, list[HistoryRow]] = defaultdict(list)
    rows = Nomination.objects.filter(
        cadre_id__in=cadre_ids, status__in={*ACTIVE_STATUSES, *ATTENDED_STATUSES, *PLACE_STATUSES}
    ).values_list(
        "pk",
        "cadre_id",
        "course_id",
        "course__code",
        "course__form_id",
        "course__start",
        "course__end",
        "status",
    )
    for pk, cadre_id, course_id, code, form_id, start, end, status in rows:
        history[cadre_id].append(HistoryRow(pk, course_id, code, form_id, start, end, status))
    # Courses of this programme attended before the system (entered or imported into the
    # training history with their form); those it filled itself are the nominations above.
    trainings = TrainingRecord.objects.filter(
        cadre_id__in=cadre_ids, programme_form__isnull=False, programme_course_code=""
    ).values_list("cadre_id", "course_name", "programme_form_id", "start", "end")
    for cadre_id, name, form_id, start, end in trainings:
        row = HistoryRow(0, 0, name, form_id, start, end or start, NominationStatus.COMPLETED)
        history[cadre_id].append(row)
    quotas = quota.quota_states(
        {
            (c.agency, c.course.form_id, c.course.start.year)
            for c in candidates
            if c.agency is not None and quota.uses_quota(c.course)
        }
    )
    holders = Agency.objects.in_bulk({state.holder_id for state in quotas.values()})
    return EligibilityContext(
        settings=settings_registry.load(),
        forms=forms,
        form_levels=form_levels,
        languages=languages,
        history=history,
        quotas=quotas,
        holders=holders,
        confirmers={
            user.pk: user.display_name
            for user in User.objects.filter(
                pk__in={c.cadre.language_use_confirmed_by_id for c in candidates} - {None}
            )
        },
    )


Rule = Callable[[Candidate, EligibilityContext], RuleResult | None]


def _form(candidate: Candidate, ctx: EligibilityContext) -> TrainingForm:
    return ctx.forms[candidate.course.form_id]


def _form_name(form: TrainingForm) -> str:
    return form.name[:1].lower() + form.name[1:]


def rule_position_level(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R1 (short) / R2 (medium): the cadre's position level is one the form admits."""
    form = _form(candidate, ctx)
    levels = ctx.form_levels.get(form.pk)
    if not levels:
        return None
    cadre = candidate.cadre
    code = "R2" if form.code == "MEDIUM" else "R1"
    params = {
        "position": cadre.position_title,
        "level": cadre.position_level.label,
        "form": _form_name(form),
        "source": form.source or KL_24,
    }
    if cadre.position_level_id in levels:
        text = gettext_noop(
            "Position '%(position)s' (%(level)s) is eligible for %(form)s (%(source)s)"
        )
        return RuleResult(code, Outcome.PASS, text, params, params["source"])
    text = gettext_noop(
        "Position '%(position)s' (%(level)s) is not among those eligible for %(form)s (%(source)s)"
    )
    return RuleResult(code, Outcome.FAIL, text, params, params["source"])


def required_language_level(course, form: TrainingForm) -> str | None:
    if course.min_language_level:
        return course.min_language_level
    if form.taught_in_foreign_language:
        return form.min_language_level or DEFAULT_LANGUAGE_LEVEL
    return None


def rule_language_level(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R2: a course taught in a foreign language needs at least its level (default B2)."""
    form = _form(candidate, ctx)
    course = candidate.course
    required = required_language_level(course, form)
    if not required:
        return None
    skills = ctx.languages.get(candidate.cadre.pk, {})
    if course.language:
        level = skills.get(course.language)
    else:
        level = max(skills.values(), key=lambda lv: LEVEL_ORDER.get(lv, -1), default=None)
    source = form.source or KL_24
    params = {"level": level or "—", "required": required, "source": source}
    if level and LEVEL_ORDER.get(level, -1) >= LEVEL_ORDER[required]:
        text = gettext_noop(
            "Foreign language level %(level)s meets the course's %(required)s (%(source)s)"
        )
        return RuleResult("R2", Outcome.PASS, text, params, source)
    if level is None:
        text = gettext_noop(
            "No foreign language level recorded; the course is taught in a foreign language "
            "and needs at least %(required)s (%(source)s)"
        )
    else:
        text = gettext_noop(
            "Foreign language level %(level)s is below the %(required)s the course needs "
            "(%(source)s)"
        )
    return RuleResult("R2", Outcome.FAIL, text, params, source)


def rule_uses_language(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R3: a language course is for cadres who use a foreign language regularly at work."""
    form = _form(candidate, ctx)
    if form.code != "LANGUAGE":
        return None
    source = form.source or KL_24
    params = {"source": source}
    cadre = candidate.cadre
    if cadre.uses_foreign_language:
        if cadre.language_use_confirmed_at is None:
            text = gettext_noop(
                "Uses a foreign language regularly at work, as a language course requires; "
                "who confirmed it and when is not recorded (%(source)s)"
            )
            return RuleResult("R3", Outcome.PASS, text, params, source)
        params |= {
            "who": ctx.confirmers.get(cadre.language_use_confirmed_by_id, "—"),
            "date": timezone.localtime(cadre.language_use_confirmed_at).strftime("%d/%m/%Y"),
        }
        text = gettext_noop(
            "Uses a foreign language regularly at work, as a language course requires: "
            "confirmed by %(who)s on %(date)s (%(source)s)"
        )
        return RuleResult("R3", Outcome.PASS, text, params, source)
    text = gettext_noop(
        "Not recorded as using a foreign language regularly at work: a language course is for "
        "those who do (%(source)s)"
    )
    return RuleResult("R3", Outcome.FAIL, text, params, source)


#: The clause cited for a setting that names none: the Central Organization Commission sets the
#: programme's rules (KL §3.2).
SETTINGS_CLAUSE = "KL §3.2"


def _setting_source(ctx: EligibilityContext, code: str, value: int | None = None) -> str:
    """The source as the office reads it: the clause, then the setting's Vietnamese name and
    value ("KL §1; Không tham gia cùng hình thức trong số năm gần đây: 3"), never its code."""
    setting = ctx.settings.rows.get(code)
    name = setting.name if setting else settings_registry.SPECS[code].name
    clause = setting.source if setting and setting.source not in ("", "setting") else ""
    shown = f"{name}: {value}" if value is not None else name
    return f"{clause or SETTINGS_CLAUSE}; {shown}"


def _months_between(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def rule_retirement(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R5: enough service left before retirement (default: a warning under 2 years)."""
    years = ctx.setting_value("retirement_min_years")
    source = _setting_source(ctx, "retirement_min_years", years)
    retires = candidate.cadre.expected_retirement
    if retires is None:
        text = gettext_noop("No expected retirement date recorded (%(source)s)")
        return RuleResult("R5", Outcome.WARNING, text, {"source": source}, source)
    months = _months_between(candidate.course.start, retires)
    params = {
        "date": retires.strftime("%m/%Y"),
        "months": months,
        "years": str(years),  # a Decimal; the params are stored as JSON with the nomination
        "source": source,
    }
    if months >= years * 12:
        text = gettext_noop(
            "Expected to retire in %(date)s, %(months)s months after the course starts (%(source)s)"
        )
        return RuleResult("R5", Outcome.PASS, text, params, source)
    text = gettext_noop(
        "Expected to retire in %(date)s, only %(months)s months after the course starts: "
        "under %(years)s years of service left (%(source)s)"
    )
    return RuleResult(
        "R5", ctx.severity("retirement_min_years", Outcome.WARNING), text, params, source
    )


def _years_from(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def rule_same_form(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R6: not attended, nor approved for, the same form within N years before or after the
    course starts (the programme's own history): two courses of one form in one year are the
    same repeat whichever of them is nominated first."""
    form = _form(candidate, ctx)
    years = ctx.setting_value("same_form_repeat_years")
    source = _setting_source(ctx, "same_form_repeat_years", years)
    start = candidate.course.start
    since, until = _years_from(start, -years), _years_from(start, years)
    others = [
        row
        for row in ctx.history.get(candidate.cadre.pk, ())
        if row.form_id == form.pk
        and row.course_id != candidate.course.pk
        and row.status in ATTENDED_STATUSES
        and since <= row.end
        and row.start <= until
    ]
    params = {"form": _form_name(form), "years": years, "source": source}
    if not others:
        text = gettext_noop(
            "Has not attended, nor been approved for, %(form)s within %(years)s years before or "
            "after this course (%(source)s)"
        )
        return RuleResult("R6", Outcome.PASS, text, params, source)
    nearest = min(others, key=lambda row: abs((row.start - start).days))
    params |= {
        "course": nearest.course_code,
        "start": nearest.start.strftime("%d/%m/%Y"),
        "end": nearest.end.strftime("%d/%m/%Y"),
    }
    if nearest.status == NominationStatus.APPROVED:
        text = gettext_noop(
            "Already approved for %(form)s within %(years)s years of this course: course "
            "%(course)s (%(start)s – %(end)s) (%(source)s)"
        )
    else:
        text = gettext_noop(
            "Attended %(form)s within %(years)s years of this course: course %(course)s "
            "(%(start)s – %(end)s) (%(source)s)"
        )
    return RuleResult(
        "R6", ctx.severity("same_form_repeat_years", Outcome.WARNING), text, params, source
    )


def rule_date_clash(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R7: no date clash with another course the cadre is in."""
    course = candidate.course
    source = _setting_source(ctx, "date_clash")
    clashes = [
        row
        for row in ctx.history.get(candidate.cadre.pk, ())
        if row.course_id != course.pk
        and row.status in ACTIVE_STATUSES
        and row.start <= course.end
        and course.start <= row.end
    ]
    if not clashes:
        text = gettext_noop("No other course of the cadre overlaps these dates (%(source)s)")
        return RuleResult("R7", Outcome.PASS, text, {"source": source}, source)
    clash = min(clashes, key=lambda row: row.start)
    params = {
        "course": clash.course_code,
        "start": clash.start.strftime("%d/%m/%Y"),
        "end": clash.end.strftime("%d/%m/%Y"),
        "source": source,
    }
    text = gettext_noop(
        "Dates clash with course %(course)s (%(start)s – %(end)s) the cadre is already in "
        "(%(source)s)"
    )
    return RuleResult("R7", ctx.severity("date_clash", Outcome.FAIL), text, params, source)


def rule_quota(candidate: Candidate, ctx: EligibilityContext) -> RuleResult | None:
    """R8: the quota holder of the nominating unit keeps a place for the form and year.

    The counting, the holder (the unit's own quota first) and the courses that use a quota are
    ``apps.planning.quota``'s, the very ones approval checks: a decentralised course (KL §2.5)
    uses no quota of the plan. The source is the approved plan, cited as a sentence.
    """
    if candidate.agency is None or not quota.uses_quota(candidate.course):
        return None
    form = _form(candidate, ctx)
    year = candidate.course.start.year
    state = ctx.quota(candidate.agency, form, year)
    params = {
        "agency": ctx.holders[state.holder_id].name,
        "form": _form_name(form),
        "year": year,
    }
    if state.places is None:
        source = f"No approved plan of {year}"
        text = gettext_noop(
            "No quota of %(agency)s for %(form)s in %(year)s: the %(year)s plan is not approved "
            "yet, so the quota cannot be checked"
        )
        return RuleResult("R8", Outcome.WARNING, text, params, source)
    used = state.used
    if candidate.nomination_id is not None and candidate.nomination_id in {
        row.nomination_id
        for row in ctx.history.get(candidate.cadre.pk, ())
        if row.status in PLACE_STATUSES
    }:
        used -= 1  # re-checking a nomination that already holds its place
    params |= {"used": used, "quota": state.places, "plan": state.plan_id}
    source = f"Approved plan of {year}, quota of {params['agency']}: {state.places} places"
    if used < state.places:
        text = gettext_noop(
            "%(agency)s has used %(used)s of its %(quota)s places for %(form)s in %(year)s "
            "(Approved plan of %(year)s, quota of %(agency)s: %(quota)s places)"
        )
        return RuleResult("R8", Outcome.PASS, text, params, source)
    text = gettext_noop(
        "%(agency)s has already used all %(quota)s of its places for %(form)s in %(year)s "
        "(Approved plan of %(year)s, quota of %(agency)s: %(quota)s places)"
    )
    return RuleResult("R8", Outcome.FAIL, text, params, source)


#: The rules a steering admin may override with a written reason. R8 is not one of them:
#: approval checks the quota again, so the way through a full quota is a quota move.
NOT_OVERRIDABLE = frozenset({"R8"})


def overridable_fail(results: Iterable[RuleResult]) -> bool:
    """Whether a rule that an override can lift fails."""
    return any(r.outcome == Outcome.FAIL and r.code not in NOT_OVERRIDABLE for r in results)


def quota_fail(results: Iterable[RuleResult]) -> RuleResult | None:
    """The failing quota rule (R8), if any: its ``params["plan"]`` is the approved plan."""
    return next((r for r in results if r.code == "R8" and r.outcome == Outcome.FAIL), None)


#: The engine: every rule in order. The overlap detection (C6) adds its check of other
#: programmes in the same year (R6, second part) by appending a rule to ``EXTRA_RULES``.
RULES: list[Rule] = [
    rule_position_level,
    rule_language_level,
    rule_uses_language,
    rule_retirement,
    rule_same_form,
    rule_date_clash,
    rule_quota,
]
EXTRA_RULES: list[Rule] = []


def evaluate_one(candidate: Candidate, ctx: EligibilityContext) -> list[RuleResult]:
    results = []
    for rule in [*RULES, *EXTRA_RULES]:
        result = rule(candidate, ctx)
        if result is not None:
            results.append(result)
    return results


def evaluate(candidates: Iterable[Candidate]) -> list[list[RuleResult]]:
    """Results of every candidate, in order, with a number of queries independent of how many."""
    candidates = list(candidates)
    ctx = build_context(candidates)
    return [evaluate_one(candidate, ctx) for candidate in candidates]


def overall(results: Iterable[RuleResult]) -> str:
    worst = Outcome.PASS
    for result in results:
        if OUTCOME_ORDER[result.outcome] > OUTCOME_ORDER[worst]:
            worst = Outcome(result.outcome)
    return str(worst)
