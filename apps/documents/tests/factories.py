"""The objects of a course the permission matrix needs, down to an issued decision."""

from django.utils import timezone

from apps.agencies.models import Agency
from apps.agencies.tests.factories import AgencyFactory
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.documents.models import IssuerProfile
from apps.documents.services import decision_draft, decision_issue, suggested_number
from apps.nominations.tests.factories import NominationFactory
from apps.partners.tests.factories import ExpertFactory, PartnerFactory


def steering_issuer(**fields) -> IssuerProfile:
    """Ban Tổ chức Trung ương's profile as reference/issuers.yaml loads it (created when the
    test did not load the reference data)."""
    existing = IssuerProfile.objects.filter(steering=True).first()
    if existing is not None:
        return existing
    agency = Agency.objects.filter(code="BTCTW").first() or AgencyFactory(
        code="BTCTW", name="Ban Tổ chức Trung ương", kind="ban_dang"
    )
    return IssuerProfile.objects.create(
        agency=agency,
        layout="party",
        name_lines="BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC",
        abbreviation="BTCTW",
        place="Hà Nội",
        decider="BAN TỔ CHỨC TRUNG ƯƠNG",
        head_title="TRƯỞNG BAN",
        deputy_title="PHÓ TRƯỞNG BAN",
        signs_as_deputy=True,
        archive="Lưu Văn phòng Ban Chỉ đạo Đề án 165",
        steering=True,
        **fields,
    )


def course_world(*, admin, own_cadre) -> dict:
    """An open Steering Committee course with the participant approved on it, an agenda item,
    a partner, an expert and an issued decision."""
    partner = PartnerFactory()
    expert = ExpertFactory(partner=partner)
    course = CourseFactory(partner=partner)
    item = AgendaItemFactory(course=course, expert=expert)
    nomination = NominationFactory(course=course, cadre=own_cadre, status="approved")
    issuer = steering_issuer()
    document = issue_decision(admin, course)
    return {
        "course": course,
        "partner": partner,
        "expert": expert,
        "agenda_item": item,
        "nomination": nomination,
        "document": document,
        "issuer": issuer,
    }


def issue_decision(admin, course, *, on=None, number=None, relation="replaces"):
    """Draft the course's decision and issue it with the next number of the register (what the
    office does in two steps)."""
    draft = decision_draft(actor=admin, course=course, relation=relation)
    on = on or timezone.localdate()
    if number is None:
        number = suggested_number(issuer=draft.issuer, year=on.year)
    return decision_issue(actor=admin, document=draft, number=number, on=on)
