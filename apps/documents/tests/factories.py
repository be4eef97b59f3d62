"""The objects of a course the permission matrix needs, down to an issued decision."""

from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.documents.services import decision_issue
from apps.nominations.tests.factories import NominationFactory
from apps.partners.tests.factories import ExpertFactory, PartnerFactory


def course_world(*, admin, own_cadre) -> dict:
    """An open Steering Committee course with the participant approved on it, an agenda item,
    a partner, an expert and an issued decision."""
    partner = PartnerFactory()
    expert = ExpertFactory(partner=partner)
    course = CourseFactory(partner=partner)
    item = AgendaItemFactory(course=course, expert=expert)
    nomination = NominationFactory(course=course, cadre=own_cadre, status="approved")
    document = decision_issue(actor=admin, course=course)
    return {
        "course": course,
        "partner": partner,
        "expert": expert,
        "agenda_item": item,
        "nomination": nomination,
        "document": document,
    }
