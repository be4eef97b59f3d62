"""The demo's decisions of past years: numbered in their issuer's register, issued by the
Steering Committee's issuer or the organising province, readable as a .docx."""

import pytest
from docx import Document

from apps.demo.generators import CURRENT_YEAR
from apps.documents.models import IssuedDocument
from apps.documents.services import issued_document_for


@pytest.mark.django_db
def test_past_decisions_have_numbers_issuers_and_dates_before_the_course(demo):
    decisions = list(IssuedDocument.objects.select_related("course", "issuer__agency", "register"))
    assert decisions
    assert {d.course.start.year for d in decisions} <= set(range(2000, CURRENT_YEAR))
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
    assert any(d.course.organiser_id for d in decisions)


@pytest.mark.django_db
def test_a_past_decision_opens_with_its_header_and_signature(demo):
    from apps.core.models import User

    admin = User.objects.get(username="admin")
    decision = IssuedDocument.objects.filter(course__organiser__isnull=False).first()
    path, temporary = issued_document_for(actor=admin, document=decision)
    assert temporary
    document = Document(path)
    left, right = document.tables[0].rows[0].cells
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN"
    assert f"Số: {decision.reference}" in left.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text
    assert "TM. ỦY BAN NHÂN DÂN" in document.tables[-1].rows[0].cells[1].text
    path.unlink()
