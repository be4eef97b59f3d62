"""Realism (issue 18 item 5): cadres sent ÷ places allocated, per form, uncapped; over-requests
flagged form by form; the suggested allocation reads it. Built from real plans, quotas and sent
nominations: the places counted are the ones the nominations app hands planning."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.courses.tests.factories import CourseFactory, form
from apps.nominations.tests.factories import NominationFactory
from apps.planning import services
from apps.planning.models import PlanStatus, Quota
from apps.planning.selectors import consolidation, realism_by_agency
from apps.planning.tests.factories import make_call, make_plan, make_registration
from apps.programme.models import RuleSetting

pytestmark = pytest.mark.django_db


def send(agency, code: str, year: int, n: int, *, status="completed", organiser=None) -> None:
    course = CourseFactory(
        form=form(code),
        start=datetime.date(year, 6, 1),
        end=datetime.date(year, 6, 14),
        status="completed",
        organiser=organiser,
    )
    for _i in range(n):
        NominationFactory(course=course, cadre=CadreFactory(agency=agency), status=status)


def history(admin, year: int, lines: dict) -> None:
    """``lines``: {agency: {form code: (requested, allocated, sent)}}, one approved plan."""
    call = make_call(year=year, by=admin)
    quotas = {}
    for agency, forms in lines.items():
        make_registration(
            call=call, agency=agency, by=admin, places={c: v[0] for c, v in forms.items()}
        )
        for code, (_requested, allocated, sent) in forms.items():
            quotas[(agency, code)] = allocated
            send(agency, code, year, sent)
    make_plan(
        year=year,
        by=admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 200, "MEDIUM": 50},
        quotas=quotas,
    )


def test_realism_is_cadres_sent_over_places_allocated_not_quota_used_over_requested(
    reference_data, steering_admin, ministry, other_agency
):
    # The ministry asked for 20 places, was given 4 and sent 4: it filled everything it got.
    history(steering_admin, 2025, {ministry: {"SHORT": (20, 4, 4), "MEDIUM": (6, 2, 1)}})
    realism = realism_by_agency(agency_ids=[ministry.pk], year=2026)[ministry.pk]
    assert realism.form(form("SHORT").pk).ratio == Decimal("1.00")
    assert realism.form(form("MEDIUM").pk).ratio == Decimal("0.50")
    assert realism.form(form("SHORT").pk).years_label == "2025"
    assert realism.form(form("LANGUAGE").pk).ratio is None


def test_realism_is_uncapped_and_counts_the_agency_s_units(
    reference_data, steering_admin, ministry, ministry_unit
):
    history(steering_admin, 2025, {ministry: {"SHORT": (10, 4, 3)}})
    # places moved to the ministry during the year: its unit sent two more than first allocated
    send(ministry_unit, "SHORT", 2025, 3)
    realism = realism_by_agency(agency_ids=[ministry.pk], year=2026)[ministry.pk]
    assert realism.form(form("SHORT").pk).ratio == Decimal("1.50")


def test_realism_ignores_decentralised_courses_withdrawals_and_later_years(
    reference_data, steering_admin, ministry
):
    history(steering_admin, 2024, {ministry: {"SHORT": (10, 4, 2)}})
    send(ministry, "SHORT", 2024, 5, organiser=ministry)  # its own course: no quota place
    send(ministry, "SHORT", 2024, 5, status="withdrawn")
    history(steering_admin, 2026, {ministry: {"SHORT": (10, 10, 10)}})
    realism = realism_by_agency(agency_ids=[ministry.pk], year=2026)[ministry.pk]
    assert realism.form(form("SHORT").pk).ratio == Decimal("0.50")
    assert realism.form(form("SHORT").pk).years == [2024]


def test_over_requests_are_flagged_per_form_not_on_the_total(
    reference_data, steering_admin, ministry
):
    # sent 10 short and 1 medium a year: 12 short is within 50 %, 3 medium is not
    history(steering_admin, 2025, {ministry: {"SHORT": (30, 10, 10), "MEDIUM": (5, 2, 1)}})
    call = make_call(year=2026, by=steering_admin)
    make_registration(
        call=call, agency=ministry, by=steering_admin, places={"SHORT": 12, "MEDIUM": 3}
    )
    data = consolidation(year=2026)
    codes = [f.code for f in data.forms]
    row = data.rows[0]
    short, medium = codes.index("SHORT"), codes.index("MEDIUM")
    assert row.flags[short] == ""
    assert row.flags[medium].startswith(str(form("MEDIUM").name))
    assert "sent 1,0 a year on average in 2025" in row.flags[medium]


def test_the_over_request_threshold_is_a_setting(reference_data, steering_admin, ministry):
    history(steering_admin, 2025, {ministry: {"SHORT": (30, 10, 10)}})
    make_registration(
        call=make_call(year=2026, by=steering_admin),
        agency=ministry,
        by=steering_admin,
        places={"SHORT": 16},
    )
    assert consolidation(year=2026).rows[0].flag
    RuleSetting.objects.filter(code="realism_over_request").update(value=Decimal("1"))
    assert consolidation(year=2026).rows[0].flag == ""


def test_the_suggestion_keeps_an_agency_that_filled_every_place_it_was_given(
    reference_data, steering_admin, ministry, other_agency
):
    # The ministry asked 40, got 10, sent 10 (ratio 1); the province asked 10, got 10, sent 5.
    history(
        steering_admin,
        2026,
        {ministry: {"SHORT": (40, 10, 10)}, other_agency: {"SHORT": (10, 10, 5)}},
    )
    call = make_call(year=2027, by=steering_admin)
    make_registration(call=call, agency=ministry, by=steering_admin, places={"SHORT": 30})
    make_registration(call=call, agency=other_agency, by=steering_admin, places={"SHORT": 30})
    plan = make_plan(year=2027, by=steering_admin, capacity={"SHORT": 30})
    services.plan_quotas_suggest(actor=steering_admin, plan=plan)
    quotas = dict(Quota.objects.filter(plan=plan).values_list("agency_id", "places"))
    assert quotas == {ministry.pk: 20, other_agency.pk: 10}


def test_the_consolidation_page_explains_the_ratio_in_one_sentence(
    reference_data, steering_admin, ministry, client_for
):
    history(steering_admin, 2025, {ministry: {"SHORT": (20, 4, 4)}})
    make_registration(
        call=make_call(year=2026, by=steering_admin),
        agency=ministry,
        by=steering_admin,
        places={"SHORT": 5},
    )
    page = (
        client_for(steering_admin)
        .get(reverse("planning:consolidation", args=[2026]))
        .content.decode()
    )
    assert "cadres the agency actually sent ÷ places it was allocated" in page
    assert "1,00 (2025)" in page


def test_realism_reads_in_constant_queries(
    reference_data, steering_admin, ministry, django_assert_max_num_queries
):
    agencies = [AgencyFactory(code=f"TR{n}", name=f"Tỉnh {n}", kind="tinh") for n in range(10)]
    history(steering_admin, 2025, {a: {"SHORT": (5, 2, 1)} for a in agencies})
    with django_assert_max_num_queries(4):
        realism = realism_by_agency(agency_ids=[a.pk for a in agencies], year=2026)
    assert len(realism) == 10
