"""Documents read back from their .docx: header, number, columns and members; a decision is
drafted without a number and issued with the number of the issuing body's register; a reader
sees other agencies' members without their personal fields. Issue 18 items 8–11 each have a
named test below (``test_item_8_…`` … ``test_item_11_…``)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.labels import FIELD_LABELS
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory
from apps.courses.tests.factories import AgendaItemFactory, CourseFactory
from apps.documents import rendering, services
from apps.documents.models import DocumentRegister, IssuedDocument
from apps.documents.tests.factories import issue_decision, steering_issuer
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
    "Quê quán",
    "Chức vụ, đơn vị công tác",
    "Trình độ chuyên môn",
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
        hometown="Xã Hòa An, tỉnh Cao Bằng",
        education="Thạc sĩ Quản lý công",
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
    issued = issue_decision(steering_admin, course, on=datetime.date(2026, 3, 5), number=1)
    assert issued.reference == "01-QĐ/BTCTW"
    text = text_of(issued.file_path)
    assert "Số 01-QĐ/BTCTW" in text
    assert "Hà Nội, ngày 05 tháng 3 năm 2026" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Cử 3 đồng chí" in text
    assert "Người Bị Từ Chối" not in text
    assert "Nơi nhận:" in text
    assert "- Như Điều 5," in text
    assert "{{" not in text
    assert "{%" not in text
    header, rows = member_table(issued.file_path)
    assert header == DECISION_COLUMNS
    assert sorted(rows) == ["Lê Văn Bình", "Phạm Minh Chí", "Trần Thị Lan"]
    assert rows["Trần Thị Lan"][2] == "1978"


def test_decision_layout_is_a4_times_new_roman_with_official_margins(steering_admin, course):
    issued = issue_decision(steering_admin, course)
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


def header_cells(source) -> tuple[list[str], list[str]]:
    """The lines of the two cells of the header table (issuer left, title right)."""
    table = Document(source).tables[0]
    left, right = table.rows[0].cells
    return [p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text]


def signature_block(source) -> list[str]:
    """The lines of the signature cell, blank lines kept (the room for signature and seal)."""
    table = Document(source).tables[-1]
    return [p.text for p in table.rows[0].cells[1].paragraphs]


# --- item 8: the signature block ---


def test_item_8_a_deputy_signs_k_t_truong_ban_over_pho_truong_ban_with_room_for_the_seal(
    steering_admin, course
):
    steering_issuer().__class__.objects.filter(steering=True).update(signer_name="Nguyễn Văn Ký")
    issued = issue_decision(steering_admin, course)
    lines = signature_block(issued.file_path)
    written = [line for line in lines if line]
    assert written == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Ký"]
    assert "T/M" not in text_of(issued.file_path)
    between = lines[lines.index("PHÓ TRƯỞNG BAN") + 1 : lines.index("Nguyễn Văn Ký")]
    assert len(between) >= 3
    assert set(between) == {""}  # room for the signature and the seal


def test_item_8_the_head_signs_truong_ban_and_a_collective_body_signs_t_m(
    steering_admin, course, other_agency
):
    issuer = steering_issuer()
    issuer.signs_as_deputy = False
    issuer.save()
    issued = issue_decision(steering_admin, course, number=7)
    assert [line for line in signature_block(issued.file_path) if line] == ["TRƯỞNG BAN"]
    assert rendering.signature_lines(
        type(issuer)(
            layout="state",
            collective_name="ỦY BAN NHÂN DÂN",
            head_title="CHỦ TỊCH",
            deputy_title="PHÓ CHỦ TỊCH",
            signs_as_deputy=True,
        )
    ) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


# --- item 9: numbers from the issuing body's register ---


def test_item_9_a_decision_is_drafted_without_a_number_and_issued_with_the_register_s(
    steering_admin, course
):
    draft = services.decision_draft(actor=steering_admin, course=course)
    assert (draft.status, draft.number, draft.reference, draft.issued_on) == (
        "draft",
        None,
        "",
        None,
    )
    left, right = header_cells(draft.file_path)
    assert left[-1].startswith("Số ")
    assert left[-1].endswith("-QĐ/BTCTW")
    assert not any(ch.isdigit() for ch in left[-1])
    assert "ngày      tháng      năm" in right[-1]
    assert not DocumentRegister.objects.exists()  # nothing taken from any register yet
    issued = services.decision_issue(
        actor=steering_admin, document=draft, number=123, on=datetime.date(2026, 9, 14)
    )
    assert issued.pk == draft.pk
    assert issued.reference == "123-QĐ/BTCTW"
    left, right = header_cells(issued.file_path)
    assert left[-1] == "Số 123-QĐ/BTCTW"
    assert right[-1] == "Hà Nội, ngày 14 tháng 9 năm 2026"


def test_item_9_the_next_number_is_suggested_and_a_used_one_refused(
    steering_admin, course, reference_data
):
    issuer = steering_issuer()
    assert services.suggested_number(issuer=issuer, year=2026) == 1
    issue_decision(steering_admin, course, on=datetime.date(2026, 3, 5), number=41)
    assert services.suggested_number(issuer=issuer, year=2026) == 42
    assert services.suggested_number(issuer=issuer, year=2027) == 1  # restarts each year
    other = CourseFactory()
    NominationFactory(course=other, status="approved")
    draft = services.decision_draft(actor=steering_admin, course=other)
    with pytest.raises(ValidationError, match="41-QĐ/BTCTW of 2026 is already used"):
        services.decision_issue(
            actor=steering_admin, document=draft, number=41, on=datetime.date(2026, 4, 1)
        )
    draft.refresh_from_db()
    assert draft.is_draft
    # the same number in another year is another register's
    issued = services.decision_issue(
        actor=steering_admin, document=draft, number=41, on=datetime.date(2027, 1, 5)
    )
    assert issued.reference == "41-QĐ/BTCTW"


def test_item_9_issuing_twice_for_a_course_replaces_the_earlier_decision_and_cites_it(
    steering_admin, course
):
    first = issue_decision(steering_admin, course, on=datetime.date(2026, 3, 5), number=12)
    second = issue_decision(steering_admin, course, on=datetime.date(2026, 4, 2), number=20)
    assert (second.cites, second.relation) == (first, "replaces")
    assert "và thay thế Quyết định số 12-QĐ/BTCTW, ngày 05/03/2026 của Ban Tổ chức Trung ương" in (
        text_of(second.file_path)
    )
    third = issue_decision(
        steering_admin, course, on=datetime.date(2026, 5, 2), number=30, relation="amends"
    )
    assert "và sửa đổi, bổ sung Quyết định số 20-QĐ/BTCTW" in text_of(third.file_path)
    assert IssuedDocument.objects.filter(course=course, status="issued").count() == 3
    draft = services.decision_draft(actor=steering_admin, course=course)
    with pytest.raises(ValidationError, match="before the decision it replaces"):
        services.decision_issue(
            actor=steering_admin, document=draft, number=31, on=datetime.date(2026, 5, 1)
        )


def test_item_9_redrafting_keeps_one_draft_per_course(steering_admin, course):
    first = services.decision_draft(actor=steering_admin, course=course)
    second = services.decision_draft(actor=steering_admin, course=course)
    assert first.pk == second.pk
    assert IssuedDocument.objects.filter(course=course).count() == 1


# --- item 10: decentralised courses are issued by their organiser ---


@pytest.fixture
def ministry_course(reference_data, steering_admin):
    from apps.agencies.models import Agency

    home = Agency.objects.get(code="BNV")
    office = AgencyFactory(code="BNV_VP", name="Văn phòng Bộ", kind="vu", parent=home)
    course = CourseFactory(title="Quản trị nhân lực khu vực công", organiser=home)
    cadre = CadreFactory(
        full_name="Đỗ Thị Hạnh", agency=office, position_title="Phó Chánh Văn phòng"
    )
    NominationFactory(course=course, cadre=cadre, status="approved")
    return course


def test_item_10_a_ministry_s_course_is_issued_in_the_state_layout_with_its_own_header(
    steering_admin, ministry_course
):
    issued = issue_decision(
        steering_admin, ministry_course, on=datetime.date(2026, 3, 5), number=12
    )
    assert issued.issuer.abbreviation == "BNV"
    assert issued.reference == "12/QĐ-BNV"
    left, right = header_cells(issued.file_path)
    assert left == ["BỘ NỘI VỤ", "Số: 12/QĐ-BNV"]
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
    ]
    text = text_of(issued.file_path)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    assert "BỘ TRƯỞNG BỘ NỘI VỤ" in text
    assert "QUYẾT ĐỊNH:" in text
    assert "- Lưu: VT, TCCB." in text
    assert [line for line in signature_block(issued.file_path) if line] == [
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
    ]


def test_item_10_an_organiser_without_a_profile_is_told_and_a_unit_uses_its_ministry_s(
    steering_admin, reference_data, ministry
):
    course = CourseFactory(organiser=ministry)
    NominationFactory(course=course, status="approved")
    with pytest.raises(ValidationError, match="has no issuer profile yet"):
        services.decision_draft(actor=steering_admin, course=course)
    from apps.agencies.models import Agency

    unit = AgencyFactory(
        code="BNV_V2", name="Vụ Công chức", kind="vu", parent=Agency.objects.get(code="BNV")
    )
    course = CourseFactory(organiser=unit)
    NominationFactory(course=course, status="approved")
    assert services.decision_draft(actor=steering_admin, course=course).issuer.abbreviation == "BNV"


def test_item_10_a_steering_admin_edits_an_issuer_profile_and_no_one_else(
    client_for, steering_admin, agency_officer, reference_data
):
    issuer = steering_issuer()
    url = reverse("documents:issuer_edit", args=[issuer.pk])
    assert client_for(agency_officer).get(url).status_code == 403
    page = client_for(steering_admin).get(url)
    assert page.status_code == 200
    data = {name: getattr(issuer, name) for name in services.ISSUER_FIELDS} | {
        "signer_name": "Lê Minh Hùng",
        "version": issuer.version,
        "agency": issuer.agency_id,
    }
    data["signs_as_deputy"] = "on"
    response = client_for(steering_admin).post(url, data)
    assert response.status_code == 302
    issuer.refresh_from_db()
    assert issuer.signer_name == "Lê Minh Hùng"
    stale = client_for(steering_admin).post(url, data | {"signer_name": "Khác"})
    assert "changed this issuing body meanwhile" in stale.text
    assert client_for(steering_admin).get(reverse("documents:issuer_list")).status_code == 200


# --- item 11: the text ---


def test_item_11_the_grounds_cite_kl39_by_its_title_and_qd2460_with_effect_and_obligations(
    steering_admin, course
):
    text = text_of(issue_decision(steering_admin, course).file_path)
    assert (
        "Căn cứ Kết luận số 39-KL/TW, ngày 18/7/2022 của Bộ Chính trị về chủ trương bồi dưỡng "
        "cán bộ lãnh đạo, quản lý ở nước ngoài bằng ngân sách nhà nước" in text
    )
    assert "Quyết định số 2460-QĐ/BTCTW, ngày 24/3/2009" in text
    assert "Quyết định này có hiệu lực kể từ ngày ký." in text
    assert "có trách nhiệm báo cáo kết quả học tập" in text
    assert "vận dụng kiến thức" in text


def test_item_11_ghi_chu_never_prints_the_override_reason(steering_admin, course):
    issued = issue_decision(steering_admin, course)
    _header, rows = member_table(issued.file_path)
    assert rows["Phạm Minh Chí"][4] == ""
    assert "Ban Bí thư đồng ý" not in text_of(issued.file_path)
    summary = services.summary_list_build(actor=steering_admin, course=course)
    assert "Ban Bí thư đồng ý" not in text_of(summary)


def test_item_11_positions_read_with_the_ministry_and_the_head_is_named(
    steering_admin, ministry_course
):
    from apps.delegations.models import Delegation

    head = ministry_course.nominations.get().cadre
    Delegation.objects.create(
        year=2026, course=ministry_course, number=1, status="confirmed", head=head
    )
    issued = issue_decision(steering_admin, ministry_course)
    _header, rows = member_table(issued.file_path)
    assert rows["Đỗ Thị Hạnh"][3] == "Phó Chánh Văn phòng, Văn phòng Bộ, Bộ Nội vụ"
    assert rows["Đỗ Thị Hạnh"][4] == "Trưởng đoàn"
    assert (
        "Đồng chí Đỗ Thị Hạnh, Phó Chánh Văn phòng, Văn phòng Bộ, Bộ Nội vụ, làm Trưởng đoàn."
        in text_of(issued.file_path)
    )


def test_item_11_body_justified_indented_columns_fitted_and_pages_numbered(steering_admin, course):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document(issue_decision(steering_admin, course).file_path)
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 1."))
    assert article.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 1.0 <= article.paragraph_format.first_line_indent.cm <= 1.27
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    widths = [round(cell.width.cm, 1) for cell in table.rows[0].cells]
    assert widths[0] < 1.5
    assert widths[3] == max(widths)  # the position column is the widest
    assert round(sum(widths), 1) <= 16.5  # within the text width
    section = document.sections[0]
    assert section.different_first_page_header_footer  # no number on page 1
    assert "PAGE" in section.header._element.xml
    nơi_nhận = next(
        p for t in document.tables for c in t._cells for p in c.paragraphs if p.text == "Nơi nhận:"
    )
    assert nơi_nhận.runs[0].underline  # Party: underlined (36-HD/VPTW)


def test_a_course_without_approved_members_gets_no_decision(steering_admin, reference_data):
    with pytest.raises(ValidationError, match="no approved member"):
        services.decision_draft(actor=steering_admin, course=CourseFactory())
    assert not IssuedDocument.objects.exists()


def test_summary_list_has_the_usual_columns(steering_admin, course):
    path = services.summary_list_build(actor=steering_admin, course=course)
    header, rows = member_table(path)
    assert header == SUMMARY_COLUMNS
    assert sorted(rows) == ["Lê Văn Bình", "Phạm Minh Chí", "Trần Thị Lan"]
    lan = rows["Trần Thị Lan"]
    assert lan[2:6] == ["", "1978", "Tày", "Xã Hòa An, tỉnh Cao Bằng"]
    assert lan[6].startswith("Phó Vụ trưởng, ")
    assert lan[7] == "Thạc sĩ Quản lý công"
    assert lan[8:11] == ["19/05/2001", "Cao cấp", "Tiếng Anh C1"]
    assert rows["Phạm Minh Chí"][11] == ""
    text = text_of(path)
    assert "DANH SÁCH TRÍCH NGANG" in text
    assert "(Kèm theo Quyết định số       -QĐ/BTCTW, ngày      /     /" in text
    assert "Danh sách có 3 đồng chí." in text
    issued = issue_decision(steering_admin, course, on=datetime.date(2026, 3, 5), number=12)
    after = text_of(services.summary_list_build(actor=steering_admin, course=course))
    assert (
        "(Kèm theo Quyết định số 12-QĐ/BTCTW, ngày 05/03/2026 của Ban Tổ chức Trung ương)" in after
    )
    assert issued.reference in after
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
    issued = issue_decision(steering_admin, course, on=datetime.date(2026, 3, 5), number=1)
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
    assert other[6].endswith("Tỉnh Khác")  # name, position and agency: an official list
    assert other[2:6] + other[7:] == [""] * 9
    source.seek(0)
    text = text_of(source)
    for value in OTHERS_PERSONAL:
        assert value not in text
    assert rows["Nguyễn Văn Nhà"][4] == "Kinh"  # its own members in full


def test_officer_reads_the_issued_decision_without_other_agencies_birth_years(
    client_for, steering_admin, agency_officer, shared_course
):
    issued = issue_decision(steering_admin, shared_course)
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
    issued = issue_decision(steering_admin, shared_course)
    response = client_for(steering_admin).get(
        reverse("documents:document_download", args=[issued.pk])
    )
    with open(issued.file_path, "rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
