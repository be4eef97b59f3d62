"""Documents read back from their .docx: header, number, columns and members; numbers come from
the register; a reader sees other agencies' members without their personal fields."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from apps.cadres.labels import FIELD_LABELS
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.documents import rendering, services
from apps.documents.models import DocumentRegister
from apps.nominations.tests.factories import NominationFactory
from apps.partners.tests.factories import ExpertFactory

pytestmark = pytest.mark.django_db

DECISION_COLUMNS = ["STT", "Họ và tên", "Năm sinh", "Chức vụ, đơn vị công tác", "Ghi chú"]
SUMMARY_COLUMNS = [
    "STT",
    "Họ và tên",
    "Năm sinh Nam",
    "Năm sinh Nữ",
    "Dân tộc",
    "Chức vụ, đơn vị công tác",
    "Ngày vào Đảng",
    "Lý luận chính trị",
    "Ngoại ngữ",
    "Ghi chú",
]


def text_of(source) -> str:
    document = Document(source)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def member_table(source) -> tuple[list[str], dict[str, list[str]]]:
    """The header row and the member rows (by name) of the document's table of members."""
    document = Document(source)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    header = [cell.text for cell in table.rows[0].cells]
    rows = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}
    return header, rows


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2026"),
        (datetime.date(2026, 2, 15), "Hà Nội, ngày 15 tháng 02 năm 2026"),
        (datetime.date(2026, 11, 25), "Hà Nội, ngày 25 tháng 11 năm 2026"),
    ],
)
def test_place_and_date(day, expected):
    assert rendering.place_and_date(day) == expected


def test_column_labels_are_the_cadre_labels():
    """The templates' headers are the one source's labels (scripts/make_docx_templates.py)."""
    for label in DECISION_COLUMNS + SUMMARY_COLUMNS:
        assert label in FIELD_LABELS.values()


@pytest.fixture
def course(reference_data):
    course = CourseFactory(title="Quản trị quốc gia", countries="Singapore")
    woman = CadreFactory(
        full_name="Trần Thị Lan",
        gender="F",
        date_of_birth=datetime.date(1978, 2, 3),
        party_joined_on=datetime.date(2001, 5, 19),
        political_theory="cao_cap",
        ethnicity="Tày",
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
    issued = services.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 3, 5)
    )
    assert issued.reference == "01-QĐ/BTCTW"
    text = text_of(issued.file_path)
    assert "Số 01-QĐ/BTCTW" in text
    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Cử 3 đồng chí" in text
    assert "Người Bị Từ Chối" not in text
    assert "Nơi nhận:" in text
    assert "- Như Điều 3" in text
    assert "{{" not in text
    assert "{%" not in text
    header, rows = member_table(issued.file_path)
    assert header == DECISION_COLUMNS
    assert sorted(rows) == ["Lê Văn Bình", "Phạm Minh Chí", "Trần Thị Lan"]
    assert rows["Trần Thị Lan"][2] == "1978"
    assert rows["Phạm Minh Chí"][4] == "Ngoại lệ được phê duyệt: Ban Bí thư đồng ý"


def test_decision_layout_is_a4_times_new_roman_with_official_margins(steering_admin, course):
    issued = services.decision_issue(actor=steering_admin, course=course)
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
    first = services.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 12, 30)
    )
    second = services.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 12, 31)
    )
    next_year = services.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2027, 1, 2)
    )
    assert [first.reference, second.reference, next_year.reference] == [
        "01-QĐ/BTCTW",
        "02-QĐ/BTCTW",
        "01-QĐ/BTCTW",
    ]
    assert "Số 02-QĐ/BTCTW" in text_of(second.file_path)
    assert DocumentRegister.objects.get(year=2026).next_number == 3


def test_a_course_without_approved_members_gets_no_decision(steering_admin, reference_data):
    with pytest.raises(ValidationError, match="no approved member"):
        services.decision_issue(actor=steering_admin, course=CourseFactory())
    assert not DocumentRegister.objects.filter(next_number__gt=1).exists()


def test_summary_list_has_the_usual_columns(steering_admin, course):
    path = services.summary_list_build(actor=steering_admin, course=course)
    header, rows = member_table(path)
    assert header == SUMMARY_COLUMNS
    assert sorted(rows) == ["Lê Văn Bình", "Phạm Minh Chí", "Trần Thị Lan"]
    lan = rows["Trần Thị Lan"]
    assert lan[2:5] == ["", "1978", "Tày"]
    assert lan[5].startswith("Phó Vụ trưởng, ")
    assert lan[6:9] == ["19/05/2001", "Cao cấp", "Tiếng Anh C1"]
    assert rows["Phạm Minh Chí"][9] == "Ngoại lệ được phê duyệt: Ban Bí thư đồng ý"
    text = text_of(path)
    assert "DANH SÁCH TRÍCH NGANG" in text
    assert "(Kèm theo đề nghị cử cán bộ)" in text
    assert "Danh sách có 3 đồng chí." in text
    document = Document(path)
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
    text = text_of(services.programme_build(actor=steering_admin, course=course))
    assert "CHƯƠNG TRÌNH" in text
    assert "Làm việc với Bộ Công vụ" in text
    assert "Bộ Công vụ (cơ quan hành pháp)" in text
    assert "Báo cáo viên: Dr. Tan" in text
    assert "01/06/2026" in text


def test_documents_open_from_bytes(steering_admin, course):
    issued = services.decision_issue(
        actor=steering_admin, course=course, on=datetime.date(2026, 3, 5)
    )
    with open(issued.file_path, "rb") as handle:
        source = io.BytesIO(handle.read())
    text = text_of(source)
    assert "Số 01-QĐ/BTCTW" in text
    source.seek(0)
    header, rows = member_table(source)
    assert header == DECISION_COLUMNS
    assert len(rows) == 3


# --- who sees which members (issue 9 row 4, DECISIONS §22) ---


@pytest.fixture
def shared_course(reference_data, ministry, other_agency):
    """A Steering Committee course with a member of the officer's ministry and one of another."""
    course = CourseFactory(title="Chính phủ số")
    own = CadreFactory(full_name="Nguyễn Văn Nhà", agency=ministry, ethnicity="Kinh")
    other = CadreFactory(
        full_name="Hoàng Thị Khác",
        agency=other_agency,
        gender="F",
        date_of_birth=datetime.date(1971, 4, 9),
        ethnicity="Mường",
        party_joined_on=datetime.date(1998, 3, 3),
        political_theory="cao_cap",
    )
    LanguageSkillFactory(cadre=other, language="fr", level="B2")
    NominationFactory(course=course, cadre=own, status="approved")
    NominationFactory(course=course, cadre=other, status="approved")
    return course


OTHERS_PERSONAL = ("1971", "Mường", "03/03/1998", "Cao cấp", "Tiếng Pháp B2")


def test_officer_summary_list_has_no_personal_fields_of_other_agencies(
    client_for, agency_officer, shared_course
):
    response = client_for(agency_officer).get(
        reverse("documents:summary_list_docx", args=[shared_course.pk])
    )
    assert response.status_code == 200
    source = io.BytesIO(b"".join(response.streaming_content))
    header, rows = member_table(source)
    assert header == SUMMARY_COLUMNS
    assert sorted(rows) == ["Hoàng Thị Khác", "Nguyễn Văn Nhà"]
    other = rows["Hoàng Thị Khác"]
    assert other[5].endswith("Tỉnh Khác")  # name, position and agency: an official list
    assert other[2:5] + other[6:] == ["", "", "", "", "", "", ""]
    source.seek(0)
    text = text_of(source)
    for value in OTHERS_PERSONAL:
        assert value not in text
    assert rows["Nguyễn Văn Nhà"][4] == "Kinh"  # its own members in full


def test_officer_reads_the_issued_decision_without_other_agencies_birth_years(
    client_for, steering_admin, agency_officer, shared_course
):
    issued = services.decision_issue(actor=steering_admin, course=shared_course)
    assert member_table(issued.file_path)[1]["Hoàng Thị Khác"][2] == "1971"  # the issued file
    response = client_for(agency_officer).get(
        reverse("documents:document_download", args=[issued.pk])
    )
    source = io.BytesIO(b"".join(response.streaming_content))
    header, rows = member_table(source)
    assert header == DECISION_COLUMNS
    assert rows["Hoàng Thị Khác"][2] == ""
    assert rows["Nguyễn Văn Nhà"][2] == "1975"
    source.seek(0)
    assert f"Số {issued.reference}" in text_of(source)  # the same decision, same number


def test_steering_admin_downloads_the_issued_file_itself(client_for, steering_admin, shared_course):
    issued = services.decision_issue(actor=steering_admin, course=shared_course)
    response = client_for(steering_admin).get(
        reverse("documents:document_download", args=[issued.pk])
    )
    with open(issued.file_path, "rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
