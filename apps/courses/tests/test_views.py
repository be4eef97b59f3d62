"""Course pages: list with constant queries, create, detail, programme, documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.courses.models import Course
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory, group
from apps.programme.models import TrainingForm

pytestmark = pytest.mark.django_db


def test_course_list_uses_a_constant_number_of_queries(client_for, steering_admin, reference_data):
    client = client_for(steering_admin)
    CourseFactory()
    client.get(reverse("courses:course_list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("courses:course_list"))
    for _ in range(12):
        CourseFactory()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("courses:course_list"))
    assert response.status_code == 200
    assert len(many) == len(few)


def test_course_list_names_the_content_group(client_for, auditor, reference_data):
    course = CourseFactory(content_group=group(2))
    page = client_for(auditor).get(reverse("courses:course_list")).text
    assert f'<span title="{course.content_group.name}">Chính sách phát triển bền vững' in page
    assert '<td class="content_group">2</td>' not in page


def test_officer_creates_a_decentralised_course(
    client_for, agency_officer, ministry, reference_data
):
    response = client_for(agency_officer).post(
        reverse("courses:course_create"),
        {
            "title": "Kỹ năng lãnh đạo",
            "form": TrainingForm.objects.get(code="SHORT").pk,
            "content_group": group(4).pk,
            "countries": "Hàn Quốc",
            "start": "01/10/2026",
            "end": "14/10/2026",
            "modality": "BLENDED",
            "capacity": "18",
            "organiser": ministry.pk,
        },
    )
    course = Course.objects.get()
    assert response.status_code == 302
    assert (course.organiser, course.modality, course.status) == (ministry, "BLENDED", "planned")


def test_a_bad_date_range_and_capacity_are_shown_on_their_fields_in_vietnamese(
    client_for, steering_admin, reference_data, settings
):
    settings.LANGUAGE_CODE = "vi"
    response = client_for(steering_admin).post(
        reverse("courses:course_create"),
        {
            "title": "x",
            "form": TrainingForm.objects.get(code="SHORT").pk,
            "content_group": group(1).pk,
            "countries": "Lào",
            "start": "10/10/2026",
            "end": "01/10/2026",
            "modality": "IN_PERSON",
            "capacity": "0",
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["end"] == ["Ngày kết thúc trước ngày bắt đầu."]
    assert errors["capacity"] == ["Lớp phải có ít nhất một chỗ."]
    assert "__all__" not in errors
    assert "Ngày kết thúc trước ngày bắt đầu." in response.text
    assert "Constraint" not in response.text
    assert not Course.objects.exists()


def test_detail_and_printable_programme_show_the_agenda(client_for, auditor, reference_data):
    course = CourseFactory()
    AgendaItemFactory(course=course, title="Khảo sát Khu công nghệ cao", kind="FIELD_VISIT")
    client = client_for(auditor)
    assert "Khảo sát Khu công nghệ cao" in client.get(course.get_absolute_url()).text
    page = client.get(reverse("courses:course_programme", args=[course.pk]))
    assert "Khảo sát Khu công nghệ cao" in page.text
    docx = client.get(reverse("documents:programme_docx", args=[course.pk]))
    assert docx["Content-Disposition"].endswith('.docx"')


def test_admin_moves_the_course_and_an_illegal_move_is_refused(
    client_for, steering_admin, reference_data
):
    course = CourseFactory(status="planned")
    client = client_for(steering_admin)
    client.post(reverse("courses:course_transition", args=[course.pk]), {"to_status": "completed"})
    course.refresh_from_db()
    assert course.status == "planned"
    client.post(reverse("courses:course_transition", args=[course.pk]), {"to_status": "open"})
    course.refresh_from_db()
    assert course.status == "open"


def test_a_course_is_prefilled_from_the_approved_plan(client_for, steering_admin, reference_data):
    from apps.planning.models import PlanStatus
    from apps.planning.tests.factories import make_plan

    plan = make_plan(
        year=2027, by=steering_admin, status=PlanStatus.APPROVED, capacity={"MEDIUM": 25}
    )
    planned = plan.courses.get()
    page = client_for(steering_admin).get(reverse("courses:course_create"), {"planned": planned.pk})
    assert 'value="Quản trị quốc gia hiện đại (bồi dưỡng trung hạn)"' in page.text
    assert f'<option value="{planned.pk}" selected>2027 · Bồi dưỡng trung hạn · ' in page.text
    assert f'<option value="{planned.pk}" selected>' in page.text


def test_api_lists_the_courses_an_officer_may_see(api_for, agency_officer, reference_data):
    visible = CourseFactory(status="open")
    CourseFactory(status="planned")
    data = api_for(agency_officer).get("/api/courses/").json()
    assert [row["code"] for row in data["results"]] == [visible.code]


def test_add_button_says_what_it_adds_and_an_empty_agenda_is_a_sentence(
    client_for, steering_admin, reference_data
):
    client = client_for(steering_admin)
    assert ">Add a course</a>" in client.get(reverse("courses:course_list")).text
    page = client.get(CourseFactory().get_absolute_url()).text
    assert "No agenda item yet." in page
    assert '<table class="table table-sm table-bordered align-middle agenda">' not in page
    assert "Add the agenda item" in page
