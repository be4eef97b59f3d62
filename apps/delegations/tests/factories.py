"""Delegation objects for the tests that walk every URL (tests/test_permission_*.py)."""

from apps.cadres.tests.factories import CadreFactory
from apps.delegations.models import Delegation, DelegationMember, FormationJob
from apps.nominations.tests.factories import NominationFactory


def delegation_world(*, admin, course, nomination) -> dict:
    """Two proposed delegations on ``course``: the first holds ``nomination`` and a colleague
    (its head and secretary), the second one person; and a finished formation request."""
    year = course.start.year
    first = Delegation.objects.create(year=year, course=course, number=1)
    second = Delegation.objects.create(year=year, course=course, number=2)
    colleague = NominationFactory(
        course=course, cadre=CadreFactory(agency=nomination.agency), status="approved"
    )
    member = DelegationMember.objects.create(delegation=first, nomination=nomination)
    other = DelegationMember.objects.create(delegation=first, nomination=colleague)
    DelegationMember.objects.create(
        delegation=second,
        nomination=NominationFactory(
            course=course, cadre=CadreFactory(agency=nomination.agency), status="approved"
        ),
    )
    first.head_id, first.secretary_id = nomination.cadre_id, colleague.cadre_id
    first.save(update_fields=["head", "secretary"])
    job = FormationJob.objects.create(
        created_by=admin, year=year, status=FormationJob.Status.SUCCEEDED
    )
    return {
        "delegation": first,
        "other_delegation": second,
        "delegation_member": member,
        "delegation_colleague": other,
        "formation_job": job,
    }
