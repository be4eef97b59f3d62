"""Capacity and quota hold when two admins approve at the same moment (PostgreSQL row locks)."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.tests.factories import CourseFactory
from apps.nominations import services
from apps.nominations.models import Nomination
from apps.nominations.tests.factories import NominationFactory
from apps.planning.models import PlanStatus, Quota
from apps.planning.tests.factories import make_plan

pytestmark = pytest.mark.postgres_only


def _skip_unless_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every writer: there is no concurrent approval to test")


def _approve_at_once(admin, nominations) -> list[str]:
    barrier = threading.Barrier(len(nominations))
    outcomes: list[str] = []

    def approve(nomination):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            services.nomination_decide(actor=admin, nomination=nomination, decision="approved")
            outcomes.append("approved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=approve, args=(n,)) for n in nominations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _eligible(agency):
    return CadreFactory(
        agency=agency,
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2040, 1, 1),
    )


@pytest.mark.django_db(transaction=True)
def test_two_admins_cannot_overfill_a_course(steering_admin, ministry_unit):
    _skip_unless_postgres()
    course = CourseFactory(capacity=1)
    nominations = [
        NominationFactory(course=course, cadre=_eligible(ministry_unit), status="submitted")
        for _ in range(4)
    ]
    outcomes = _approve_at_once(steering_admin, nominations)
    assert outcomes.count("approved") == 1
    assert Nomination.objects.filter(course=course, status="approved").count() == 1
    assert sum("full" in outcome for outcome in outcomes) == 3


@pytest.mark.django_db(transaction=True)
def test_two_admins_cannot_overrun_an_agency_quota(steering_admin, ministry, ministry_unit):
    _skip_unless_postgres()
    courses = [CourseFactory(capacity=10) for _ in range(3)]
    make_plan(
        year=2026, by=steering_admin, status=PlanStatus.APPROVED, quotas={(ministry, "SHORT"): 1}
    )
    nominations = [
        NominationFactory(course=course, cadre=_eligible(ministry_unit), status="submitted")
        for course in courses
    ]
    outcomes = _approve_at_once(steering_admin, nominations)
    assert outcomes.count("approved") == 1
    assert Nomination.objects.filter(agency=ministry_unit, status="approved").count() == 1
    assert Quota.objects.get(agency=ministry).used == 1
