"""The courses policy (``apps/courses/permissions.py``): each role × each permission, own and
other agency, and the services and pages asking it (refusals in Vietnamese)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from apps.core.permissions import may
from apps.courses import permissions as p
from apps.courses import services
from apps.courses.models import Course
from apps.courses.tests.factories import CourseFactory, group
from apps.programme.models import TrainingForm

ROLES = ["steering_admin", "agency_officer", "finance_officer", "auditor", "participant"]
TABLE = {
    p.VIEW_COURSES: {"steering_admin", "agency_officer", "finance_officer", "auditor"},
    p.VIEW_OWN_COURSES: {"participant"},
    p.ORGANISE_COURSES: {"steering_admin", "agency_officer"},
    p.ORGANISE_OWN_COURSES: {"agency_officer"},
    p.CHANGE_COURSE: {"steering_admin", "agency_officer"},
}


@pytest.mark.parametrize("perm", sorted(TABLE))
def test_each_role_holds_exactly_its_course_permissions(perm, personas):
    assert {role for role in ROLES if may(personas[role], perm)} == TABLE[perm]


def test_an_officer_organises_and_changes_only_its_own_courses(
    personas, ministry_unit, other_agency, reference_data
):
    officer = personas["agency_officer"]
    own = CourseFactory(status="planned", organiser=ministry_unit)
    foreign = CourseFactory(status="planned", organiser=other_agency)
    steering = CourseFactory(status="planned")
    assert may(officer, p.ORGANISE_COURSES, ministry_unit)
    assert not may(officer, p.ORGANISE_COURSES, other_agency)
    assert may(officer, p.CHANGE_COURSE, own)
    assert not may(officer, p.CHANGE_COURSE, foreign)
    assert not may(officer, p.CHANGE_COURSE, steering)
    assert may(personas["steering_admin"], p.CHANGE_COURSE, foreign)
    assert not may(personas["finance_officer"], p.CHANGE_COURSE, steering)


def _fields(organiser=None) -> dict:
    return {
        "title": "Kỹ năng lãnh đạo",
        "form": TrainingForm.objects.get(code="SHORT"),
        "content_group": group(4),
        "countries": "Hàn Quốc",
        "start": datetime.date(2026, 10, 1),
        "end": datetime.date(2026, 10, 14),
        "capacity": 18,
        "organiser": organiser,
    }


def test_services_check_their_actor_in_vietnamese(
    personas, ministry_unit, other_agency, reference_data
):
    officer, auditor = personas["agency_officer"], personas["auditor"]
    with translation.override("vi"):
        with pytest.raises(PermissionDenied, match="đồng chí"):
            services.course_create(actor=auditor, **_fields())
        with pytest.raises(ValidationError, match="Đồng chí chỉ được tổ chức lớp"):
            services.course_create(actor=officer, **_fields(other_agency))
        with pytest.raises(ValidationError, match="Đồng chí chỉ được tổ chức lớp"):
            services.course_create(actor=officer, **_fields())
        foreign = CourseFactory(status="planned", organiser=other_agency)
        with pytest.raises(PermissionDenied, match="không được thay đổi lớp"):
            services.course_transition(actor=officer, course=foreign, to_status="open")
    assert (
        services.course_create(actor=officer, **_fields(ministry_unit)).organiser == ministry_unit
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("steering_admin", 200),
        ("agency_officer", 200),
        ("finance_officer", 403),
        ("auditor", 403),
        ("participant", 403),
    ],
)
def test_the_create_page_asks_the_policy(persona, status, personas, client_for, reference_data):
    client = client_for(personas[persona])
    assert client.get(reverse("courses:course_create")).status_code == status
    response = client.post(reverse("courses:course_create"), {"title": "x"})
    assert response.status_code == status  # 200: the form with its errors
    assert not Course.objects.exists()


@pytest.mark.parametrize(
    ("persona", "own", "status"),
    [
        ("agency_officer", True, 302),
        ("agency_officer", False, 404),
        ("other_officer", True, 404),
        ("finance_officer", True, 403),
        ("auditor", True, 403),
        ("participant", True, 404),
    ],
)
def test_moving_a_course_by_post_asks_the_policy(
    persona, own, status, personas, client_for, ministry_unit, other_agency, reference_data
):
    course = CourseFactory(status="planned", organiser=ministry_unit if own else other_agency)
    response = client_for(personas[persona]).post(
        reverse("courses:course_transition", args=[course.pk]), {"to_status": "open"}
    )
    assert response.status_code == status
    course.refresh_from_db()
    assert course.status == ("open" if status == 302 else "planned")


def test_the_course_page_offers_what_the_policy_allows(
    client_for, agency_officer, auditor, reference_data
):
    course = CourseFactory(status="open")
    nominate = reverse("nominations:nominate", args=[course.pk])
    assert nominate in client_for(agency_officer).get(course.get_absolute_url()).text
    assert nominate not in client_for(auditor).get(course.get_absolute_url()).text
