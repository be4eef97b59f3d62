"""Documents open in python-docx and hold the right fields; numbers come from the register."""

import datetime
import io

import pytest
from docx import Document

from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory
from apps.courses import documents
from apps.courses.models import DocumentRegister
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.nominations.tests.factories import NominationFactory
from apps.partners.tests.factories import ExpertFactory

pytestmark = pytest.mark.django_db


def text_of(path) -> str:
    document = Document(path)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2026"),
        (datetime.date(2026, 2, 15), "Hà Nội, ngày 15 tháng 02 năm 2026"),
        (datetime.date(2026, 11, 25), "Hà Nội, ngày 25 tháng 11 năm 2026"),
    ],
)
def test_place_and_date(day, expected):
    assert documents.place_and_date(day) == expected


@pytest.fixture
def course(reference_data):
    course = CourseFactory(title="Quản trị quốc gia", countries="Singapore")
    woman = CadreFactory(
        full_name="Trần Thị Lan",
        gender="F",
        date_of_birth=datetime.date(1978, 2, 3),
        party_joined_on=datetime.date(2001, 5, 19),
    )
    LanguageSkillFactory(cadre=woman, language="en", level="C1")
    NominationFactory(course=course, cadre=woman, status="approved")
    NominationFactory(
        course=course,
        cadre=CadreFactory(full_name="Lê Văn Bình"),
        status="approved",
        override_by=None,
    )
    overridden = NominationFactory(
        course=course, cadre=CadreFactory(full_name="Phạm Minh Chí"), status="approved"
    )
    overridden.override_reason = "Ban Bí thư đồng ý"
    overridden.override_by = overridden.created_by
    overridden.save()
    NominationFactory(
        course=course, cadre=CadreFactory(full_name="Người Bị Từ Chối"), status="rejected"
    )
    return course


def test_decision_has_number_place_date_members_and_recipients(steering_admin, course):
    issued = documents.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 3, 5)
    )
    assert issued.reference == "01-QĐ/BTCTW"
    text = text_of(issued.file_path)
    assert "Số 01-QĐ/BTCTW" in text
    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Cử 3 đồng chí" in text
    for name in ("Trần Thị Lan", "Lê Văn Bình", "Phạm Minh Chí"):
        assert name in text
    assert "Người Bị Từ Chối" not in text
    assert "Ngoại lệ được phê duyệt: Ban Bí thư đồng ý" in text
    assert "Nơi nhận:" in text
    assert "- Như Điều 3" in text
    assert "{{" not in text
    assert "{%" not in text


def test_decision_layout_is_a4_times_new_roman_with_official_margins(steering_admin, course):
    issued = documents.decision_issue(actor=steering_admin, course=course)
    document = Document(issued.file_path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert 13 <= normal.size.pt <= 14


def test_numbers_follow_each_other_and_restart_each_year(steering_admin, course):
    first = documents.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 12, 30)
    )
    second = documents.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 12, 31)
    )
    next_year = documents.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2027, 1, 2)
    )
    assert [first.reference, second.reference, next_year.reference] == [
        "01-QĐ/BTCTW",
        "02-QĐ/BTCTW",
        "01-QĐ/BTCTW",
    ]
    assert DocumentRegister.objects.get(year=2026).next_number == 3


def test_a_course_without_approved_members_gets_no_decision(steering_admin, reference_data):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        documents.decision_issue(actor=steering_admin, course=CourseFactory())
    assert not DocumentRegister.objects.filter(next_number__gt=1).exists()


def test_summary_list_has_the_usual_columns(steering_admin, course):
    path = documents.summary_list_build(actor=steering_admin, course=course)
    document = Document(path)
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:4] == ["STT", "Họ và tên", "Năm sinh Nam", "Năm sinh Nữ"]
    rows = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}
    lan = rows["Trần Thị Lan"]
    assert (lan[2], lan[3]) == ("", "1978")
    assert "19/05/2001" in lan
    assert "Tiếng Anh C1" in lan
    assert "Ngoại lệ được phê duyệt: Ban Bí thư đồng ý" in rows["Phạm Minh Chí"]
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape A4


def test_programme_lists_the_agenda(steering_admin, reference_data):
    course = CourseFactory()
    AgendaItemFactory(
        course=course,
        kind="WORKING_SESSION",
        title="Làm việc với Bộ Công vụ",
        host="Bộ Công vụ",
        host_type="EXECUTIVE",
        expert=ExpertFactory(full_name="Dr. Tan"),
    )
    text = text_of(documents.programme_build(actor=steering_admin, course=course))
    assert "CHƯƠNG TRÌNH" in text
    assert "Làm việc với Bộ Công vụ" in text
    assert "Bộ Công vụ (cơ quan hành pháp)" in text
    assert "Báo cáo viên: Dr. Tan" in text
    assert "01/06/2026" in text


def test_documents_open_from_bytes(steering_admin, course):
    issued = documents.decision_issue(actor=steering_admin, course=course)
    with open(issued.file_path, "rb") as handle:
        Document(io.BytesIO(handle.read()))
