"""Nominate, submit, override, decide, withdraw, waitlist, gate, and the course moving them."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.services import course_transition
from apps.courses.tests.factories import CourseFactory, form
from apps.nominations import services
from apps.nominations.models import GateResult, NominationTransition
from apps.nominations.tests.factories import NominationFactory
from apps.planning.models import PlanStatus, Quota
from apps.planning.tests.factories import make_plan

pytestmark = pytest.mark.django_db

RETIRES_LATE = datetime.date(2040, 1, 1)


@pytest.fixture
def course(reference_data):
    return CourseFactory(capacity=2)


def eligible(agency, **kwargs):
    return CadreFactory(
        agency=agency,
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=RETIRES_LATE,
        **kwargs,
    )


def nominate(actor, course, cadre, confirm=True):
    return services.nomination_create(
        actor=actor, course=course, cadre=cadre, confirm_warnings=confirm
    )


def test_officer_nominates_own_cadre_and_the_result_is_stored(
    agency_officer, ministry_unit, course
):
    nomination = nominate(agency_officer, course, eligible(ministry_unit))
    assert nomination.status == "submitted"
    assert nomination.outcome == "warning"  # no approved plan: the quota cannot be checked
    assert [r["code"] for r in nomination.eligibility] == ["R1", "R5", "R6", "R7", "R8"]
    assert nomination.agency == ministry_unit  # the nominating unit; its holder is looked up
    assert list(nomination.transitions.values_list("to_status", flat=True)) == [
        "draft",
        "submitted",
    ]


def test_warnings_need_a_confirmation(agency_officer, ministry_unit, course):
    nomination = nominate(agency_officer, course, eligible(ministry_unit), confirm=False)
    assert nomination.status == "draft"
    with pytest.raises(ValidationError, match="Confirm"):
        services.nomination_submit(actor=agency_officer, nomination=nomination)
    nomination = services.nomination_submit(
        actor=agency_officer, nomination=nomination, confirm_warnings=True
    )
    assert nomination.status == "submitted"


def test_officer_cannot_nominate_a_cadre_of_another_agency(agency_officer, other_agency, course):
    with pytest.raises(ValidationError, match="your own agency"):
        nominate(agency_officer, course, eligible(other_agency))


def test_same_cadre_twice_is_refused(agency_officer, ministry_unit, course):
    cadre = eligible(ministry_unit)
    nominate(agency_officer, course, cadre)
    with pytest.raises(ValidationError, match="already nominated"):
        nominate(agency_officer, course, cadre)


def test_course_not_open_is_refused(agency_officer, ministry_unit, reference_data):
    # Organised by the officer's own unit, so the refusal is the status, not the visibility.
    planned = CourseFactory(status="planned", organiser=ministry_unit)
    with pytest.raises(ValidationError, match="not open for nominations"):
        nominate(agency_officer, planned, eligible(ministry_unit))


def test_failing_nominee_stays_draft_until_an_admin_overrides(
    agency_officer, steering_admin, ministry_unit, course
):
    cadre = CadreFactory(agency=ministry_unit, position_level=_level("OTHER"))
    nomination = nominate(agency_officer, course, cadre)
    assert (nomination.status, nomination.outcome) == ("draft", "fail")
    with pytest.raises(ValidationError, match="override"):
        services.nomination_submit(
            actor=agency_officer, nomination=nomination, confirm_warnings=True
        )
    with pytest.raises(PermissionDenied, match="Only a steering admin may override"):
        services.nomination_override(actor=agency_officer, nomination=nomination, reason="x")
    with pytest.raises(ValidationError, match="needs a written reason"):
        services.nomination_override(actor=steering_admin, nomination=nomination, reason="  ")
    services.nomination_override(
        actor=steering_admin,
        nomination=nomination,
        reason="Chuyên gia đầu ngành, Ban Bí thư đồng ý",
    )
    nomination = services.nomination_submit(actor=agency_officer, nomination=nomination)
    assert nomination.status == "submitted"
    nomination = services.nomination_decide(
        actor=steering_admin, nomination=nomination, decision="approved"
    )
    assert nomination.status == "approved"
    assert nomination.override_reason.startswith("Chuyên gia")


def test_only_steering_admin_decides(agency_officer, ministry_unit, course):
    nomination = nominate(agency_officer, course, eligible(ministry_unit))
    with pytest.raises(PermissionDenied, match="Your role may not move the nomination"):
        services.nomination_decide(actor=agency_officer, nomination=nomination, decision="approved")


def test_reject_needs_a_reason(agency_officer, steering_admin, ministry_unit, course):
    nomination = nominate(agency_officer, course, eligible(ministry_unit))
    with pytest.raises(ValidationError, match="Give the reason for rejecting"):
        services.nomination_decide(actor=steering_admin, nomination=nomination, decision="rejected")
    nomination = services.nomination_decide(
        actor=steering_admin, nomination=nomination, decision="rejected", reason="Trùng nhiệm vụ"
    )
    assert (nomination.status, nomination.decision_reason) == ("rejected", "Trùng nhiệm vụ")
    transition = NominationTransition.objects.filter(nomination=nomination).last()
    assert (transition.to_status, transition.actor, transition.reason) == (
        "rejected",
        steering_admin,
        "Trùng nhiệm vụ",
    )


def test_capacity_holds_and_a_freed_place_goes_to_the_first_eligible_waitlisted(
    agency_officer, steering_admin, ministry_unit, course
):
    a, b, c, d = (nominate(agency_officer, course, eligible(ministry_unit)) for _ in range(4))
    for nomination in (a, b):
        services.nomination_decide(actor=steering_admin, nomination=nomination, decision="approved")
    with pytest.raises(ValidationError, match="full"):
        services.nomination_decide(actor=steering_admin, nomination=c, decision="approved")
    services.nomination_decide(actor=steering_admin, nomination=c, decision="waitlisted")
    services.nomination_decide(actor=steering_admin, nomination=d, decision="waitlisted")
    # c's cadre became ineligible meanwhile (another course at the same dates)
    other = CourseFactory(start=course.start, end=course.end)
    NominationFactory(cadre=c.cadre, course=other, status="approved")
    services.nomination_withdraw(actor=agency_officer, nomination=a, reason="Ốm")
    c.refresh_from_db()
    d.refresh_from_db()
    assert (c.status, d.status) == ("waitlisted", "approved")
    assert d.transitions.last().reason == "A place was freed on the course."


def test_quota_of_the_approved_plan_holds(
    agency_officer, steering_admin, ministry, ministry_unit, course
):
    make_plan(
        year=2026, by=steering_admin, status=PlanStatus.APPROVED, quotas={(ministry, "SHORT"): 1}
    )
    first = nominate(agency_officer, course, eligible(ministry_unit))
    second = nominate(agency_officer, course, eligible(ministry_unit))
    assert first.outcome == second.outcome == "pass"  # R8 counts places, none taken yet
    services.nomination_decide(actor=steering_admin, nomination=first, decision="approved")
    assert Quota.objects.get(agency=ministry).used == 1  # the place is recorded at once
    with pytest.raises(ValidationError, match="used all 1"):
        services.nomination_decide(actor=steering_admin, nomination=second, decision="approved")
    course_transition(actor=steering_admin, course=course, to_status="closed")
    course_transition(actor=steering_admin, course=course, to_status="departed")
    assert Quota.objects.get(agency=ministry).used == 1


def test_course_departure_and_completion_move_the_members(
    agency_officer, steering_admin, ministry_unit, course
):
    nomination = nominate(agency_officer, course, eligible(ministry_unit))
    services.nomination_decide(actor=steering_admin, nomination=nomination, decision="approved")
    for status in ("closed", "departed", "completed"):
        course_transition(actor=steering_admin, course=course, to_status=status)
    nomination.refresh_from_db()
    assert nomination.status == "completed"
    assert list(nomination.transitions.values_list("to_status", flat=True))[-2:] == [
        "departed",
        "completed",
    ]


def test_cancelling_a_course_withdraws_its_nominations(
    agency_officer, steering_admin, ministry_unit, course
):
    nomination = nominate(agency_officer, course, eligible(ministry_unit))
    course_transition(
        actor=steering_admin, course=course, to_status="cancelled", reason="Dịch bệnh"
    )
    nomination.refresh_from_db()
    assert nomination.status == "withdrawn"


@pytest.fixture
def language_course(reference_data, steering_admin):
    from apps.courses.services import course_create
    from apps.programme.models import ContentGroup

    course = course_create(
        actor=steering_admin,
        title="Tiếng Anh nâng cao",
        form=form("LANGUAGE"),
        content_group=ContentGroup.objects.get(code=4),
        countries="Úc",
        start=datetime.date(2026, 1, 5),
        end=datetime.date(2026, 8, 28),
        capacity=10,
    )
    course_transition(actor=steering_admin, course=course, to_status="open")
    return course


def test_gate_stops_members_below_the_pass_mark(
    agency_officer, steering_admin, ministry_unit, language_course
):
    assert [p.form_phase.code for p in language_course.phases.order_by("start")] == [
        "DOMESTIC",
        "ABROAD",
    ]
    passing, failing = (
        nominate(
            agency_officer, language_course, eligible(ministry_unit, uses_foreign_language=True)
        )
        for _ in range(2)
    )
    for nomination in (passing, failing):
        services.nomination_decide(actor=steering_admin, nomination=nomination, decision="approved")
    course_transition(actor=steering_admin, course=language_course, to_status="closed")
    with pytest.raises(ValidationError, match="between 0 and 100"):
        services.gate_record(actor=steering_admin, nomination=passing, score=Decimal("101"))
    with pytest.raises(ValidationError, match="exit test of every member"):
        course_transition(actor=steering_admin, course=language_course, to_status="departed")
    services.gate_record(actor=steering_admin, nomination=passing, score=Decimal("75"))
    services.gate_record(actor=steering_admin, nomination=failing, score=Decimal("40.5"))
    failing.refresh_from_db()
    assert failing.status == "not_continuing"
    assert GateResult.objects.get(nomination=failing).passed is False
    course_transition(actor=steering_admin, course=language_course, to_status="departed")
    passing.refresh_from_db()
    failing.refresh_from_db()
    assert (passing.status, failing.status) == ("departed", "not_continuing")


def test_plan_actuals_count_the_cadres_sent(reference_data):
    from apps.planning.selectors import plan_actuals

    course = CourseFactory(start=datetime.date(2025, 3, 1), end=datetime.date(2025, 3, 14))
    for status in ("completed", "completed", "departed", "rejected", "withdrawn"):
        NominationFactory(course=course, status=status)
    assert plan_actuals(2025) == {"SHORT": 3, "MEDIUM": 0, "LANGUAGE": 0}
