"""The plan's quota as R8 and approval read it, through real plans and quotas (no monkeypatch).

Regression tests of issue 8's two bugs (a decentralised course used the plan's quota; a unit's
own quota was ignored), the quota move offered instead of an override of R8 (issue 18), and a
property test: approved places per holder never exceed its quota, and R8 counts what approval
counts.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.services import course_transition
from apps.courses.tests.factories import CourseFactory, form
from apps.nominations import services
from apps.nominations.models import Nomination
from apps.nominations.tests.factories import NominationFactory
from apps.planning import quota
from apps.planning.models import PlanStatus, Quota
from apps.planning.services import quota_move
from apps.planning.tests.factories import make_plan

pytestmark = pytest.mark.django_db

YEAR = 2026


def eligible(agency):
    return CadreFactory(
        agency=agency,
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2040, 1, 1),
    )


def approved_plan(by, quotas: dict, capacity: int = 40):
    form("SHORT")  # loads the programme's forms and content groups
    return make_plan(
        year=YEAR,
        by=by,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": capacity},
        quotas={(agency, "SHORT"): places for agency, places in quotas.items()},
    )


def approve(admin, nomination):
    return services.nomination_decide(actor=admin, nomination=nomination, decision="approved")


def test_a_decentralised_course_does_not_use_the_plan_s_quota(
    reference_data, steering_admin, agency_officer, ministry, ministry_unit
):
    """Issue 8, bug 1: one approved place on a decentralised course used a ministry's quota of
    1, so R8 then failed a Steering Committee course and approval was refused (DECISIONS §15)."""
    approved_plan(steering_admin, {ministry: 1})
    own = CourseFactory(organiser=ministry, capacity=5)
    on_own = services.nomination_create(
        actor=agency_officer, course=own, cadre=eligible(ministry_unit)
    )
    assert "R8" not in [r.code for r in on_own.results]
    approve(steering_admin, on_own)
    steering = CourseFactory(capacity=5)
    nomination = services.nomination_create(
        actor=agency_officer, course=steering, cadre=eligible(ministry_unit)
    )
    [r8] = [r for r in nomination.results if r.code == "R8"]
    assert (r8.outcome, r8.params["used"], r8.params["quota"]) == ("pass", 0, 1)
    assert approve(steering_admin, nomination).status == "approved"
    assert Quota.objects.get(agency=ministry).used == 1


def test_a_unit_s_own_quota_is_its_limit(
    reference_data, steering_admin, agency_officer, ministry, ministry_unit
):
    """Issue 8, bug 2: ministry quota 5, unit quota 1: both cadres of the unit passed R8
    ("quota 5") and were approved, because the holder was always the root (DECISIONS §11)."""
    approved_plan(steering_admin, {ministry: 5, ministry_unit: 1})
    course = CourseFactory(capacity=10)
    first, second = (
        NominationFactory(course=course, cadre=eligible(ministry_unit), status="submitted")
        for _ in range(2)
    )
    approve(steering_admin, first)
    [r8] = services.eligibility_preview(course=course, cadre=second.cadre)[-1:]
    assert (r8.code, r8.outcome, r8.params["agency"]) == ("R8", "fail", "Vụ Tổ chức cán bộ")
    with pytest.raises(ValidationError, match="Vụ Tổ chức cán bộ has used all 1"):
        approve(steering_admin, second)
    in_ministry = NominationFactory(course=course, cadre=eligible(ministry), status="submitted")
    assert approve(steering_admin, in_ministry).status == "approved"
    used = dict(Quota.objects.values_list("agency__code", "used"))
    assert used == {"BTEST": 1, "BTEST_V1": 1}


def test_places_used_follow_every_move_of_a_member(
    reference_data, steering_admin, agency_officer, ministry, ministry_unit
):
    """``Quota.used`` is what the module counts: approval takes a place, withdrawal gives it
    back, a member who went and did not complete keeps it."""
    approved_plan(steering_admin, {ministry: 2})
    course = CourseFactory(capacity=5)
    stays, leaves = (
        NominationFactory(course=course, cadre=eligible(ministry_unit), status="submitted")
        for _ in range(2)
    )
    approve(steering_admin, stays)
    approve(steering_admin, leaves)
    assert Quota.objects.get().used == 2
    services.nomination_withdraw(actor=steering_admin, nomination=leaves, reason="Ốm")
    assert Quota.objects.get().used == 1
    for status in ("closed", "departed"):
        course_transition(actor=steering_admin, course=course, to_status=status)
    stays.refresh_from_db()
    services._move(stays, "not_completed", actor=steering_admin)
    assert Quota.objects.get().used == 1
    state = quota.quota_state(agency=ministry_unit, form_id=course.form_id, year=YEAR)
    assert (state.holder_id, state.used, state.places) == (ministry.pk, 1, 2)


def test_a_full_quota_offers_a_quota_move_not_an_override(
    reference_data, client_for, steering_admin, agency_officer, ministry, ministry_unit
):
    """Issue 18, item 2: overriding R8 did nothing (approval counts again); the steering admin
    is offered the approved plan's quota move instead."""
    plan = approved_plan(steering_admin, {ministry: 1}, capacity=10)
    course = CourseFactory(capacity=10)
    approve(steering_admin, NominationFactory(course=course, cadre=eligible(ministry_unit)))
    nomination = services.nomination_create(
        actor=agency_officer, course=course, cadre=eligible(ministry_unit)
    )
    assert (nomination.status, nomination.outcome) == ("draft", "fail")
    with pytest.raises(ValidationError, match="A full quota cannot be overridden"):
        services.nomination_override(actor=steering_admin, nomination=nomination, reason="Cần")
    with pytest.raises(ValidationError, match="quota for this form is full"):
        services.nomination_submit(actor=agency_officer, nomination=nomination)
    page = client_for(steering_admin).get(nomination.get_absolute_url()).content.decode()
    assert reverse("planning:quota_move", args=[plan.pk]) in page
    assert 'id="quota-move-offer"' in page
    assert "id_override_reason" not in page
    quota_move(
        actor=steering_admin,
        plan=plan,
        form=form("SHORT"),
        from_agency=None,
        to_agency=ministry,
        places=1,
        reason="Bổ sung chỉ tiêu",
    )
    nomination = services.nomination_submit(actor=agency_officer, nomination=nomination)
    assert approve(steering_admin, nomination).status == "approved"
    assert Quota.objects.get().used == 2


AGENCIES = ("ministry", "unit", "sub_unit", "other_unit", "province")
quotas_strategy = st.dictionaries(
    st.sampled_from(AGENCIES), st.integers(min_value=0, max_value=3), max_size=5
)
nominations_strategy = st.lists(
    st.tuples(st.sampled_from(AGENCIES), st.sampled_from(("steering", "other", "decentralised"))),
    max_size=10,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(quotas=quotas_strategy, picks=nominations_strategy, has_plan=st.booleans())
def test_approved_places_never_exceed_a_holder_s_quota_and_r8_counts_like_approval(
    reference_data, steering_admin, quotas, picks, has_plan
):
    with transaction.atomic():
        ministry = AgencyFactory(code="PM", name="Bộ P")
        unit = AgencyFactory(code="PM_U", name="Vụ U", kind="vu", parent=ministry)
        tree = {
            "ministry": ministry,
            "unit": unit,
            "sub_unit": AgencyFactory(code="PM_U_S", name="Phòng S", kind="vu", parent=unit),
            "other_unit": AgencyFactory(code="PM_O", name="Vụ O", kind="vu", parent=ministry),
            "province": AgencyFactory(code="PT", name="Tỉnh T", kind="tinh"),
        }
        if has_plan:
            approved_plan(
                steering_admin, {tree[key]: places for key, places in quotas.items()}, 100
            )
        courses = {
            "steering": CourseFactory(capacity=50),
            "other": CourseFactory(
                capacity=50, start=datetime.date(YEAR, 9, 1), end=datetime.date(YEAR, 9, 14)
            ),
            "decentralised": CourseFactory(capacity=50, organiser=ministry),
        }
        for key, course_key in picks:
            nomination = NominationFactory(
                course=courses[course_key], cadre=eligible(tree[key]), status="submitted"
            )
            results = services.eligibility_preview(course=nomination.course, cadre=nomination.cadre)
            r8 = next((r for r in results if r.code == "R8"), None)
            refusal = ""
            try:
                approve(steering_admin, nomination)
            except ValidationError as error:
                refusal = " ".join(error.messages)
            approved = not refusal
            assert approved or "of its places" in refusal  # only the quota refuses here
            if course_key == "decentralised":
                assert r8 is None
                assert approved
            elif has_plan:
                assert approved == (r8.outcome == "pass")
            else:
                assert (r8.outcome, approved) == ("warning", True)
        if has_plan:
            steering = Nomination.objects.filter(
                status="approved", course__organiser__isnull=True
            ).select_related("agency")
            for holder in Quota.objects.filter(plan__year=YEAR).select_related("agency"):
                state = quota.quota_state(agency=holder.agency, form_id=holder.form_id, year=YEAR)
                counted = [
                    n
                    for n in steering
                    if quota.quota_state(
                        agency=n.agency, form_id=holder.form_id, year=YEAR
                    ).holder_id
                    == holder.agency_id
                ]
                assert len(counted) == state.used <= holder.places
                assert holder.used == state.used
        transaction.set_rollback(True)
