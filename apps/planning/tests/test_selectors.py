"""Realism on a hand-built history, the consolidation against targets, dashboard figures."""

from decimal import Decimal

import pytest

from apps.agencies.tests.factories import AgencyFactory
from apps.planning.selectors import (
    consolidation,
    plan_actuals,
    plan_dashboard,
    plan_totals,
    realism_by_agency,
)
from apps.programme.models import RuleSetting

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


def test_realism_is_used_over_requested_with_its_years(history, ministry, other_agency):
    realism = realism_by_agency(agency_ids=[ministry.pk, other_agency.pk], year=2026)
    assert realism[ministry.pk].ratio == Decimal("0.50")
    assert realism[ministry.pk].years == [2023, 2024, 2025]
    assert realism[ministry.pk].years_label == "2023–2025"
    assert realism[other_agency.pk].ratio == Decimal("1.00")
    assert realism[other_agency.pk].years_label == "2025"


def test_realism_ignores_years_after_the_plan_year(history, ministry):
    realism = realism_by_agency(agency_ids=[ministry.pk], year=2024)
    assert realism[ministry.pk].years == [2023]


def test_an_agency_without_history_has_no_ratio_and_no_flag(history, steering_admin):
    newcomer = AgencyFactory(code="TMOI", name="Tỉnh Mới", kind="tinh")
    make_registration(call=history, agency=newcomer, by=steering_admin, places={"SHORT": 90})
    row = next(r for r in consolidation(year=2026).rows if r.registration.agency == newcomer)
    assert row.realism.ratio is None
    assert row.flag == ""


def test_a_request_far_above_past_filling_is_flagged_with_the_reason(
    history, steering_admin, ministry, other_agency
):
    # the ministry filled 10 a year on average: 15 is the limit at 50 %
    make_registration(call=history, agency=ministry, by=steering_admin, places={"SHORT": 16})
    make_registration(call=history, agency=other_agency, by=steering_admin, places={"SHORT": 15})
    rows = {r.registration.agency: r for r in consolidation(year=2026).rows}
    assert "filled 10,0 a year on average in 2023–2025" in rows[ministry].flag
    assert rows[other_agency].flag == ""


def test_the_threshold_is_a_setting(history, steering_admin, ministry):
    RuleSetting.objects.filter(code="realism_over_request").update(value=Decimal("1"))
    make_registration(call=history, agency=ministry, by=steering_admin, places={"SHORT": 16})
    assert consolidation(year=2026).rows[0].flag == ""


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
