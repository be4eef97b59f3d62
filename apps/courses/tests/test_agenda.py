"""The agenda and the document pages of a course."""

import pytest
from django.urls import reverse

from apps.courses.models import AgendaItem
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.partners.tests.factories import ExpertFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_agenda_item_is_added_and_removed_on_the_course_page(
    client_for, steering_admin, reference_data
):
    course = CourseFactory()
    client = client_for(steering_admin)
    client.post(
        reverse("courses:agenda_add", args=[course.pk]),
        {
            "kind": "FIELD_VISIT",
            "date": "02/06/2026",
            "title": "Khảo sát cảng Singapore",
            "expert": ExpertFactory().pk,
        },
    )
    item = AgendaItem.objects.get()
    assert item.title == "Khảo sát cảng Singapore"
    bad = client.post(
        reverse("courses:agenda_add", args=[course.pk]),
        {"kind": "LECTURE", "date": "", "title": ""},
        follow=True,
    )
    assert "was not added" in bad.text
    client.post(reverse("courses:agenda_delete", args=[course.pk, item.pk]))
    assert not AgendaItem.objects.exists()
    other = AgendaItemFactory()
    response = client.post(reverse("courses:agenda_delete", args=[course.pk, other.pk]))
    assert response.status_code == 404


def test_partner_and_expert_pages_list_the_courses_the_user_sees(
    client_for, steering_admin, agency_officer, reference_data
):
    partner = PartnerFactory()
    expert = ExpertFactory(partner=partner)
    course = CourseFactory(partner=partner, title="Quản trị đô thị")
    AgendaItemFactory(course=course, expert=expert, title="Đô thị thông minh")
    hidden = CourseFactory(partner=partner, title="Lớp chưa mở", status="planned")
    page = client_for(steering_admin).get(partner.get_absolute_url()).text
    assert "Quản trị đô thị" in page
    assert "Lớp chưa mở" in page
    officer = client_for(agency_officer)
    assert hidden.title not in officer.get(partner.get_absolute_url()).text
    assert "Đô thị thông minh" in officer.get(expert.get_absolute_url()).text
