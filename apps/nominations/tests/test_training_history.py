"""Issue 18 item 7: a completed course fills the training history, the profile lists the
cadre's nominations, and R6 reads the training history."""

import datetime

import pytest

from apps.cadres.models import TrainingRecord
from apps.cadres.services import training_add
from apps.cadres.tests.factories import CadreFactory
from apps.courses.services import course_transition
from apps.courses.tests.factories import CourseFactory, form
from apps.nominations.eligibility import Candidate, build_context, rule_same_form
from apps.nominations.tests.factories import NominationFactory

pytestmark = pytest.mark.django_db


def test_a_completed_course_joins_the_training_history_once(steering_admin, reference_data):
    course = CourseFactory(
        form=form("SHORT"),
        status="departed",
        code="K2025-007",
        title="Quản trị quốc gia hiện đại",
        countries="Singapore",
        start=datetime.date(2025, 9, 1),
        end=datetime.date(2025, 9, 14),
    )
    nomination = NominationFactory(course=course, status="departed")
    course_transition(actor=steering_admin, course=course, to_status="completed")
    record = TrainingRecord.objects.get(cadre=nomination.cadre)
    assert (record.course_name, record.programme_course_code, record.country) == (
        "Quản trị quốc gia hiện đại",
        "K2025-007",
        "Singapore",
    )
    assert (record.start, record.end, record.programme_form.code) == (
        course.start,
        course.end,
        "SHORT",
    )
    nomination.refresh_from_db()
    nomination.save()
    assert TrainingRecord.objects.filter(cadre=nomination.cadre).count() == 1


def test_the_profile_shows_training_history_and_nominations(
    client_for, steering_admin, reference_data, django_assert_max_num_queries
):
    cadre = CadreFactory()
    training_add(
        actor=steering_admin,
        cadre=cadre,
        course_name="Bồi dưỡng kiến thức quốc phòng và an ninh",
        institution="Học viện Quốc phòng",
        country="Việt Nam",
        start=datetime.date(2019, 3, 1),
        end=datetime.date(2019, 4, 30),
        mode="tap_trung",
        certificate="Chứng chỉ",
    )
    for n in range(3):
        NominationFactory(cadre=cadre, course=CourseFactory(code=f"K2026-01{n}"), status="approved")
    client = client_for(steering_admin)
    client.get(cadre.get_absolute_url())
    with django_assert_max_num_queries(30):
        page = client.get(cadre.get_absolute_url()).content.decode()
    assert "Bồi dưỡng kiến thức quốc phòng và an ninh" in page
    assert "Học viện Quốc phòng" in page
    for n in range(3):
        assert f"K2026-01{n}" in page
    assert "Approved" in page


def test_same_form_rule_reads_the_training_history(steering_admin, reference_data):
    """A short course of this programme attended before the system, entered in the history."""
    cadre = CadreFactory()
    training_add(
        actor=steering_admin,
        cadre=cadre,
        course_name="Lớp bồi dưỡng ngắn hạn tại Hàn Quốc",
        start=datetime.date(2024, 10, 1),
        end=datetime.date(2024, 10, 14),
        programme_form=form("SHORT"),
    )
    course = CourseFactory(
        form=form("SHORT"), start=datetime.date(2026, 6, 1), end=datetime.date(2026, 6, 14)
    )
    candidate = Candidate(cadre, course, cadre.agency)
    result = rule_same_form(candidate, build_context([candidate]))
    assert result.outcome == "warning"
    assert "Lớp bồi dưỡng ngắn hạn tại Hàn Quốc" in result.message
