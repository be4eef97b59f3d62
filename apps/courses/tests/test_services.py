"""Course services: state machine, bad input refused with no change, organiser scope."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.courses import services
from apps.courses.models import Course, CourseTransition
from apps.courses.tests.factories import CourseFactory, form, group
from apps.partners.tests.factories import ExpertFactory

pytestmark = pytest.mark.django_db


def fields(**overrides):
    return {
        "title": "Quản trị địa phương",
        "form": form("SHORT"),
        "content_group": group(1),
        "countries": "Nhật Bản",
        "start": datetime.date(2026, 9, 1),
        "end": datetime.date(2026, 9, 14),
        "capacity": 20,
        **overrides,
    }


def test_steering_admin_creates_a_planned_course_with_a_code(steering_admin, reference_data):
    course = services.course_create(actor=steering_admin, **fields())
    assert (course.status, course.code, course.organiser) == ("planned", "K2026-001", None)
    assert course.organiser_label == "Steering Committee"


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"capacity": 0}, "capacity", "A course has at least one place."),
        ({"end": datetime.date(2026, 8, 1)}, "end", "The end date is before the start date."),
    ],
)
def test_bad_course_input_is_refused_on_its_field_and_nothing_is_saved(
    steering_admin, reference_data, bad, field, message
):
    with pytest.raises(ValidationError, match=re.escape(message)) as error:
        services.course_create(actor=steering_admin, **fields(**bad))
    assert error.value.message_dict == {field: [message]}
    assert not Course.objects.exists()


def test_a_bad_update_is_refused_on_its_field(steering_admin, reference_data):
    course = CourseFactory(status="planned")
    with pytest.raises(ValidationError, match="The end date is before the start date") as error:
        services.course_update(
            actor=steering_admin, course=course, end=course.start - datetime.timedelta(days=1)
        )
    assert list(error.value.message_dict) == ["end"]


def test_officer_organises_only_within_its_subtree(
    agency_officer, ministry_unit, other_agency, reference_data
):
    course = services.course_create(actor=agency_officer, **fields(organiser=ministry_unit))
    assert course.organiser == ministry_unit
    with pytest.raises(ValidationError, match="only organise courses of your own agency"):
        services.course_create(actor=agency_officer, **fields(organiser=other_agency))
    with pytest.raises(ValidationError, match="only organise courses of your own agency"):
        services.course_create(actor=agency_officer, **fields(organiser=None))


def test_finance_officer_cannot_create_courses(finance_officer, reference_data):
    with pytest.raises(PermissionDenied, match="may not organise courses"):
        services.course_create(actor=finance_officer, **fields())


def test_life_cycle_is_recorded_and_illegal_moves_are_refused(steering_admin, reference_data):
    course = CourseFactory(status="planned")
    with pytest.raises(ValidationError, match="cannot go"):
        services.course_transition(actor=steering_admin, course=course, to_status="departed")
    for status in ("open", "closed", "departed", "completed"):
        course = services.course_transition(actor=steering_admin, course=course, to_status=status)
    assert list(CourseTransition.objects.values_list("from_status", "to_status")) == [
        ("planned", "open"),
        ("open", "closed"),
        ("closed", "departed"),
        ("departed", "completed"),
    ]
    with pytest.raises(ValidationError, match="cannot go from “Completed” to “Cancelled”"):
        services.course_transition(
            actor=steering_admin, course=course, to_status="cancelled", reason="x"
        )


def test_cancelling_needs_a_reason(steering_admin, reference_data):
    course = CourseFactory(status="open")
    with pytest.raises(ValidationError, match="Give the reason for cancelling"):
        services.course_transition(actor=steering_admin, course=course, to_status="cancelled")
    course = services.course_transition(
        actor=steering_admin, course=course, to_status="cancelled", reason="Đối tác hủy"
    )
    assert course.status == "cancelled"


def test_a_course_cannot_change_after_departure(steering_admin, reference_data):
    course = CourseFactory(status="departed")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.course_update(actor=steering_admin, course=course, title="Khác")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.agenda_add(
            actor=steering_admin, course=course, kind="LECTURE", date=course.start, title="x"
        )
    course.refresh_from_db()
    assert course.title != "Khác"


def test_agenda_items_lie_within_the_course(steering_admin, reference_data):
    course = CourseFactory()
    expert = ExpertFactory()
    item = services.agenda_add(
        actor=steering_admin,
        course=course,
        kind="WORKING_SESSION",
        date=course.start,
        title="Làm việc với Quốc hội",
        host_type="LEGISLATURE",
        host="Quốc hội Singapore",
        expert=expert,
    )
    assert item.pk
    with pytest.raises(ValidationError, match="outside the course"):
        services.agenda_add(
            actor=steering_admin,
            course=course,
            kind="LECTURE",
            date=course.end + datetime.timedelta(days=1),
            title="x",
        )


def test_officer_sees_open_steering_courses_and_its_own(
    agency_officer, ministry_unit, other_agency, reference_data
):
    open_course = CourseFactory(status="open")
    planned = CourseFactory(status="planned")
    own = CourseFactory(status="planned", organiser=ministry_unit)
    foreign = CourseFactory(status="open", organiser=other_agency)
    visible = set(Course.objects.restrict(agency_officer))
    assert visible == {open_course, own}
    assert planned not in visible
    assert foreign not in visible
    assert set(Course.objects.restrict(agency_officer, "change")) == {own}


def test_language_course_phases_split_the_dates_and_stay_inside(steering_admin, reference_data):
    course = services.course_create(
        actor=steering_admin,
        **fields(
            form=form("LANGUAGE"), start=datetime.date(2026, 1, 5), end=datetime.date(2026, 8, 31)
        ),
    )
    domestic, abroad = course.phases.order_by("start")
    assert (domestic.start, abroad.end) == (course.start, course.end)
    assert domestic.end < abroad.start
    with pytest.raises(ValidationError, match="within the course"):
        services.phase_update(actor=steering_admin, phase=abroad, end=datetime.date(2026, 9, 30))


def test_only_those_who_may_change_a_course_move_it(
    agency_officer, auditor, ministry_unit, reference_data
):
    steering = CourseFactory(status="planned")
    own = CourseFactory(status="planned", organiser=ministry_unit)
    with pytest.raises(PermissionDenied, match="You may not change this course"):
        services.course_transition(actor=agency_officer, course=steering, to_status="open")
    with pytest.raises(PermissionDenied, match="You may not change this course"):
        services.course_update(actor=auditor, course=own, title="x")
    assert (
        services.course_transition(actor=agency_officer, course=own, to_status="open").status
        == "open"
    )
