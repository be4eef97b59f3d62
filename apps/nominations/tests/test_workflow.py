"""The nomination and course tables in the workflow core: who is offered which step, refusals
on POST, the nominations app following the course's steps, audit names, kept history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from apps.cadres.tests.factories import CadreFactory, _level
from apps.core import workflow
from apps.core.models import AuditEntry
from apps.courses.hooks import places_taken
from apps.courses.services import course_transition, course_update
from apps.courses.tests.factories import CourseFactory
from apps.nominations import services
from apps.nominations.tests.factories import NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(reference_data):
    return CourseFactory(capacity=3, status="open")


@pytest.fixture
def cadre(ministry_unit):
    return CadreFactory(
        agency=ministry_unit,
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2040, 1, 1),
    )


def targets(obj, user):
    return [step.target for step in workflow.available_transitions(obj, user)]


def test_each_role_is_offered_only_its_steps(
    steering_admin, agency_officer, other_officer, auditor, course, cadre
):
    nomination = NominationFactory(course=course, cadre=cadre)
    assert targets(nomination, steering_admin) == [
        "approved",
        "rejected",
        "withdrawn",
        "waitlisted",
    ]
    assert targets(nomination, agency_officer) == ["withdrawn"]
    assert targets(nomination, other_officer) == []  # out of its scope
    assert targets(nomination, auditor) == []
    nomination.status = "approved"
    # Departing and not continuing are never buttons: they follow the course and the exit test.
    assert targets(nomination, steering_admin) == ["withdrawn"]


def test_an_officer_sees_no_decision_button_and_is_refused_on_post(
    client_for, agency_officer, course, cadre
):
    nomination = NominationFactory(course=course, cadre=cadre)
    client = client_for(agency_officer)
    page = client.get(nomination.get_absolute_url()).text
    assert 'value="approved"' not in page
    assert reverse("nominations:nomination_withdraw", args=[nomination.pk]) in page
    response = client.post(
        reverse("nominations:nomination_decide", args=[nomination.pk]), {"decision": "approved"}
    )
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == "submitted"
    with translation.override("vi"), pytest.raises(PermissionDenied, match="Vai trò của đồng chí"):
        services.nomination_decide(actor=agency_officer, nomination=nomination, decision="approved")


def test_a_waitlisted_nomination_offers_no_waitlist_button(client_for, steering_admin, course):
    nomination = NominationFactory(course=course, status="waitlisted")
    page = client_for(steering_admin).get(nomination.get_absolute_url()).text
    assert 'value="approved"' in page
    assert 'value="waitlisted"' not in page


def test_the_api_gives_the_same_steps(api_for, steering_admin, agency_officer, course, cadre):
    nomination = NominationFactory(course=course, cadre=cadre)
    url = f"/api/nominations/{nomination.pk}/"
    assert api_for(agency_officer).get(url).json()["available_transitions"] == ["withdrawn"]
    assert api_for(steering_admin).get(url).json()["available_transitions"] == [
        "approved",
        "rejected",
        "withdrawn",
        "waitlisted",
    ]


def test_rejecting_needs_a_reason_from_the_table(steering_admin, course):
    nomination = NominationFactory(course=course)
    with translation.override("vi"), pytest.raises(ValidationError, match="Hãy nêu lý do"):
        services.nomination_decide(actor=steering_admin, nomination=nomination, decision="rejected")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_reason) == ("submitted", "")


def test_course_steps_are_offered_by_scope(
    client_for, steering_admin, agency_officer, ministry_unit, reference_data
):
    steering = CourseFactory(status="planned")
    own = CourseFactory(status="planned", organiser=ministry_unit)
    assert targets(steering, steering_admin) == ["open", "cancelled"]
    assert targets(steering, agency_officer) == []
    assert targets(own, agency_officer) == ["open", "cancelled"]
    client = client_for(agency_officer)
    response = client.post(
        reverse("courses:course_transition", args=[steering.pk]), {"to_status": "open"}
    )
    assert response.status_code in (403, 404)
    steering.refresh_from_db()
    assert steering.status == "planned"


def test_members_follow_their_course_under_one_audit_scheme(steering_admin, course, cadre):
    nomination = NominationFactory(course=course, cadre=cadre, status="approved")
    waiting = NominationFactory(course=course, status="waitlisted")
    course_transition(actor=steering_admin, course=course, to_status="closed")
    course_transition(actor=steering_admin, course=course, to_status="departed")
    nomination.refresh_from_db()
    waiting.refresh_from_db()
    assert (nomination.status, waiting.status) == ("departed", "waitlisted")
    record = nomination.transitions.get()
    assert (record.from_status, record.to_status, record.actor) == (
        "approved",
        "departed",
        steering_admin,
    )
    assert record.reason == "The course is departed."
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"courses.course.closed", "courses.course.departed"} <= actions
    assert "nominations.nomination.departed" in actions


def test_a_decentralised_course_moved_by_its_officer_moves_its_members(
    agency_officer, ministry_unit, cadre, reference_data
):
    """The members' steps are consequences of the course's: the officer's role is enough."""
    own = CourseFactory(status="closed", organiser=ministry_unit)
    nomination = NominationFactory(course=own, cadre=cadre, status="approved")
    course_transition(actor=agency_officer, course=own, to_status="departed")
    nomination.refresh_from_db()
    assert nomination.status == "departed"


def test_the_capacity_check_counts_members_through_the_hook(steering_admin, course):
    for status in ("approved", "departed", "submitted", "withdrawn"):
        NominationFactory(course=course, status=status)
    assert places_taken(course) == 2
    with pytest.raises(ValidationError, match="2 nominations are already approved"):
        course_update(actor=steering_admin, course=course, capacity=1)
