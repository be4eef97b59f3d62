"""The optimiser on plain data: known optima, every hard rule on every result, infeasibility."""

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.delegations.optimiser import (
    InfeasibleError,
    Nominee,
    Rules,
    form,
    group_cost,
    violations,
)

RULES = Rules(min_size=4, max_size=6, max_per_agency=2)


def people(specs, course=1):
    """specs: (level, field, agency, central) per person."""
    return [
        Nominee(id=i, cadre_id=100 + i, level=lv, field=f, top_agency=ag, central=c, course=course)
        for i, (lv, f, ag, c) in enumerate(specs, start=1)
    ]


def assert_valid(result, pool, rules, apart=()):
    assigned = [m.id for g in result.groups for m in g]
    assert sorted(assigned) == sorted(m.id for m in pool)  # everyone exactly once
    for group in result.groups:
        assert violations(group, rules, apart=apart) == []
    assert result.bound <= result.objective


def test_pure_groups_are_found_and_proven_optimal():
    # 5 of level 1 field A and 5 of level 2 field B, each a mix of central and local.
    specs = [(1, "A", i, i % 2 == 0) for i in range(5)] + [
        (2, "B", 10 + i, i % 2 == 0) for i in range(5)
    ]
    pool = people(specs)
    result = form(pool, RULES, seconds_per_course=5)
    assert_valid(result, pool, RULES)
    assert result.objective == 0
    assert result.bound == 0
    assert result.gap_percent == 0
    assert sorted({m.level for m in g}.pop() for g in result.groups) == [1, 2]


def test_agency_limit_forces_a_known_optimum():
    # 8 people, two delegations of 4; three of agency 1 at level 1 cannot travel together, so
    # one of them swaps with a level-2 person: each group has one member a level away: optimum 2.
    # (The bound relaxes the per-agency limit, so here it cannot prove it.)
    specs = (
        [(1, "A", 1, True)] * 3 + [(1, "A", 2, False)] + [(2, "A", 3 + i, i < 2) for i in range(4)]
    )
    pool = people(specs)
    result = form(pool, Rules(min_size=4, max_size=4, max_per_agency=2), seconds_per_course=5)
    assert_valid(result, pool, Rules(min_size=4, max_size=4, max_per_agency=2))
    assert result.objective == 2
    assert result.bound <= 2


def test_pins_and_keep_apart_are_honoured():
    specs = [(1, "A", i, i % 2 == 0) for i in range(5)] + [
        (2, "B", 10 + i, i % 2 == 0) for i in range(5)
    ]
    pool = people(specs)
    # Pin a level-1 and a level-2 person together; keep two level-1 people apart.
    result = form(pool, RULES, pins={1: "X", 6: "X"}, apart=[(2, 3)], seconds_per_course=5)
    assert_valid(result, pool, RULES, apart=[(2, 3)])
    together = [g for g in result.groups if {1, 6} <= {m.id for m in g}]
    assert len(together) == 1
    assert result.objective > 0


def test_too_few_nominees_is_explained():
    pool = people([(1, "A", i, True) for i in range(3)])
    with pytest.raises(InfeasibleError, match="fewer than the minimum delegation size of 4"):
        form(pool, RULES, course_labels={1: "KT-1"})


def test_too_many_from_one_agency_is_explained():
    pool = people([(1, "A", 7, True)] * 5 + [(1, "A", i, True) for i in range(3)])
    with pytest.raises(InfeasibleError, match="5 nominees from one top-level agency \\(Bộ X\\)"):
        form(pool, RULES, agency_labels={7: "Bộ X"})


def test_pins_across_courses_are_explained():
    pool = people([(1, "A", i, True) for i in range(5)], course=1) + [
        Nominee(
            id=50 + i,
            cadre_id=50 + i,
            level=1,
            field="A",
            top_agency=20 + i,
            central=True,
            course=2,
        )
        for i in range(5)
    ]
    with pytest.raises(InfeasibleError, match="courses with different dates"):
        form(pool, RULES, pins={1: "X", 50: "X"})


def test_pins_that_break_the_agency_limit_are_explained():
    pool = people([(1, "A", 7, True)] * 3 + [(1, "A", i, True) for i in range(5)])
    with pytest.raises(InfeasibleError, match="one top-level agency are pinned to delegation X"):
        form(pool, RULES, pins={1: "X", 2: "X", 3: "X"})


def test_violations_name_each_broken_rule():
    group = people([(1, "A", 7, True)] * 3)
    found = violations(group, RULES, course=2)
    assert len(found) == 3  # size, agency, another course's dates


pools = st.lists(
    st.tuples(
        st.integers(1, 3),
        st.sampled_from("ABC"),
        st.integers(1, 6),
        st.booleans(),
    ),
    min_size=0,
    max_size=16,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=pools)
def test_every_result_meets_every_hard_rule(specs):
    pool = people(specs)
    try:
        result = form(pool, RULES, seconds_per_course=2, workers=1)
    except InfeasibleError as error:
        reasons = error.reasons
    else:
        assert_valid(result, pool, RULES)
        assert result.bound <= brute_force_optimum(pool, RULES) <= result.objective
        return
    assert reasons  # never silent
    assert len(pool) < 8 or Counter(m.top_agency for m in pool).most_common(1)[0][1] > 2


def brute_force_optimum(pool, rules):
    """The least total cost over every grouping that meets the hard rules (tiny pools only)."""
    mixed = len({m.central for m in pool}) == 2
    best = None

    def search(left, cost):
        nonlocal best
        if not left:
            best = cost if best is None else min(best, cost)
            return
        first, rest = left[0], left[1:]
        for size in range(rules.min_size, rules.max_size + 1):
            for others in combinations(rest, size - 1):
                group = [first, *others]
                if violations(group, rules):
                    continue
                remaining = [m for m in rest if m not in others]
                search(remaining, cost + group_cost(group, mixed_pool=mixed))

    search(list(pool), 0)
    return best


known = st.lists(
    st.tuples(st.integers(1, 4), st.sampled_from("ABCD"), st.integers(1, 9), st.booleans()),
    min_size=8,
    max_size=11,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=known)
def test_small_pools_reach_the_optimum_found_by_enumeration(specs):
    pool = people(specs)
    optimum = brute_force_optimum(pool, RULES)
    if optimum is None:
        with pytest.raises(InfeasibleError, match=r"\w"):
            form(pool, RULES, seconds_per_course=2, workers=1)
        return
    result = form(pool, RULES, seconds_per_course=2, workers=1)
    assert_valid(result, pool, RULES)
    assert result.bound <= optimum <= result.objective
    assert result.objective == optimum


def test_the_cost_counts_level_steps_and_other_fields_from_the_profile():
    # profile (level 2, field A): one member a level away, one of field B
    group = people([(2, "A", 1, True), (2, "A", 2, False), (3, "A", 3, True), (2, "B", 4, False)])
    assert group_cost(group, mixed_pool=True) == 2
    assert group_cost(group[:1] * 1, mixed_pool=True) == 1  # one side only
