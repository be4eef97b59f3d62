"""The plan's quotas in one place: what a place is, who holds it, the locks, the use recorded.

Every reader of a quota goes through this module: eligibility rule R8, the approval of a
nomination, the recording of use when members move and the plan's "actual" (DECISIONS §20).

* **A place that counts** is a row handed over by the app above through ``register`` (planning
  sits below courses and nominations and never imports them): the nominations app registers
  its nominations that hold a place — approved, departed, completed or not completed (a member
  who went and did not finish still used the place) — on Steering Committee courses only; a
  decentralised course (organised and paid by an agency, KL §2.5, DECISIONS §15) never touches
  the plan's quota. The rows carry three annotations: ``quota_agency`` (the nominating unit),
  ``quota_form`` (the form id) and ``quota_year`` (the course's year).
* **The holder** of a unit's place is the nearest agency on the path from the unit up to its
  root that holds a quota of the form in the year's approved plan, the unit itself first
  (DECISIONS §11); a branch the plan gives nothing is held, with 0 places, by its root. Each
  place counts against exactly one holder: a unit with its own quota uses that quota, not its
  ministry's.
* **The locks** (DECISIONS §17): the caller locks the course row; ``lock`` then takes the
  holder's agency row, then the plan's quota rows on the unit's path, always in this order.
* **The use**: ``Quota.used`` is the number of places counted for the holder, written by
  ``record_use`` whenever a place is taken or given back, and for a whole plan when it is
  approved (``record_plan``).
"""

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Count, QuerySet

from apps.agencies.models import Agency

from .models import AnnualPlan, PlanStatus, Quota


@dataclasses.dataclass(frozen=True)
class PlaceSource:
    """What the app above hands planning in its ``AppConfig.ready()``.

    ``places()``: the rows that use a place of a quota (annotated as described above);
    ``sent()``: the cadres actually sent on any course (annotated ``quota_form``,
    ``quota_year``), the "actual" of the plan's dashboard; ``uses_quota(course)``: whether a
    course takes its places from the plan's quotas (False for a decentralised course).
    """

    places: Callable[[], QuerySet]
    sent: Callable[[], QuerySet]
    uses_quota: Callable[[object], bool]


_sources: list[PlaceSource] = []


def register(source: PlaceSource) -> None:
    """Hand planning the rows that use places (called once, from the app's ``ready()``)."""
    if source not in _sources:
        _sources.append(source)


def uses_quota(course) -> bool:
    """Whether places on ``course`` come from the plan's quotas."""
    return any(source.uses_quota(course) for source in _sources)


@dataclasses.dataclass(frozen=True)
class QuotaState:
    """One holder's quota of a form in a year, and the places counted against it."""

    holder_id: int
    places: int | None  # None: the year has no approved plan; 0: the plan gives nothing
    used: int
    year: int
    plan_id: int | None = None

    @property
    def full(self) -> bool:
        return self.places is not None and self.used >= self.places


def path_ids(path: str) -> list[int]:
    """The agency ids of a materialised path, root first."""
    return [int(part) for part in path.split("/") if part]


def _nearest(chain: list[int], holders: set[int]) -> int:
    """The deepest agency of ``chain`` (root first) holding a quota; the root when none does."""
    for agency_id in reversed(chain):
        if agency_id in holders:
            return agency_id
    return chain[0]


def _approved_plans(years: Iterable[int]) -> dict[int, AnnualPlan]:
    return {
        plan.year: plan
        for plan in AnnualPlan.objects.filter(year__in=set(years), status=PlanStatus.APPROVED)
    }


def _counts(forms: set[int], years: set[int]) -> dict[tuple[int, int, int], int]:
    """Places per (unit agency, form id, year), one grouped query per registered source."""
    counts: dict[tuple[int, int, int], int] = defaultdict(int)
    for source in _sources:
        rows = (
            source.places()
            .filter(quota_form__in=forms, quota_year__in=years)
            .values_list("quota_agency", "quota_form", "quota_year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for agency_id, form_id, year, n in rows:
            counts[(agency_id, form_id, year)] += n
    return counts


def quota_states(keys: Iterable[tuple[Agency, int, int]]) -> dict[tuple[int, int, int], QuotaState]:
    """The state of the quota each (unit agency, form id, year) draws on, in four queries
    whatever the number of keys (approved plans, their quotas, places counted, unit paths)."""
    keys = list(keys)
    if not keys:
        return {}
    forms = {form_id for _agency, form_id, _year in keys}
    years = {year for _agency, _form_id, year in keys}
    plans = _approved_plans(years)
    places: dict[tuple[int, int, int], int] = {}
    plan_ids = {plan.pk: year for year, plan in plans.items()}
    for plan_id, agency_id, form_id, value in Quota.objects.filter(
        plan_id__in=plan_ids, form_id__in=forms
    ).values_list("plan_id", "agency_id", "form_id", "places"):
        places[(agency_id, form_id, plan_ids[plan_id])] = value
    holders: dict[tuple[int, int], set[int]] = defaultdict(set)
    for agency_id, form_id, year in places:
        holders[(form_id, year)].add(agency_id)
    counts = _counts(forms, years)
    paths = dict(
        Agency.objects.filter(pk__in={a for a, _f, _y in counts}).values_list("pk", "path")
    )
    used: dict[tuple[int, int, int], int] = defaultdict(int)
    for (agency_id, form_id, year), n in counts.items():
        holder = _nearest(path_ids(paths[agency_id]), holders[(form_id, year)])
        used[(holder, form_id, year)] += n
    answer = {}
    for agency, form_id, year in keys:
        holder = _nearest(path_ids(agency.path), holders[(form_id, year)])
        plan = plans.get(year)
        answer[(agency.pk, form_id, year)] = QuotaState(
            holder_id=holder,
            places=None if plan is None else places.get((holder, form_id, year), 0),
            used=used[(holder, form_id, year)],
            year=year,
            plan_id=None if plan is None else plan.pk,
        )
    return answer


def units_without_places(*, form_id: int, year: int) -> set[int]:
    """Ids of the agencies whose nearest quota holder has no place left for a form in a year:
    R8 fails for every cadre they nominate. Empty when the year has no approved plan. A fixed
    number of queries: the agencies, then ``quota_states`` of each distinct nearest holder."""
    plan = _approved_plans([year]).get(year)
    if plan is None:
        return set()
    holders = set(
        Quota.objects.filter(plan=plan, form_id=form_id).values_list("agency_id", flat=True)
    )
    agencies = {agency.pk: agency for agency in Agency.objects.only("pk", "path")}
    nearest = {pk: _nearest(path_ids(agency.path), holders) for pk, agency in agencies.items()}
    states = quota_states((agencies[pk], form_id, year) for pk in set(nearest.values()))
    full = {pk for (pk, _form, _year), state in states.items() if state.full}
    return {pk for pk, holder in nearest.items() if holder in full}


def quota_state(*, agency: Agency, form_id: int, year: int) -> QuotaState:
    """The state of the quota a unit draws on for a form and year."""
    return quota_states([(agency, form_id, year)])[(agency.pk, form_id, year)]


def lock(*, agency: Agency, form_id: int, year: int) -> None:
    """Serialise the approvals that count against the quota a unit draws on.

    The caller holds the course row. This locks the holder's agency row, then the plan's quota
    rows of the form on the unit's path (DECISIONS §17): two admins approving for one holder at
    once wait for each other instead of both passing the count.
    """
    plan = _approved_plans([year]).get(year)
    chain = path_ids(agency.path)
    rows = Quota.objects.none()
    holders: set[int] = set()
    if plan is not None:
        rows = Quota.objects.filter(plan=plan, form_id=form_id, agency_id__in=chain)
        holders = set(rows.values_list("agency_id", flat=True))
    holder = _nearest(chain, holders)
    list(Agency.objects.select_for_update().filter(pk=holder).values_list("pk", flat=True))
    list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))


def _write_used(quotas: Iterable[Quota], states: dict[tuple[int, int, int], QuotaState]) -> None:
    changed = []
    for quota in quotas:
        state = states[(quota.agency_id, quota.form_id, quota.plan.year)]
        # A plan approved after the places were taken may give fewer: never above the quota.
        used = min(state.used, quota.places)
        if quota.used != used:
            quota.used = used
            changed.append(quota)
    Quota.objects.bulk_update(changed, ["used"])


def record_use(*, agency: Agency, form_id: int, year: int) -> None:
    """Write into ``Quota.used`` the places counted for the holder a unit draws on.

    Called after a place is taken or given back, inside the transaction that moved it (the
    caller holds the course row); takes the locks of ``lock`` in their order first.
    """
    lock(agency=agency, form_id=form_id, year=year)
    state = quota_state(agency=agency, form_id=form_id, year=year)
    if state.plan_id is None:
        return
    quotas = list(
        Quota.objects.filter(
            plan_id=state.plan_id, form_id=form_id, agency_id=state.holder_id
        ).select_related("plan")
    )
    _write_used(quotas, {(state.holder_id, form_id, year): state})


def record_plan(plan: AnnualPlan) -> None:
    """Write ``Quota.used`` of every quota of an approved plan (at approval, and for the demo)."""
    quotas = list(Quota.objects.filter(plan=plan).select_related("plan", "agency"))
    keys = [(quota.agency, quota.form_id, plan.year) for quota in quotas]
    _write_used(quotas, quota_states(keys))


def sent_by_form(*, year: int) -> dict[int, int]:
    """Cadres sent per form id on courses starting in ``year`` (one grouped query)."""
    sent: dict[int, int] = defaultdict(int)
    for source in _sources:
        rows = (
            source.sent()
            .filter(quota_year=year)
            .values_list("quota_form")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for form_id, n in rows:
            sent[form_id] += n
    return dict(sent)


def sent_by_unit(*, years: Iterable[int]) -> dict[tuple[int, int, int], int]:
    """Cadres actually sent on courses that take their places from the plan's quotas, per
    (nominating unit, form id, year), uncapped – what an agency did with the places it was
    given, the numerator of the realism ratio. One grouped query per registered source: the
    rows that use a place (``places()``) and were sent (``sent()``)."""
    years = set(years)
    sent: dict[tuple[int, int, int], int] = defaultdict(int)
    for source in _sources:
        rows = (
            source.places()
            .filter(quota_year__in=years, pk__in=source.sent().values("pk"))
            .values_list("quota_agency", "quota_form", "quota_year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for agency_id, form_id, year, n in rows:
            sent[(agency_id, form_id, year)] += n
    return dict(sent)
