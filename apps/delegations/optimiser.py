"""Group nominees into homogeneous delegations with OR-Tools CP-SAT (PRODUCT.md C7, rule R4).

Plain data in, plain data out: no database access, so the benchmark and the tests call it
directly. A delegation travels on one course, so every member is available on its dates by
construction; the problem therefore splits into one independent model per course and the sum of
the per-course bounds is a valid bound of the whole (docs/DECISIONS.md).

Cost of a delegation = level spread (highest minus lowest level rank) + (number of distinct
fields − 1) + 1 for each missing side of the central/local mix when the course's pool has both.
Hard: size between min and max, at most ``max_per_agency`` members of one top-level agency,
pins (people pinned to the same label travel together), keep-apart pairs.
"""

import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from ortools.sat.python import cp_model


@dataclass(frozen=True)
class Nominee:
    id: int  # the nomination id
    cadre_id: int
    level: int  # rank of the position level, 1 = highest
    field: str  # work field code ("" if none)
    top_agency: int
    central: bool
    course: int


@dataclass(frozen=True)
class Rules:
    min_size: int = 15
    max_size: int = 20
    max_per_agency: int = 3


@dataclass
class Result:
    groups: list[list[Nominee]]  # one list per delegation, ordered by course then cost
    objective: int
    bound: int
    seconds: float
    optimal: bool

    @property
    def gap_percent(self) -> float:
        if self.objective == 0:
            return 0.0
        return 100.0 * (self.objective - self.bound) / self.objective


@dataclass
class InfeasibleError(Exception):
    """Input that no grouping can satisfy; ``reasons`` are Vietnamese sentences."""

    reasons: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return " ".join(self.reasons)


def group_cost(members: list[Nominee], *, mixed_pool: bool = False) -> int:
    """The objective's term for one delegation (see the module docstring)."""
    if not members:
        return 0
    levels = [m.level for m in members]
    cost = max(levels) - min(levels) + len({m.field for m in members}) - 1
    if mixed_pool:
        cost += (not any(m.central for m in members)) + all(m.central for m in members)
    return cost


def violations(
    members: list[Nominee], rules: Rules, *, course: int | None = None, apart=(), agency_labels=None
) -> list[str]:
    """Every hard rule one delegation breaks, as Vietnamese sentences (empty if none)."""
    agency_labels = agency_labels or {}
    found = []
    if not rules.min_size <= len(members) <= rules.max_size:
        found.append(
            _("The delegation has %(n)d members; it must have between %(lo)d and %(hi)d.")
            % {"n": len(members), "lo": rules.min_size, "hi": rules.max_size}
        )
    for agency, count in Counter(m.top_agency for m in members).items():
        if count > rules.max_per_agency:
            found.append(
                _(
                    "%(n)d members come from the same top-level agency (%(agency)s); at most "
                    "%(max)d are allowed."
                )
                % {
                    "n": count,
                    "agency": agency_labels.get(agency, agency),
                    "max": rules.max_per_agency,
                }
            )
    if len({m.course for m in members} | ({course} if course is not None else set())) > 1:
        found.append(_("The members are on different courses, so not available on the same dates."))
    ids = {m.id for m in members}
    for a, b in apart:
        if a in ids and b in ids:
            found.append(_("Two people who must be kept apart are in this delegation."))
    return found


def _check_course(pool: list[Nominee], rules: Rules, label: str, agency_labels) -> list[str]:
    n = len(pool)
    if n < rules.min_size:
        return [
            _(
                "Course %(course)s has %(n)d approved nominees, fewer than the minimum "
                "delegation size of %(min)d."
            )
            % {"course": label, "n": n, "min": rules.min_size}
        ]
    counts = [k for k in range(1, n // rules.min_size + 1) if k * rules.max_size >= n]
    if not counts:
        return [
            _(
                "The %(n)d nominees of course %(course)s cannot be split into delegations of "
                "%(min)d–%(max)d."
            )
            % {"n": n, "course": label, "min": rules.min_size, "max": rules.max_size}
        ]
    most = max(counts)
    reasons = []
    for agency, count in Counter(m.top_agency for m in pool).items():
        if count > most * rules.max_per_agency:
            reasons.append(
                _(
                    "Course %(course)s has %(n)d nominees from one top-level agency (%(agency)s), "
                    "but at most %(max)d per delegation in at most %(k)d delegations are allowed."
                )
                % {
                    "course": label,
                    "n": count,
                    "agency": agency_labels.get(agency, agency),
                    "max": rules.max_per_agency,
                    "k": most,
                }
            )
    return reasons


def _pin_groups(pool_by_id, pins):
    """Pins as {label: [nominee ids]}; people pinned to one label must travel together."""
    groups = defaultdict(list)
    for nominee_id, label in pins.items():
        if nominee_id in pool_by_id:
            groups[label].append(nominee_id)
    return groups


def _check_pins(pool_by_id, pins, apart, rules: Rules) -> list[str]:
    reasons = []
    for label, ids in _pin_groups(pool_by_id, pins).items():
        members = [pool_by_id[i] for i in ids]
        if len({m.course for m in members}) > 1:
            reasons.append(
                _(
                    "The people pinned to delegation %(label)s are on courses with different "
                    "dates, so they cannot travel together."
                )
                % {"label": label}
            )
        if len(members) > rules.max_size:
            reasons.append(
                _("More than %(max)d people are pinned to delegation %(label)s.")
                % {"max": rules.max_size, "label": label}
            )
        over = [
            a for a, c in Counter(m.top_agency for m in members).items() if c > rules.max_per_agency
        ]
        if over:
            reasons.append(
                _(
                    "More than %(max)d people of one top-level agency are pinned to delegation "
                    "%(label)s."
                )
                % {"max": rules.max_per_agency, "label": label}
            )
        for a, b in apart:
            if a in ids and b in ids:
                reasons.append(
                    _("Two people pinned to delegation %(label)s must also be kept apart.")
                    % {"label": label}
                )
    return reasons


def _greedy_hint(pool: list[Nominee], k: int) -> list[int]:
    """Sorted by level and field, dealt round-robin-free into k consecutive blocks."""
    order = sorted(range(len(pool)), key=lambda i: (pool[i].level, pool[i].field, pool[i].id))
    hint = [0] * len(pool)
    size, extra = divmod(len(pool), k)
    pos = 0
    for d in range(k):
        for _i in range(size + (d < extra)):
            hint[order[pos]] = d
            pos += 1
    return hint


def _solve_course(pool, rules, pins, apart, *, seed, seconds, workers):
    n = len(pool)
    mixed = any(m.central for m in pool) and not all(m.central for m in pool)
    k_max = n // rules.min_size
    k_min = -(-n // rules.max_size)
    model = cp_model.CpModel()
    x = {(i, d): model.new_bool_var(f"x{i}_{d}") for i in range(n) for d in range(k_max)}
    used = [model.new_bool_var(f"u{d}") for d in range(k_max)]
    for i in range(n):
        model.add_exactly_one(x[i, d] for d in range(k_max))
    for d in range(k_max):
        size = sum(x[i, d] for i in range(n))
        model.add(size >= rules.min_size * used[d])
        model.add(size <= rules.max_size * used[d])
        if d + 1 < k_max:
            model.add_implication(used[d + 1], used[d])
        if d < k_min:
            model.add(used[d] == 1)
    by_agency = defaultdict(list)
    for i, m in enumerate(pool):
        by_agency[m.top_agency].append(i)
    for members in by_agency.values():
        if len(members) > rules.max_per_agency:
            for d in range(k_max):
                model.add(sum(x[i, d] for i in members) <= rules.max_per_agency)
    index = {m.id: i for i, m in enumerate(pool)}
    for a, b in apart:
        if a in index and b in index:
            for d in range(k_max):
                model.add_bool_or([x[index[a], d].Not(), x[index[b], d].Not()])
    pinned = list(_pin_groups(index, pins).values())
    for ids in pinned:
        first = index[ids[0]]
        for other in ids[1:]:
            for d in range(k_max):
                model.add(x[index[other], d] == x[first, d])
    # Symmetry: the first pinned group (or the first nominee) opens delegation 0.
    model.add(x[index[pinned[0][0]] if pinned else 0, 0] == 1)

    levels = sorted({m.level for m in pool})
    fields = sorted({m.field for m in pool})
    level_count = Counter(m.level for m in pool)
    field_count = Counter(m.field for m in pool)
    has_level = defaultdict(list)
    has_field = defaultdict(list)
    cost_terms = []
    for d in range(k_max):
        present = []
        for lvl in levels:
            h = model.new_bool_var(f"l{d}_{lvl}")
            members = [x[i, d] for i, m in enumerate(pool) if m.level == lvl]
            for var in members:
                model.add_implication(var, h)
            model.add(sum(members) >= h)
            has_level[lvl].append(h)
            present.append(h)
        lo = model.new_int_var(levels[0], levels[-1], f"lo{d}")
        hi = model.new_int_var(levels[0], levels[-1], f"hi{d}")
        for i, m in enumerate(pool):
            model.add(lo <= m.level).only_enforce_if(x[i, d])
            model.add(hi >= m.level).only_enforce_if(x[i, d])
        spread = model.new_int_var(0, levels[-1] - levels[0], f"s{d}")
        model.add(spread == hi - lo).only_enforce_if(used[d])
        model.add(spread == 0).only_enforce_if(used[d].Not())
        model.add(spread >= sum(present) - used[d])  # distinct ranks: redundant, tightens the bound
        cost_terms.append(spread)
        has = []
        for f in fields:
            h = model.new_bool_var(f"f{d}_{f}")
            for i, m in enumerate(pool):
                if m.field == f:
                    model.add_implication(x[i, d], h)
            model.add(sum(x[i, d] for i, m in enumerate(pool) if m.field == f) >= h)
            has_field[f].append(h)
            has.append(h)
        cost_terms.append(sum(has) - used[d])
        if mixed:
            for side in (True, False):
                missing = model.new_bool_var(f"m{d}_{side}")
                side_members = [x[i, d] for i, m in enumerate(pool) if m.central == side]
                # missing ≥ used − any member of this side
                model.add(missing + sum(side_members) >= used[d])
                cost_terms.append(missing)
    # Every level and field needs at least ceil(count / max size) delegations (redundant cuts).
    for lvl, hs in has_level.items():
        model.add(sum(hs) >= -(-level_count[lvl] // rules.max_size))
    for f, hs in has_field.items():
        model.add(sum(hs) >= -(-field_count[f] // rules.max_size))
    model.minimize(sum(cost_terms))
    if not pinned and not apart:
        for i, d in enumerate(_greedy_hint(pool, k_min)):
            for e in range(k_max):
                model.add_hint(x[i, e], e == d)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.linearization_level = 2
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    groups = [[m for i, m in enumerate(pool) if solver.value(x[i, d])] for d in range(k_max)]
    groups = [g for g in groups if g]
    objective = sum(group_cost(g, mixed_pool=mixed) for g in groups)
    # Costs are non-negative, and each level and field needs ⌈count / max⌉ delegations of at most
    # k_max: both are valid bounds as well, kept when CP-SAT's own is weaker within the time limit.
    counted = sum(-(-c // rules.max_size) for c in (*level_count.values(), *field_count.values()))
    proven = max(0, counted - 2 * k_max, math.ceil(solver.best_objective_bound))
    bound = min(objective, proven)
    return groups, objective, bound, status == cp_model.OPTIMAL


def form(
    pool: list[Nominee],
    rules: Rules,
    *,
    pins: dict[int, str] | None = None,
    apart: list[tuple[int, int]] = (),
    seed: int = 0,
    seconds_per_course: float = 10.0,
    workers: int = 2,
    course_labels: dict[int, str] | None = None,
    agency_labels: dict[int, str] | None = None,
) -> Result:
    """Delegations for every nominee of the pool, or ``InfeasibleError`` with the reasons."""
    started = time.perf_counter()
    pins = pins or {}
    labels = course_labels or {}
    by_course = defaultdict(list)
    for m in pool:
        by_course[m.course].append(m)
    pool_by_id = {m.id: m for m in pool}
    reasons = _check_pins(pool_by_id, pins, apart, rules)
    for course, members in sorted(by_course.items()):
        reasons += _check_course(
            members, rules, labels.get(course, str(course)), agency_labels or {}
        )
    if not pool:
        reasons.append(_("There are no approved short-course nominees to group."))
    if reasons:
        raise InfeasibleError(reasons)
    groups, objective, bound, optimal = [], 0, 0, True
    for course, members in sorted(by_course.items()):
        solved = _solve_course(
            members, rules, pins, apart, seed=seed, seconds=seconds_per_course, workers=workers
        )
        if solved is None:
            raise InfeasibleError(
                [
                    _(
                        "No grouping of course %(course)s meets every rule together: check the "
                        "pins, the keep-apart pairs and the limit per top-level agency."
                    )
                    % {"course": labels.get(course, str(course))}
                ]
            )
        course_groups, course_objective, course_bound, course_optimal = solved
        groups += course_groups
        objective += course_objective
        bound += course_bound
        optimal = optimal and course_optimal
    return Result(
        groups=groups,
        objective=objective,
        bound=bound,
        seconds=time.perf_counter() - started,
        optimal=optimal,
    )
