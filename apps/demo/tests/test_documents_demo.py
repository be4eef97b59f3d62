"""The demo's decisions of past years: numbered in their issuer's register, issued by the
Steering Committee's issuer or the organising province, readable as a .docx."""

import pytest
from docx import Document

from apps.agencies.tests.factories import AgencyFactory
from apps.core.models import User
from apps.courses.models import Course
from apps.demo.generators import CURRENT_YEAR
from apps.demo.generators.documents import province_issuer
from apps.documents import rendering
from apps.documents.models import IssuedDocument
from apps.documents.services import issued_document_for
from apps.nominations.selectors import SENT_STATUSES


@pytest.mark.django_db
def test_past_decisions_have_numbers_issuers_and_dates_before_the_course(demo):
    decisions = list(IssuedDocument.objects.select_related("course", "issuer__agency", "register"))
    went_ahead = (
        Course.objects.filter(start__year__lt=CURRENT_YEAR, nominations__status__in=SENT_STATUSES)
        .distinct()
        .count()
    )
    assert len(decisions) == went_ahead > 0
    for decision in decisions:
        assert decision.number
        assert decision.issuer_id
        assert decision.issued_on < decision.course.start
        assert decision.register.year == decision.issued_on.year
        if decision.course.organiser_id is None:
            assert decision.reference == f"{decision.number:02d}-QĐ/BTCTW"
        else:
            assert decision.issuer.agency_id == decision.course.organiser_id
            assert decision.reference == f"{decision.number:02d}/QĐ-UBND"
    numbers = [(d.register_id, d.number) for d in decisions]
    assert len(numbers) == len(set(numbers))


@pytest.mark.django_db
def test_a_past_decision_opens_with_its_header_and_signature(demo):
    admin = User.objects.get(username="admin")
    decision = IssuedDocument.objects.order_by("pk").first()
    path, temporary = issued_document_for(actor=admin, document=decision)
    assert temporary  # no file was kept: rendered from the stored context
    document = Document(path)
    left, right = document.tables[0].rows[0].cells
    assert decision.reference in left.text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text or "CỘNG HÒA XÃ HỘI" in right.text
    path.unlink()


@pytest.mark.django_db
def test_a_province_issues_in_the_state_layout_signed_on_behalf_of_its_committee(db):
    province = AgencyFactory(code="TDEMO", name="Tỉnh Cao Bằng (trước 01/07/2025)", kind="tinh")
    issuer = province_issuer(province)
    assert issuer.lines == ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG"]
    assert (issuer.place, issuer.abbreviation) == ("Cao Bằng", "UBND")
    assert rendering.decision_reference(issuer, 112) == "112/QĐ-UBND"
    assert rendering.signature_lines(issuer) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
