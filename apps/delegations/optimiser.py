"""Group nominees into homogeneous delegations, with a proven lower bound (PRODUCT.md C7, R4).

Plain data in, plain data out: no database access, so the benchmark and the tests call it
directly. A delegation travels on one course, so every member is available on its dates by
construction; the problem splits into one independent problem per course and the sum of the
per-course bounds is a valid bound of the whole (docs/DECISIONS.md §32, §33).

Cost of a delegation: it is measured against its *profile*, the (level, field) that suits its
members best: each member pays the level steps between its level and the profile's, plus 1 if its
field is another; plus 1 for each missing side of the central/local mix when the course's pool
has both. Hard: size between min and max, at most ``max_per_agency`` members of one top-level
agency, pins (people pinned to the same label travel together), keep-apart pairs.

Per course: column generation (GLOP; columns are delegations, priced exactly by a greedy per
profile) gives a Lagrangian lower bound valid at every iteration and the profiles the LP uses;
HiGHS then assigns people to rounded profiles (a MIP with every hard rule), each delegation's
profile is re-chosen from its members, and this alternates while the cost falls.
"""

import math
import random
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

import numpy as np
from django.utils.translation import gettext as _
from ortools.linear_solver import pywraplp
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp


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


CLOSE_ENOUGH = 0.005  # relative distance LP value − bound at which column generation stops
SMOOTHING = 0.5  # Wentges dual smoothing of column generation
WARM = "use_preprocessing: false"  # GLOP keeps its basis between solves
PATIENCE = 12  # roundings in a row that find nothing better end the search
UNKNOWN_LEVEL = 99  # a cadre without a position level (selectors.nominee)


def level_distance(a: int, b: int) -> int:
    """Steps between two level ranks; an unknown level is one step from any other."""
    if a == b:
        return 0
    if a >= UNKNOWN_LEVEL or b >= UNKNOWN_LEVEL:
        return 1
    return abs(a - b)


def profile_cost(members, level: int, work_field: str) -> int:
    """What members pay against a profile: level steps, plus one per member of another field."""
    return sum(level_distance(m.level, level) + (m.field != work_field) for m in members)


def group_cost(members: list[Nominee], *, mixed_pool: bool = False) -> int:
    """The objective's term for one delegation (see the module docstring)."""
    if not members:
        return 0
    cost = min(
        profile_cost(members, level, f)
        for level in {m.level for m in members}
        for f in {m.field for m in members}
    )
    if mixed_pool:
        cost += (not any(m.central for m in members)) + all(m.central for m in members)
    return cost


def group_profile(members: list[Nominee]) -> tuple[int, str]:
    """The (level, field) profile the delegation's score is measured against."""
    return min(
        ((level, f) for level in {m.level for m in members} for f in {m.field for m in members}),
        key=lambda p: (profile_cost(members, *p), p),
    )


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


def _deal(members: list[Nominee], k: int) -> list[list[Nominee]]:
    """Round-robin over members sorted by side and agency: sizes differ by at most one, an agency
    with c members gives at most ⌈c / k⌉ to a delegation, and each side with at least k members
    reaches every delegation."""
    ordered = sorted(members, key=lambda m: (m.central, m.top_agency, m.level, m.field, m.id))
    return [ordered[d::k] for d in range(k)]


def _price(costs, pi, units, rules, caps):
    """For each profile, the delegation of least reduced cost (sides relaxed): people sorted by
    reduced cost, at most ``max_per_agency`` per agency, the first ``min_size`` taken, then more
    while they lower the cost, up to ``max_size``. Returns (reduced cost, counts) per profile."""
    found = []
    reduced = costs - pi[:, None]
    for p in range(costs.shape[1]):
        order = np.argsort(reduced[:, p], kind="stable")
        taken, size, total, per_agency = {}, 0, 0.0, Counter()
        for u in order:
            value = reduced[u, p]
            if size >= rules.min_size and value >= -1e-9:
                break
            agency = units[u][1]
            room = (
                caps[u]
                if agency is None
                else min(caps[u], rules.max_per_agency - per_agency[agency])
            )
            take = min(room, rules.max_size - size)
            if size < rules.min_size and value >= 0:
                take = min(take, rules.min_size - size)
            if take <= 0:
                continue
            taken[int(u)] = take
            size += take
            total += take * value
            if agency is not None:
                per_agency[agency] += take
            if size >= rules.max_size:
                break
        if size >= rules.min_size:
            found.append((total, taken))
    return found


def _bound_and_columns(pool, rules, *, seconds):
    """Column generation over delegations (one profile each) on cells of people of one level and
    field: a Lagrangian lower bound valid at every iteration, the number of delegations the LP
    uses and how much it uses each profile. The LP relaxes the per-agency limit and the
    central/local penalty (which only lowers the bound: it stays valid) to stay small and fast."""
    started = time.perf_counter()
    n = len(pool)
    cells = Counter((m.level, m.field) for m in pool)
    keys = sorted(cells, key=str)
    count = np.array([cells[k] for k in keys], dtype=float)
    caps = np.minimum(count, rules.max_size).astype(int)
    units = [(k, None) for k in keys]
    levels, fields = sorted({k[0] for k in keys}), sorted({k[1] for k in keys})
    profiles = [(lv, f) for lv in levels for f in fields]
    costs = np.array(
        [[level_distance(k[0], lv) + (k[1] != f) for lv, f in profiles] for k in keys], dtype=float
    )
    k_min, k_max = -(-n // rules.max_size), n // rules.min_size
    # Covering (each cell's people at least once) rather than partitioning: a relaxation, so the
    # bound stays valid, and it avoids the stalling of the degenerate partitioning LP. GLOP keeps
    # its basis between solves as columns are added.
    lp = pywraplp.Solver.CreateSolver("GLOP")
    lp.SetSolverSpecificParametersAsString(WARM)
    cover = [lp.Constraint(float(c), lp.infinity()) for c in count]
    size = lp.Constraint(float(k_min), float(k_max))
    columns, vectors, seen = [], [], set()

    def add(taken: dict[int, int]) -> bool:
        key = tuple(sorted(taken.items()))
        if key in seen:
            return False
        seen.add(key)
        vector = np.zeros(len(keys))
        for u, a in taken.items():
            vector[u] = a
        var = lp.NumVar(0.0, lp.infinity(), "")
        lp.Objective().SetCoefficient(var, float((vector @ costs).min()))
        for u, a in taken.items():
            cover[u].SetCoefficient(var, float(a))
        size.SetCoefficient(var, 1.0)
        columns.append(var)
        vectors.append(vector)
        return True

    lp.Objective().SetMinimization()
    for group in _deal(pool, k_max):
        add(Counter(keys.index((m.level, m.field)) for m in group))
    for _total, taken in _price(costs, np.zeros(len(keys)), units, rules, caps):
        add(taken)  # each profile's closest people
    best, centre = -math.inf, None
    value, solution, used = math.inf, [], k_max
    while True:
        if lp.Solve() == pywraplp.Solver.OPTIMAL:
            duals = np.array([c.dual_value() for c in cover])
            sigma = size.dual_value()
            value = lp.Objective().Value()
            solution = [var.solution_value() for var in columns]
        else:
            # GLOP occasionally gives up on a warm start: this time, HiGHS from scratch
            weights = [lp.Objective().GetCoefficient(var) for var in columns]
            fresh = linprog(
                weights,
                A_ub=np.vstack(
                    [-np.array(vectors).T, -np.ones(len(weights)), np.ones(len(weights))]
                ),
                b_ub=[*(-count), -k_min, k_max],
                bounds=(0, None),
                method="highs",
            )
            if fresh.status != 0:
                break  # the bound found so far stays valid: it holds for any multipliers
            duals = -fresh.ineqlin.marginals[: len(keys)]
            sigma = sum(fresh.ineqlin.marginals[len(keys) :] * [-1, 1])
            value, solution = fresh.fun, list(fresh.x)
        used = sum(solution)
        added = 0
        # Wentges smoothing: price at a point between the best-bound duals and the LP's; if that
        # finds no column pricing out at the LP's duals, price at the LP's own duals.
        for weight in (SMOOTHING, 0.0) if centre is not None else (0.0,):
            pi = weight * centre + (1 - weight) * duals if centre is not None else duals
            priced = _price(costs, pi, units, rules, caps)
            lowest = min(total for total, _taken in priced)
            # Lagrangian bound: valid for any multipliers pi, since every grouping is a set of
            # k_min..k_max delegations, none with a reduced cost below ``lowest``.
            bound = float(pi @ count) + min(k_min * lowest, k_max * lowest)
            if bound > best:
                best, centre = bound, pi
            for _total, taken in priced:
                vector = np.zeros(len(keys))
                for u, a in taken.items():
                    vector[u] = a
                if float((vector @ costs).min()) - vector @ duals - sigma < -1e-7 and add(taken):
                    added += 1
            if added:
                break
        # Stop once the LP is within CLOSE_ENOUGH of the bound: the integer grouping found from
        # its profiles is then rarely further than the target gap from the bound.
        if (
            not added
            or value - best <= CLOSE_ENOUGH * value
            or time.perf_counter() - started > seconds
        ):
            break
    usage = Counter()
    for level, vector in zip(solution, vectors, strict=False):
        if level > 1e-9:
            usage[profiles[int(np.argmin(vector @ costs))]] += level
    return best, value, min(k_max, max(k_min, round(used))), usage


def _round_profiles(usage: Counter, k: int) -> list[tuple[int, str]]:
    """k profiles from the LP's fractional use of each (largest remainders)."""
    total = sum(usage.values()) or 1.0
    shares = {p: v * k / total for p, v in usage.items()}
    chosen = Counter({p: int(v) for p, v in shares.items()})
    for p in sorted(shares, key=lambda p: shares[p] - int(shares[p]), reverse=True):
        if sum(chosen.values()) >= k:
            break
        chosen[p] += 1
    return [p for p, c in sorted(chosen.items()) for _i in range(c)]


def _assign(pool, profiles, rules, mixed, pins, apart, *, seconds):
    """People to delegations whose profiles are fixed: a small MIP (HiGHS) over cells of alike
    people, with a binary choice for each pinned block and each person kept apart."""
    index = {m.id: m for m in pool}
    blocks = [[index[i] for i in ids] for ids in _pin_groups(index, pins).values()]
    taken = {m.id for block in blocks for m in block}
    blocks += [[index[i]] for pair in apart for i in pair if i in index and i not in taken]
    blocks = list({tuple(m.id for m in b): b for b in blocks}.values())
    taken = {m.id for block in blocks for m in block}
    agency_count = Counter(m.top_agency for m in pool)
    big = {a for a, c in agency_count.items() if c > rules.max_per_agency}
    cells = defaultdict(list)
    for m in pool:
        if m.id not in taken:
            key = (m.level, m.field, m.central, m.top_agency if m.top_agency in big else None)
            cells[key].append(m)
    # units: (members, single): a cell's variable counts people, a block's is 0/1
    units = [(cells[key], False) for key in sorted(cells, key=str)] + [(b, True) for b in blocks]
    k, nu = len(profiles), len(units)
    miss0 = nu * k
    nvars = miss0 + (2 * k if mixed else 0)
    cost = np.zeros(nvars)
    upper = np.zeros(nvars)
    for u, (members, single) in enumerate(units):
        for d, (level, work_field) in enumerate(profiles):
            cost[u * k + d] = profile_cost(members if single else members[:1], level, work_field)
            upper[u * k + d] = 1 if single else min(len(members), rules.max_size)
    cost[miss0:] = 1
    upper[miss0:] = 1
    rows, cols, vals, lo, hi = [], [], [], [], []

    def row(entries, low, high):
        for col, val in entries:
            rows.append(len(lo))
            cols.append(col)
            vals.append(val)
        lo.append(low)
        hi.append(high)

    def weight(members, single, test):
        return sum(map(test, members)) if single else int(test(members[0]))

    for u, (members, single) in enumerate(units):
        need = 1 if single else len(members)
        row([(u * k + d, 1) for d in range(k)], need, need)
    for d in range(k):
        everyone = [(u * k + d, len(ms) if single else 1) for u, (ms, single) in enumerate(units)]
        row(everyone, rules.min_size, rules.max_size)
        for agency in big:
            entries = [
                (u * k + d, weight(ms, single, lambda m, a=agency: m.top_agency == a))
                for u, (ms, single) in enumerate(units)
            ]
            row([e for e in entries if e[1]], 0, rules.max_per_agency)
        if mixed:
            for s, side in enumerate((True, False)):
                entries = [
                    (u * k + d, weight(ms, single, lambda m, side=side: m.central == side))
                    for u, (ms, single) in enumerate(units)
                ]
                row([*(e for e in entries if e[1]), (miss0 + 2 * d + s, 1)], 1, np.inf)
    unit_of = {m.id: u for u, (ms, single) in enumerate(units) if single for m in ms}
    for a, b in apart:
        if a in unit_of and b in unit_of:
            for d in range(k):
                row([(unit_of[a] * k + d, 1), (unit_of[b] * k + d, 1)], 0, 1)
    solved = milp(
        cost,
        integrality=np.ones(nvars),
        bounds=Bounds(np.zeros(nvars), upper),
        constraints=LinearConstraint(
            sparse.csr_array((vals, (rows, cols)), shape=(len(lo), nvars)), lo, hi
        ),
        options={"time_limit": max(0.5, seconds)},
    )
    if solved.x is None:
        return None
    values = np.rint(solved.x).astype(int)
    groups = [[] for _d in range(k)]
    for u, (members, _single) in enumerate(units):
        left = list(members)
        for d in range(k):
            if values[u * k + d]:
                take = len(left) if _single else values[u * k + d]
                groups[d] += left[:take]
                left = left[take:]
    return [g for g in groups if g]


def _solve_course(pool, rules, pins, apart, *, seconds, seed=0):
    """One course: column generation's bound and the profiles its LP uses; then, from several
    roundings of those profiles, alternate: people to the delegations' profiles (a MIP), each
    delegation's profile re-chosen from its people, while the cost falls. The bound ignores pins
    and keep-apart pairs, so it stays a valid lower bound with them."""
    started = time.perf_counter()
    bound, _lp, k, usage = _bound_and_columns(pool, rules, seconds=seconds * 0.6)
    target = max(0, math.ceil(bound - 1e-6))
    mixed = len({m.central for m in pool}) == 2
    rng = random.Random(seed)  # noqa: S311 - reproducible roundings, not secrets
    k_min, k_max = -(-len(pool) // rules.max_size), len(pool) // rules.min_size
    ordered = sorted((m.level, m.field) for m in pool)
    # fallback: the profiles of evenly spaced people in (level, field) order
    even = [ordered[(2 * i + 1) * len(ordered) // (2 * k_max)] for i in range(k_max)]

    def attempts():
        if usage:
            yield _round_profiles(usage, k)
        yield even
        profiles, weights = list(usage), list(usage.values())
        while profiles:
            size = rng.choice([k, k, max(k_min, k - 1), min(k_max, k + 1)])
            yield rng.choices(profiles, weights=weights, k=size)

    best, stale = None, 0
    for first in attempts():
        profiles = first
        while True:
            left = seconds - (time.perf_counter() - started)
            groups = _assign(pool, profiles, rules, mixed, pins, apart, seconds=max(left, 1.0))
            if groups is None:
                break
            value = sum(group_cost(g, mixed_pool=mixed) for g in groups)
            improved = best is None or value < best[0]
            stale = 0 if improved else stale + 1
            if improved:
                best = (value, groups)
            new = [group_profile(g) for g in groups]
            if sorted(new) == sorted(profiles) or time.perf_counter() - started > seconds:
                break
            profiles = new
        done = best is not None and (best[0] <= target or stale >= PATIENCE)
        if done or (best is not None and time.perf_counter() - started > seconds):
            break
    if best is None:
        return None
    objective, groups = best
    bound = min(objective, target)
    return groups, objective, bound, objective == bound


def _counted(results, total: int, progress) -> list:
    done = []
    for solved in results:
        done.append(solved)
        if progress is not None:
            progress(len(done), total)
    return done


def _solve_one(args):
    pool, rules, pins, apart, seconds, seed = args
    return _solve_course(pool, rules, pins, apart, seconds=seconds, seed=seed)


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
    progress=None,
) -> Result:
    """Delegations for every nominee of the pool, or ``InfeasibleError`` with the reasons.
    ``progress(done, total)`` is called as each course is solved."""
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
    courses = sorted(by_course.items())
    jobs = [(members, rules, pins, apart, seconds_per_course, seed) for _c, members in courses]
    if workers > 1 and len(jobs) > 1:
        # Courses are independent: solve them side by side. The forked processes touch no
        # database and leave through os._exit, so the parent's connection is not closed.
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool_executor:
            results = _counted(pool_executor.map(_solve_one, jobs), len(jobs), progress)
    else:
        results = _counted(map(_solve_one, jobs), len(jobs), progress)
    for (course, _members), solved in zip(courses, results, strict=True):
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
