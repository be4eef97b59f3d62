"""What a participant sees of the decision documents of their courses (nominations and
documents together)."""

import pytest
from django.urls import reverse

from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.documents.tests.factories import issue_decision
from apps.nominations.tests.factories import NominationFactory
from apps.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(reference_data):
    return CourseFactory(capacity=3, title="Chính phủ số")


def test_participant_sees_own_courses_with_agenda_and_documents(
    client_for, participant, own_cadre, steering_admin, course
):
    AgendaItemFactory(course=course, title="Thăm Quốc hội")
    NominationFactory(course=course, cadre=own_cadre, status="approved")
    issued = issue_decision(steering_admin, course)
    page = client_for(participant).get(reverse("courses:my_courses"))
    assert "Chính phủ số" in page.text
    assert "Thăm Quốc hội" in page.text
    assert issued.reference in page.text
    download = client_for(participant).get(reverse("documents:document_download", args=[issued.pk]))
    assert download.status_code == 200


def test_participant_not_approved_sees_no_decision_link(
    client_for, participant, own_cadre, steering_admin, course
):
    NominationFactory(course=course, status="approved")
    NominationFactory(course=course, cadre=own_cadre, status="waitlisted")
    issued = issue_decision(steering_admin, course)
    client = client_for(participant)
    assert issued.reference not in client.get(course.get_absolute_url()).text
    download = client.get(reverse("documents:document_download", args=[issued.pk]))
    assert download.status_code == 404


def test_decision_link_reads_decision_number_not_a_register_code(
    client_for, participant, own_cadre, steering_admin, course, settings
):
    settings.LANGUAGE_CODE = "vi"
    NominationFactory(course=course, cadre=own_cadre, status="approved")
    issued = issue_decision(steering_admin, course)
    for user, url in (
        (participant, reverse("courses:my_courses")),
        (steering_admin, course.get_absolute_url()),
    ):
        text = client_for(user).get(url).text
        assert f"Quyết định số {issued.reference}</a>" in text
        assert f"STT {issued.reference}" not in text


def test_participant_sees_the_partner_by_name_without_a_link_they_may_not_open(
    client_for, participant, own_cadre, steering_admin, course
):
    course.partner = PartnerFactory(name="Trường Chính sách công Lý Quang Diệu")
    course.save()
    NominationFactory(course=course, cadre=own_cadre, status="approved")
    partner_url = course.partner.get_absolute_url()
    page = client_for(participant).get(course.get_absolute_url())
    assert course.partner.name in page.text
    assert partner_url not in page.text
    assert partner_url in client_for(steering_admin).get(course.get_absolute_url()).text


def test_participant_home_shows_coming_course_what_is_due_and_record_completeness(
    client_for, participant, own_cadre, steering_admin, reference_data, settings
):
    import datetime

    from django.utils import timezone

    settings.LANGUAGE_CODE = "vi"
    start = timezone.localdate() + datetime.timedelta(days=20)
    coming = CourseFactory(
        title="Quản trị đô thị thông minh", start=start, end=start + datetime.timedelta(days=13)
    )
    NominationFactory(course=coming, cadre=own_cadre, status="approved")
    issued = issue_decision(steering_admin, coming)
    own_cadre.passport_number = ""
    own_cadre.save()
    page = client_for(participant).get(reverse("core:home")).text
    assert "Quản trị đô thị thông minh" in page
    assert "Lớp bắt đầu sau 20 ngày" in page
    assert f"Quyết định số {issued.reference}" in page
    assert "Hồ sơ của đồng chí còn thiếu:" in page
    assert "Số hộ chiếu" in page.split('id="my-record"')[1]
