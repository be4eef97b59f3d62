"""The consolidation against targets, dashboard figures (realism with real sent cadres:
apps/nominations/tests/test_realism.py)."""

import pytest

from apps.agencies.tests.factories import AgencyFactory
from apps.planning.selectors import (
    consolidation,
    plan_actuals,
    plan_dashboard,
    plan_totals,
)

from .factories import make_call, make_plan, make_registration


@pytest.fixture
def history(reference_data, steering_admin, ministry, other_agency):
    """The ministry asked 20, 30, 10 in 2023–2025 and used 10, 15, 5; 2022 without a call.

    The province asked only in 2025 (10) and used all of it. 2026 is the year planned.
    """
    asked = {2023: 20, 2024: 30, 2025: 10}
    used = {2023: 10, 2024: 15, 2025: 5}
    for year in (2023, 2024, 2025):
        call = make_call(year=year, by=steering_admin)
        make_registration(
            call=call, agency=ministry, by=steering_admin, places={"SHORT": asked[year]}
        )
        quotas = {(ministry, "SHORT"): (asked[year], used[year])}
        if year == 2025:
            make_registration(
                call=call, agency=other_agency, by=steering_admin, places={"SHORT": 10}
            )
            quotas[(other_agency, "SHORT")] = (10, 10)
        make_plan(
            year=year, by=steering_admin, status="approved", capacity={"SHORT": 60}, quotas=quotas
        )
    return make_call(year=2026, by=steering_admin)


def test_an_agency_without_history_has_no_ratio_and_no_flag(history, steering_admin):
    newcomer = AgencyFactory(code="TMOI", name="Tỉnh Mới", kind="tinh")
    make_registration(call=history, agency=newcomer, by=steering_admin, places={"SHORT": 90})
    row = next(r for r in consolidation(year=2026).rows if r.registration.agency == newcomer)
    assert [r.ratio for r in row.realism] == [None, None, None]
    assert row.flag == ""


def test_consolidation_totals_compare_with_the_phase_targets(history, steering_admin, ministry):
    make_registration(
        call=history, agency=ministry, by=steering_admin, places={"SHORT": 16, "MEDIUM": 2}
    )
    data = consolidation(year=2026)
    totals = dict(zip([f.code for f in data.forms], data.totals, strict=True))
    targets = dict(zip([f.code for f in data.forms], data.targets, strict=True))
    assert totals == {"SHORT": 16, "MEDIUM": 2, "LANGUAGE": 0}
    assert targets == {"SHORT": 300, "MEDIUM": 50, "LANGUAGE": 150}
    assert dict(zip([f.code for f in data.forms], data.differences, strict=True))["SHORT"] == -284


def test_consolidation_queries_do_not_grow_with_agencies(
    history, steering_admin, django_assert_max_num_queries
):
    for n in range(30):
        agency = AgencyFactory(code=f"TQ{n}", name=f"Tỉnh {n}", kind="tinh")
        make_registration(call=history, agency=agency, by=steering_admin, places={"SHORT": n})
    with django_assert_max_num_queries(11):
        data = consolidation(year=2026)
        assert len(data.rows) == 30


def test_plan_totals_and_dashboard(reference_data, steering_admin, ministry):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 280, "LANGUAGE": 150},
        quotas={(ministry, "SHORT"): 20},
    )
    short = next(row for row in plan_totals(plan) if row.form.code == "SHORT")
    assert (short.target, short.capacity, short.quotas, short.pool, short.difference) == (
        300,
        280,
        20,
        260,
        -20,
    )
    dashboard = plan_dashboard(year=2027)
    assert dashboard["target"] == [300, 50, 150]
    assert dashboard["plan"] == [280, 0, 150]
    assert dashboard["actual"] == [0, 0, 0]
    assert plan_actuals(2027) == {"SHORT": 0, "MEDIUM": 0, "LANGUAGE": 0}
