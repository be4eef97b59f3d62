"""Quota arithmetic as properties: allocation fills the pool, moves conserve totals."""

import contextlib
import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.planning import services
from apps.planning.allocation import allocate
from apps.planning.models import Quota

from .factories import form, make_plan

requests = st.dictionaries(
    st.integers(min_value=1, max_value=400),
    st.tuples(
        st.integers(min_value=0, max_value=60), st.decimals(min_value=0, max_value=1, places=2)
    ),
    max_size=40,
)


@given(pool=st.integers(min_value=0, max_value=600), asked=requests)
def test_allocation_sums_to_the_pool_within_requests_and_never_negative(pool, asked):
    caps = {key: cap for key, (cap, _ratio) in asked.items()}
    weights = {key: Decimal(cap) * ratio for key, (cap, ratio) in asked.items()}
    result = allocate(pool, weights, caps)
    assert sum(result.values()) == min(pool, sum(caps.values()))
    assert all(0 <= result[key] <= caps[key] for key in caps)


@given(pool=st.integers(min_value=0, max_value=600), asked=requests)
def test_allocation_is_monotone_in_weight_for_equal_requests(pool, asked):
    caps = dict.fromkeys(asked, 30)
    weights = {key: ratio for key, (_cap, ratio) in asked.items()}
    result = allocate(pool, weights, caps)
    for a in caps:
        for b in caps:
            if weights[a] > weights[b]:
                assert result[a] >= result[b]


def test_allocation_is_proportional():
    assert allocate(30, {1: Decimal(10), 2: Decimal(20)}, {1: 30, 2: 30}) == {1: 10, 2: 20}
    assert allocate(100, {1: Decimal(10), 2: Decimal(20)}, {1: 15, 2: 20}) == {1: 15, 2: 20}


def test_allocation_refuses_a_negative_pool():
    with pytest.raises(ValueError, match="negative"):
        allocate(-1, {}, {})


moves = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", None]),
        st.sampled_from(["a", "b", "c", None]),
        st.integers(min_value=-3, max_value=12),
    ),
    max_size=12,
)


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=moves)
def test_moves_conserve_quotas_plus_pool_and_never_go_negative(
    steps, reference_data, steering_admin, ministry, ministry_unit, other_agency
):
    from django.core.exceptions import ValidationError

    agencies = {"a": ministry, "b": ministry_unit, "c": other_agency, None: None}
    plan = make_plan(
        year=2030,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): (10, 2), (other_agency, "SHORT"): 15},
    )
    for source, target, places in steps:
        with contextlib.suppress(ValidationError):
            services.quota_move(
                actor=steering_admin,
                plan=plan,
                form=form("SHORT"),
                from_agency=agencies[source],
                to_agency=agencies[target],
                places=places,
                reason="thử",
            )
        given_out = list(Quota.objects.filter(plan=plan).values_list("places", "used"))
        assert all(places >= used >= 0 for places, used in given_out)
        pool = services._pool(plan, form("SHORT"))
        assert pool >= 0
        assert pool + sum(p for p, _u in given_out) == 40
    services.quota_release_unused(
        actor=steering_admin, plan=plan, cut_off=datetime.date(2020, 1, 1)
    )
    assert (
        services._pool(plan, form("SHORT"))
        + sum(Quota.objects.filter(plan=plan).values_list("places", flat=True))
        == 40
    )
    plan.delete()
