"""Reads of planning: the contract for courses and nominations, consolidation, realism, totals.

Contract (other apps rely on it, keep the signatures):

* ``approved_plan(year)`` – the year's approved plan version, or None.

Quotas (holder, places counted, locks, use) are read through ``apps.planning.quota`` only.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.agencies.models import Agency
from apps.programme import settings_registry
from apps.programme.models import ContentGroup, TrainingForm
from apps.programme.selectors import annual_targets, phase_for_year

from . import quota
from .models import (
    AnnualPlan,
    NeedsCall,
    NeedsLine,
    NeedsRegistration,
    NeedsReminder,
    PlannedCourse,
    PlanStatus,
    Quota,
    QuotaMove,
)

# --- contract ------------------------------------------------------------------------------------


def approved_plan(year: int) -> AnnualPlan | None:
    """The approved (current) version of the year's plan; None while none is approved."""
    return AnnualPlan.objects.filter(year=year, status=PlanStatus.APPROVED).first()


def plan_actuals(year: int) -> dict[str, int]:
    """Cadres actually sent per form code in ``year`` – the "actual" of the dashboard, counted
    by ``quota.sent_by_form`` over the rows the nominations app registers (0 without them)."""
    codes = dict(TrainingForm.objects.values_list("pk", "code"))
    actuals = dict.fromkeys(codes.values(), 0)
    for form_id, sent in quota.sent_by_form(year=year).items():
        actuals[codes[form_id]] = sent
    return actuals


# --- calls and registrations ---------------------------------------------------------------------


def today() -> datetime.date:
    return timezone.localdate()


def open_call(*, today_: datetime.date | None = None) -> NeedsCall | None:
    """The latest call whose deadline has not passed, shown on agency officers' home page."""
    return NeedsCall.objects.filter(deadline__gte=today_ or today()).order_by("-year").first()


def call_list(*, fetched_by) -> QuerySet[NeedsCall]:
    return NeedsCall.objects.restrict(fetched_by).order_by("-year")


def registration_list(*, fetched_by, call: NeedsCall) -> QuerySet[NeedsRegistration]:
    return (
        NeedsRegistration.objects.restrict(fetched_by)
        .filter(call=call)
        .select_related("agency")
        .annotate(total=Sum("lines__places"))
        .order_by("agency__path")
    )


def agencies_not_registered(*, call: NeedsCall) -> list:
    """The top-level agencies (ministries, provinces…) with no registration for ``call`` yet,
    each with the time of the latest reminder sent to it (``reminded_at``, or None)."""
    latest = (
        NeedsReminder.objects.filter(call=call, agency=OuterRef("pk"))
        .order_by("-sent_at")
        .values("sent_at")[:1]
    )
    return list(
        Agency.objects.active()
        .filter(depth=0)
        .exclude(pk__in=call.registrations.values("agency"))
        .annotate(reminded_at=Subquery(latest))
        .order_by("path")
    )


def latest_reminder(*, call: NeedsCall, agency_id: int | None):
    if agency_id is None:
        return None
    return NeedsReminder.objects.filter(call=call, agency_id=agency_id).first()


def registration_detail_queryset(*, fetched_by) -> QuerySet[NeedsRegistration]:
    return (
        NeedsRegistration.objects.restrict(fetched_by)
        .select_related("call", "agency", "created_by")
        .prefetch_related(
            Prefetch("lines", queryset=NeedsLine.objects.select_related("form", "content_group")),
            "candidates",
        )
    )


def registration_is_open(registration: NeedsRegistration | None, call: NeedsCall) -> bool:
    """Editable until the call's deadline, or until the date a steering admin reopened it to."""
    day = today()
    if day <= call.deadline:
        return True
    return bool(registration and registration.reopened_until and day <= registration.reopened_until)


# --- realism -------------------------------------------------------------------------------------


@dataclass
class FormRealism:
    """What an agency did with the places of one form it was given in past years."""

    allocated: int = 0
    sent: int = 0
    years: list[int] = field(default_factory=list)

    @property
    def ratio(self) -> Decimal | None:
        """Cadres sent ÷ places allocated, uncapped: 1 for an agency that filled every place it
        was given, above 1 when it sent more (places moved to it during the year)."""
        if not self.years or not self.allocated:
            return None
        return (Decimal(self.sent) / Decimal(self.allocated)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def average_sent(self) -> Decimal | None:
        if not self.years:
            return None
        return Decimal(self.sent) / Decimal(len(self.years))

    @property
    def years_label(self) -> str:
        if not self.years:
            return ""
        if len(self.years) == 1:
            return str(self.years[0])
        return f"{self.years[0]}–{self.years[-1]}"


@dataclass
class Realism:
    """An agency's realism, form by form (``FormRealism`` per form id)."""

    by_form: dict[int, FormRealism] = field(default_factory=dict)

    def form(self, form_id: int) -> FormRealism:
        return self.by_form.get(form_id) or FormRealism()


def realism_by_agency(
    *, agency_ids, year: int, history_years: int | None = None
) -> dict[int, Realism]:
    """Realism of each agency (``agency_ids``: ids), per form, over the years before ``year``
    (setting ``realism_history_years``, read unless given), in three queries.

    Allocated = the places of the form the approved plan of each year gave the agency and its
    units (after any quota move); sent = the cadres of the agency and its units actually sent
    on courses that take their places from the plan's quotas (``quota.sent_by_unit``). Only
    the years in which the agency was given places of the form count: a year it was given
    nothing neither rewards nor punishes it. Quotas are structurally below requests, so the
    measure is what the agency did with what it was given, never sent ÷ requested.
    """
    if history_years is None:
        history_years = settings_registry.get("realism_history_years")
    years = range(year - history_years, year)
    wanted = {int(agency_id) for agency_id in agency_ids}
    allocated: dict[tuple[int, int, int], int] = defaultdict(int)
    quotas = (
        Quota.objects.filter(plan__status=PlanStatus.APPROVED, plan__year__in=years, places__gt=0)
        .values_list("agency__path", "form_id", "plan__year")
        .annotate(total=Sum("places"))
        .order_by()
    )
    for path, form_id, y, total in quotas:
        for agency_id in wanted.intersection(quota.path_ids(path)):
            allocated[(agency_id, form_id, y)] += total
    sent_by_unit = quota.sent_by_unit(years=years)
    paths = dict(
        Agency.objects.filter(pk__in={a for a, _f, _y in sent_by_unit}).values_list("pk", "path")
    )
    sent: dict[tuple[int, int, int], int] = defaultdict(int)
    for (unit_id, form_id, y), n in sent_by_unit.items():
        for agency_id in wanted.intersection(quota.path_ids(paths[unit_id])):
            sent[(agency_id, form_id, y)] += n
    result: dict[int, Realism] = defaultdict(Realism)
    for (agency_id, form_id, y), places in sorted(allocated.items(), key=lambda item: item[0][2]):
        realism = result[agency_id].by_form.setdefault(form_id, FormRealism())
        realism.allocated += places
        realism.sent += sent.get((agency_id, form_id, y), 0)
        realism.years.append(y)
    return result


def over_request_reason(
    *, requested: int, realism: FormRealism, threshold: Decimal, form_name: str
) -> str:
    """Why a request of one form is flagged, or "" when it is within the cadres the agency sent
    a year on average in the history years + the threshold (setting ``realism_over_request``)."""
    average = realism.average_sent
    if average is None or not requested:
        return ""
    limit = average * (1 + threshold)
    if Decimal(requested) <= limit:
        return ""
    return _(
        "%(form)s: requests %(requested)s places, but sent %(average)s a year on average in "
        "%(years)s; more than %(percent)s%% above that."
    ) % {
        "form": form_name,
        "requested": requested,
        "average": f"{average:.1f}".replace(".", ","),
        "years": realism.years_label,
        "percent": int(threshold * 100),
    }


# --- consolidation -------------------------------------------------------------------------------


@dataclass
class ConsolidationRow:
    registration: NeedsRegistration
    by_form: list[int]
    total: int
    #: per form, in the order of ``Consolidation.forms``
    realism: list[FormRealism]
    flags: list[str]

    @property
    def flag(self) -> str:
        """Every form's over-request reason, one sentence each."""
        return " ".join(flag for flag in self.flags if flag)


@dataclass
class Consolidation:
    year: int
    call: NeedsCall | None
    forms: list[TrainingForm]
    groups: list[ContentGroup]
    targets: list[int | None]
    totals: list[int]
    by_group: list[tuple[ContentGroup, list[int]]]
    rows: list[ConsolidationRow]
    threshold: Decimal
    in_phase: bool

    @property
    def differences(self) -> list[int | None]:
        return [
            None if target is None else total - target
            for total, target in zip(self.totals, self.targets, strict=True)
        ]

    @property
    def grand_total(self) -> int:
        return sum(self.totals)

    @property
    def threshold_percent(self) -> int:
        return int(self.threshold * 100)

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row.flag)


#: What the consolidation page and its export read of a registration.
CONSOLIDATION_FIELDS = (
    "id",
    "agency_id",
    "topics",
    "preferred_countries",
    "justification",
    "agency__name",
    "agency__path",
)


def consolidation(*, year: int) -> Consolidation:
    """Every agency's request for ``year`` against the targets, in a fixed number of queries."""
    forms = list(TrainingForm.objects.order_by("pk"))
    groups = list(ContentGroup.objects.order_by("code"))
    targets_by_code = annual_targets(year)
    call = NeedsCall.objects.filter(year=year).first()
    registrations = list(
        NeedsRegistration.objects.filter(call__year=year)
        .select_related("agency")
        .only(*CONSOLIDATION_FIELDS)
        .order_by("agency__path")
    )
    lines = NeedsLine.objects.filter(registration__call__year=year).order_by()
    form_index = {form.pk: i for i, form in enumerate(forms)}
    group_index = {group.pk: i for i, group in enumerate(groups)}
    per_registration: dict[int, list[int]] = defaultdict(lambda: [0] * len(forms))
    per_group = [[0] * len(forms) for _group in groups]
    for registration_id, form_id, total in lines.values_list("registration_id", "form_id").annotate(
        total=Sum("places")
    ):
        per_registration[registration_id][form_index[form_id]] += total
    for group_id, form_id, total in lines.values_list("content_group_id", "form_id").annotate(
        total=Sum("places")
    ):
        per_group[group_index[group_id]][form_index[form_id]] += total
    rule_settings = settings_registry.load(["realism_history_years", "realism_over_request"])
    realism = realism_by_agency(
        agency_ids=[registration.agency_id for registration in registrations],
        year=year,
        history_years=rule_settings.get("realism_history_years"),
    )
    threshold = rule_settings.get("realism_over_request")
    rows = []
    for registration in registrations:
        by_form = per_registration[registration.pk]
        total = sum(by_form)
        history = realism.get(registration.agency_id, Realism())
        per_form = [history.form(form.pk) for form in forms]
        rows.append(
            ConsolidationRow(
                registration=registration,
                by_form=by_form,
                total=total,
                realism=per_form,
                flags=[
                    over_request_reason(
                        requested=requested,
                        realism=form_realism,
                        threshold=threshold,
                        form_name=form.name,
                    )
                    for form, requested, form_realism in zip(forms, by_form, per_form, strict=True)
                ],
            )
        )
    return Consolidation(
        year=year,
        call=call,
        forms=forms,
        groups=groups,
        targets=[targets_by_code.get(form.code) for form in forms],
        totals=[sum(row.by_form[i] for row in rows) for i in range(len(forms))],
        by_group=[(group, per_group[i]) for i, group in enumerate(groups) if any(per_group[i])],
        rows=rows,
        threshold=threshold,
        in_phase=phase_for_year(year) is not None,
    )


# --- plans ---------------------------------------------------------------------------------------


def plan_list(*, fetched_by) -> QuerySet[AnnualPlan]:
    return AnnualPlan.objects.restrict(fetched_by).select_related("created_by")


def plan_detail_queryset(*, fetched_by) -> QuerySet[AnnualPlan]:
    return AnnualPlan.objects.restrict(fetched_by).select_related("created_by", "previous")


@dataclass
class FormTotals:
    form: TrainingForm
    target: int | None
    capacity: int
    quotas: int

    @property
    def pool(self) -> int:
        return self.capacity - self.quotas

    @property
    def difference(self) -> int | None:
        return None if self.target is None else self.capacity - self.target


def plan_totals(plan: AnnualPlan) -> list[FormTotals]:
    """Per form: the target, the planned capacity, the places given as quotas and the pool."""
    forms = list(TrainingForm.objects.order_by("pk"))
    targets = annual_targets(plan.year)
    capacity = dict(
        PlannedCourse.objects.filter(plan=plan)
        .values_list("form_id")
        .annotate(total=Sum("capacity"))
        .order_by()
    )
    quotas = dict(
        Quota.objects.filter(plan=plan)
        .values_list("form_id")
        .annotate(total=Sum("places"))
        .order_by()
    )
    return [
        FormTotals(
            form=form,
            target=targets.get(form.code),
            capacity=capacity.get(form.pk) or 0,
            quotas=quotas.get(form.pk) or 0,
        )
        for form in forms
    ]


@dataclass
class QuotaCell:
    form_id: int
    form_name: str
    places: int
    used: int
    requested: int


@dataclass
class QuotaRow:
    agency: Agency
    places: list[int]
    used: list[int]
    requested: list[int]
    forms: list[TrainingForm] = field(default_factory=list, repr=False)

    @property
    def cells(self) -> list[QuotaCell]:
        return [
            QuotaCell(form.pk, form.name, *values)
            for form, *values in zip(
                self.forms, self.places, self.used, self.requested, strict=True
            )
        ]


def plan_quota_grid(plan: AnnualPlan) -> tuple[list[TrainingForm], list[QuotaRow]]:
    """Agencies that registered needs or hold a quota, with places per form, in 4 queries."""
    forms = list(TrainingForm.objects.order_by("pk"))
    index = {form.pk: i for i, form in enumerate(forms)}
    quotas = list(
        Quota.objects.filter(plan=plan).values_list("agency_id", "form_id", "places", "used")
    )
    requested = (
        NeedsLine.objects.filter(registration__call__year=plan.year)
        .values_list("registration__agency_id", "form_id")
        .annotate(total=Sum("places"))
        .order_by()
    )
    agency_ids = {row[0] for row in quotas} | {row[0] for row in requested}
    agencies = Agency.objects.filter(pk__in=agency_ids).order_by("path")
    rows = {
        agency.pk: QuotaRow(agency, [0] * len(forms), [0] * len(forms), [0] * len(forms), forms)
        for agency in agencies
    }
    for agency_id, form_id, places, used in quotas:
        rows[agency_id].places[index[form_id]] = places
        rows[agency_id].used[index[form_id]] = used
    for agency_id, form_id, total in requested:
        rows[agency_id].requested[index[form_id]] = total
    return forms, list(rows.values())


def plan_moves(plan: AnnualPlan) -> QuerySet[QuotaMove]:
    return plan.moves.select_related("form", "from_agency", "to_agency", "actor")


def quotas_of(*, fetched_by, year: int | None = None) -> QuerySet[Quota]:
    """The approved quotas a user may see (an agency officer: its subtree's)."""
    qs = (
        Quota.objects.restrict(fetched_by)
        .filter(plan__status=PlanStatus.APPROVED)
        .select_related("plan", "agency", "form")
        .order_by("-plan__year", "agency__path", "form_id")
    )
    if year is not None:
        qs = qs.filter(plan__year=year)
    return qs


@dataclass
class QuotaUse:
    form_name: str
    places: int
    used: int

    @property
    def left(self) -> int:
        return max(self.places - self.used, 0)


def quota_use(*, fetched_by, today_: datetime.date | None = None) -> tuple[int | None, list]:
    """The approved quotas a user sees, summed per form, with the places used: of this year's
    plan, else of the newest approved one; ``(None, [])`` while no plan is approved."""
    quotas = quotas_of(fetched_by=fetched_by)
    year = (today_ or today()).year
    if not quotas.filter(plan__year=year).exists():
        newest = quotas.values_list("plan__year", flat=True).first()
        if newest is None:
            return None, []
        year = newest
    rows = (
        quotas.filter(plan__year=year)
        .values("form_id", "form__name")
        .annotate(places=Sum("places"), used=Sum("used"))
        .order_by("form_id")
    )
    return year, [QuotaUse(row["form__name"], row["places"], row["used"]) for row in rows]


@dataclass
class PlanDiff:
    """What changed between a version and the one it revised."""

    courses_added: list[PlannedCourse]
    courses_removed: list[PlannedCourse]
    courses_changed: list[tuple[PlannedCourse, PlannedCourse]]
    quotas_changed: list[tuple[Agency, TrainingForm, int, int]]

    @property
    def is_empty(self) -> bool:
        return not (
            self.courses_added
            or self.courses_removed
            or self.courses_changed
            or self.quotas_changed
        )


def _course_key(course: PlannedCourse) -> tuple:
    return (course.form_id, course.content_group_id, course.topic.strip().lower())


def plan_diff(plan: AnnualPlan) -> PlanDiff | None:
    """Courses added, removed or changed and quotas changed since the previous version."""
    if plan.previous_id is None:
        return None
    related = ("form", "content_group")
    old = {
        _course_key(c): c
        for c in PlannedCourse.objects.filter(plan_id=plan.previous_id).select_related(*related)
    }
    new = {
        _course_key(c): c for c in PlannedCourse.objects.filter(plan=plan).select_related(*related)
    }
    compared = ("country", "quarter", "capacity", "estimated_cost")
    changed = [
        (old[key], new[key])
        for key in new.keys() & old.keys()
        if any(getattr(old[key], f) != getattr(new[key], f) for f in compared)
    ]
    quotas: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for plan_id, agency_id, form_id, places in Quota.objects.filter(
        plan_id__in=[plan.pk, plan.previous_id]
    ).values_list("plan_id", "agency_id", "form_id", "places"):
        quotas[(agency_id, form_id)][0 if plan_id == plan.previous_id else 1] = places
    differing = {key: value for key, value in quotas.items() if value[0] != value[1]}
    agencies = Agency.objects.in_bulk({key[0] for key in differing})
    forms = TrainingForm.objects.in_bulk({key[1] for key in differing})
    return PlanDiff(
        courses_added=[new[k] for k in sorted(new.keys() - old.keys())],
        courses_removed=[old[k] for k in sorted(old.keys() - new.keys())],
        courses_changed=sorted(changed, key=lambda pair: _course_key(pair[1])),
        quotas_changed=sorted(
            (
                (agencies[agency_id], forms[form_id], before, after)
                for (agency_id, form_id), (before, after) in differing.items()
            ),
            key=lambda row: (row[0].path, row[1].pk),
        ),
    )


# --- dashboard -----------------------------------------------------------------------------------


def plan_dashboard(*, year: int) -> dict:
    """Target vs plan vs actual per form for the home page chart (plan = approved capacity)."""
    forms = list(TrainingForm.objects.order_by("pk").values_list("pk", "code", "name"))
    targets = annual_targets(year)
    plan = approved_plan(year) or AnnualPlan.objects.filter(year=year).first()
    capacity = {}
    if plan is not None:
        capacity = dict(
            PlannedCourse.objects.filter(plan=plan)
            .values_list("form_id")
            .annotate(total=Sum("capacity"))
            .order_by()
        )
    actuals = plan_actuals(year)
    return {
        "year": year,
        "plan_status": plan.get_status_display() if plan else "",
        "labels": [name for _pk, _code, name in forms],
        "target": [targets.get(code, 0) for _pk, code, _name in forms],
        "plan": [capacity.get(pk) or 0 for pk, _code, _name in forms],
        "actual": [actuals.get(code, 0) for _pk, code, _name in forms],
    }


def year_in_phase(year: int) -> bool:
    return phase_for_year(year) is not None
