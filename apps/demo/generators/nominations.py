"""Nominations of every course but the planned ones, with eligibility checked by the real engine.

Agencies nominate within the quotas of the approved plan (decentralised courses: the organiser's
own cadres), mostly cadres of the levels the form admits; a few nominees fail a rule and are
rejected (two of them approved on a steering admin's override with a written reason), some carry
warnings (retirement near, the same form within three years) that the agency confirmed. Past
courses are completed, the language courses' exit test stopped a few members, the course abroad
now has departed, closed courses have approved and waitlisted nominees, open ones are under review.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from apps.agencies.models import Agency
from apps.cadres.choices import LEVEL_ORDER
from apps.cadres.models import Cadre, LanguageSkill
from apps.courses.choices import CourseStatus
from apps.courses.models import Course
from apps.nominations.choices import PLACE_STATUSES
from apps.nominations.eligibility import Candidate, evaluate, overall
from apps.nominations.models import GateResult, Nomination, NominationTransition
from apps.planning import quota
from apps.planning.models import AnnualPlan, PlanStatus, Quota

from .base import DemoContext, Generator, register
from .planning import PlanningGenerator

PATHS = {
    "draft": ["draft"],
    "submitted": ["draft", "submitted"],
    "approved": ["draft", "submitted", "approved"],
    "rejected": ["draft", "submitted", "rejected"],
    "waitlisted": ["draft", "submitted", "waitlisted"],
    "withdrawn": ["draft", "submitted", "approved", "withdrawn"],
    "not_continuing": ["draft", "submitted", "approved", "not_continuing"],
    "departed": ["draft", "submitted", "approved", "departed"],
    "completed": ["draft", "submitted", "approved", "departed", "completed"],
    "not_completed": ["draft", "submitted", "approved", "departed", "not_completed"],
}
ELIGIBLE_LEVELS = {
    "SHORT": {"TW_MANAGED", "PROVINCIAL_STANDING", "DEPARTMENT_CENTRAL"},
    "MEDIUM": {"TW_MANAGED", "PROVINCIAL_STANDING", "DEPARTMENT_CENTRAL", "DEPARTMENT_LOCAL"},
}
OFF_PROFILE_SHARE = 0.05
OVERRIDES = 2
OVERRIDE_REASON = (
    "Đồng chí là chuyên gia đầu ngành của lĩnh vực; Thường trực Ban Chỉ đạo đồng ý cử theo đề "
    "nghị của cơ quan (ngoại lệ)."
)
GATE_PASS = Decimal(60)
#: Cadres who attended within this many years are mostly left out (R6); a few are not.
REPEAT_YEARS = 3
REPEAT_SHARE = 0.03


def _path(row: Nomination) -> list[str]:
    """The statuses a nomination went through; a failing draft was withdrawn, never submitted."""
    if row.status == "withdrawn" and row.outcome == "fail" and row.override_by_id is None:
        return ["draft", "withdrawn"]
    return PATHS[row.status]


def _aware(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _timeline(rng, course: Course, steps: int, now: datetime.datetime) -> list[datetime.datetime]:
    """When each step happened: nominated 6–12 weeks before the course, decided before it
    starts, departed on its first day and completed on its last; never after ``now``."""
    nominated = course.start - datetime.timedelta(days=rng.randint(42, 84))
    decided = course.start - datetime.timedelta(days=rng.randint(7, 20))
    days = [nominated, nominated + datetime.timedelta(days=rng.randint(2, 10)), decided]
    days += [course.start, course.end]
    times = [_aware(day, 9 + index) for index, day in enumerate(days[:steps])]
    return [min(time, now - datetime.timedelta(minutes=steps - i)) for i, time in enumerate(times)]


@register
class NominationGenerator(Generator):
    name = "nominations"
    order = 50

    def run(self, ctx: DemoContext) -> dict[str, int]:
        if Nomination.objects.exists():
            return {}
        rng = ctx.rng(self.name)
        admin = PlanningGenerator._admin()
        courses = list(
            Course.objects.exclude(status=CourseStatus.PLANNED)
            .select_related("form")
            .order_by("start", "pk")
        )
        roots = {a.pk: a for a in Agency.objects.filter(parent__isnull=True)}
        pools = self._pools()
        quotas: dict[tuple[int, str], list[int]] = defaultdict(list)
        for year, agency_id, code, places in Quota.objects.filter(
            plan__status=PlanStatus.APPROVED
        ).values_list("plan__year", "agency_id", "form__code", "places"):
            if agency_id in roots:
                quotas[(year, code)] += [agency_id] * places
        figures = dict.fromkeys(("nominations", "overrides", "gate results"), 0)
        now = timezone.now()
        overrides_left = OVERRIDES
        recent: dict[tuple[int, str], int] = {}
        by_year: dict[int, list[Course]] = defaultdict(list)
        for course in courses:
            by_year[course.start.year].append(course)
        for year in sorted(by_year):
            taken = {
                cadre_id
                for (cadre_id, _form), attended in recent.items()
                if year - attended <= REPEAT_YEARS and rng.random() > REPEAT_SHARE
            }
            picks: list[tuple[Course, int, int]] = []
            for course in by_year[year]:
                wanted = self._wanted(rng, course)
                holders = (
                    [int(course.organiser.path.split("/")[0])]
                    if course.organiser_id
                    else quotas.get((year, course.form.code)) or list(pools["any"])
                )
                for _ in range(wanted):
                    root_id = rng.choice(holders)
                    cadre_id = self._pick(rng, pools, root_id, course.form.code, taken)
                    if cadre_id is not None:
                        taken.add(cadre_id)
                        picks.append((course, cadre_id, root_id))
            cadres = Cadre.objects.select_related("agency", "position_level").in_bulk(
                [cadre_id for _c, cadre_id, _r in picks]
            )
            candidates = [
                Candidate(cadres[cadre_id], course, cadres[cadre_id].agency)
                for course, cadre_id, root_id in picks
            ]
            results = evaluate(candidates)
            rows = []
            for candidate, rule_results in zip(candidates, results, strict=True):
                outcome = overall(rule_results)
                status, override = self._status(rng, candidate.course, outcome, overrides_left)
                overrides_left -= override
                rows.append(
                    Nomination(
                        course=candidate.course,
                        cadre=candidate.cadre,
                        agency=candidate.agency,
                        status=status,
                        eligibility=[r.as_dict() for r in rule_results],
                        outcome=outcome,
                        checked_at=timezone.now(),
                        warnings_confirmed=outcome == "warning" and status != "draft",
                        override_reason=OVERRIDE_REASON if override else "",
                        override_by=admin if override else None,
                        override_at=timezone.now() if override else None,
                        waitlisted_at=timezone.now() if status == "waitlisted" else None,
                        created_by=admin,
                    )
                )
                figures["overrides"] += override
            self._fill_capacity(rows)
            Nomination.objects.bulk_create(rows, batch_size=1000)
            figures["gate results"] += self._gates(rng, rows, admin)
            transitions = []
            for row in rows:
                path = _path(row)
                times = _timeline(rng, row.course, len(path), now)
                row.created_at = row.checked_at = times[0]
                if row.override_by_id:
                    row.override_at = times[0] + datetime.timedelta(days=1)
                if row.status == "waitlisted":
                    row.waitlisted_at = times[-1]
                transitions += [
                    NominationTransition(
                        nomination=row,
                        from_status=before,
                        to_status=after,
                        actor=admin,
                        at=at,
                        # The workflow table requires a reason to reject (apps.core.workflow).
                        reason=row.decision_reason if after == "rejected" else "",
                    )
                    for before, after, at in zip(["", *path], path, times, strict=False)
                ]
            # created_at and at are set on insert: the dates the steps really took go in after
            Nomination.objects.bulk_update(
                rows, ["created_at", "checked_at", "override_at", "waitlisted_at"], batch_size=1000
            )
            wanted = [transition.at for transition in transitions]
            NominationTransition.objects.bulk_create(transitions, batch_size=2000)
            for transition, at in zip(transitions, wanted, strict=True):
                transition.at = at
            NominationTransition.objects.bulk_update(transitions, ["at"], batch_size=2000)
            figures["nominations"] += len(rows)
            for row in rows:
                if row.status in PLACE_STATUSES:
                    recent[(row.cadre_id, row.course.form.code)] = year
        for plan in AnnualPlan.objects.filter(status=PlanStatus.APPROVED):
            quota.record_plan(plan)  # Quota.used = the places the quota module counts
        return figures

    @staticmethod
    def _pools() -> dict:
        """Cadre ids by (root agency, form): those the form admits, and anyone of the root."""
        best: dict[int, int] = {}
        for cadre_id, level in LanguageSkill.objects.values_list("cadre_id", "level"):
            best[cadre_id] = max(best.get(cadre_id, -1), LEVEL_ORDER[level])
        pools: dict = defaultdict(list)
        for cadre_id, path, level, uses in Cadre.objects.order_by("pk").values_list(
            "pk", "agency__path", "position_level__code", "uses_foreign_language"
        ):
            root_id = int(path.split("/")[0])
            pools[("any", root_id)].append(cadre_id)
            pools["any"].append(root_id)
            if level in ELIGIBLE_LEVELS["SHORT"]:
                pools[(root_id, "SHORT")].append(cadre_id)
            if level in ELIGIBLE_LEVELS["MEDIUM"] and best.get(cadre_id, -1) >= LEVEL_ORDER["B2"]:
                pools[(root_id, "MEDIUM")].append(cadre_id)
            if uses:
                pools[(root_id, "LANGUAGE")].append(cadre_id)
        pools["any"] = sorted(set(pools["any"]))
        return pools

    @staticmethod
    def _pick(rng, pools, root_id: int, form_code: str, taken: set[int]) -> int | None:
        pool = pools.get((root_id, form_code)) or []
        if rng.random() < OFF_PROFILE_SHARE or not pool:
            pool = pools.get(("any", root_id)) or []
        for _ in range(6):
            if not pool:
                return None
            cadre_id = rng.choice(pool)
            if cadre_id not in taken:
                return cadre_id
        return None

    @staticmethod
    def _wanted(rng, course: Course) -> int:
        if course.status in (CourseStatus.COMPLETED, CourseStatus.DEPARTED):
            return course.capacity + rng.randint(0, 3)
        if course.status == CourseStatus.CLOSED:
            return course.capacity + rng.randint(2, 5)
        return round(course.capacity * rng.uniform(0.4, 0.9))

    @staticmethod
    def _status(rng, course: Course, outcome: str, overrides_left: int) -> tuple[str, int]:
        status = course.status
        if outcome == "fail":
            if status == CourseStatus.COMPLETED and overrides_left > 0:
                return "completed", 1
            if status == CourseStatus.OPEN:
                return "draft", 0
            # a failing draft cannot be submitted (nomination_submit): the agency withdrew it
            return "withdrawn", 0
        if status == CourseStatus.COMPLETED:
            roll = rng.random()
            return (
                "withdrawn" if roll < 0.04 else "not_completed" if roll < 0.06 else "completed"
            ), 0
        if status == CourseStatus.DEPARTED:
            return ("withdrawn" if rng.random() < 0.04 else "departed"), 0
        if status == CourseStatus.CLOSED:
            return "approved", 0
        roll = rng.random()
        if outcome == "warning" and roll < 0.2:
            return "draft", 0
        return ("approved" if roll > 0.8 else "submitted"), 0

    @staticmethod
    def _fill_capacity(rows: list[Nomination]) -> None:
        """No course holds more places than its capacity: the rest wait or were turned down."""
        taken: dict[int, int] = defaultdict(int)
        holding = {"approved", "departed", "completed", "not_completed", "withdrawn"}
        # the overridden nominees were let through on purpose: they keep their places first
        for row in sorted(rows, key=lambda row: row.override_by is None):
            if row.status not in holding:
                continue
            if row.status == "withdrawn":
                continue
            if taken[row.course.pk] >= row.course.capacity:
                if row.course.status == CourseStatus.CLOSED:
                    row.status, row.waitlisted_at = "waitlisted", timezone.now()
                else:
                    row.status = "rejected"
                    row.decision_reason = "Lớp đã đủ số lượng học viên."
                continue
            taken[row.course.pk] += 1

    @staticmethod
    def _gates(rng, rows: list[Nomination], admin) -> int:
        """Exit tests of the language courses that went abroad; members below the mark stop."""
        results = []
        for row in rows:
            if row.course.form.code != "LANGUAGE" or row.status not in (
                "departed",
                "completed",
                "not_completed",
            ):
                continue
            score = Decimal(rng.randint(45, 95))
            if score < GATE_PASS:
                row.status = "not_continuing"
            results.append(
                GateResult(
                    nomination=row,
                    score=score,
                    pass_mark=GATE_PASS,
                    passed=score >= GATE_PASS,
                    recorded_by=admin,
                )
            )
        Nomination.objects.bulk_update(
            [r.nomination for r in results if not r.passed], ["status"], batch_size=1000
        )
        GateResult.objects.bulk_create(results, batch_size=1000)
        return len(results)
