"""What a course's members change on the course itself: who sees it, its capacity (moved from
``apps/courses/tests``: tests crossing apps live in the highest app they touch)."""

import pytest
from django.core.exceptions import ValidationError

from apps.courses import services
from apps.courses.models import Course
from apps.courses.tests.factories import CourseFactory
from apps.nominations.tests.factories import NominationFactory


def test_participant_sees_only_courses_they_are_nominated_to(
    participant, own_cadre, reference_data
):
    mine = CourseFactory()
    CourseFactory()
    NominationFactory(course=mine, cadre=own_cadre)
    assert list(Course.objects.restrict(participant)) == [mine]


def test_capacity_cannot_drop_below_the_approved_members(steering_admin, reference_data):
    course = CourseFactory(capacity=3)
    for _ in range(2):
        NominationFactory(course=course, status="approved")
    with pytest.raises(ValidationError, match="already approved"):
        services.course_update(actor=steering_admin, course=course, capacity=1)
    assert services.course_update(actor=steering_admin, course=course, capacity=2).capacity == 2
