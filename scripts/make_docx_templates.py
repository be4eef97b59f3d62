"""Create the .docx templates of the course documents once; the office edits them afterwards.

    .venv/bin/python scripts/make_docx_templates.py [--force]

Layout follows Hướng dẫn 36-HD/VPTW (Party documents) and Nghị định 30/2020/NĐ-CP, Phụ lục I
(State documents): A4, Times New Roman 13–14 pt, margins top/bottom 20 mm, left 30 mm, right
15 mm (NĐ 30, Phụ lục I, Phần I, mục 4–5). Each layout choice below cites its clause; where
regulatory.md marks a detail "to confirm" the comment says so. The fields are docxtpl (Jinja)
tags; rows of tables repeat with ``{%tr for ... %}``. Existing files are kept unless --force.
"""

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from apps.cadres.labels import FIELD_LABELS  # noqa: E402  (the one source of the column labels)

TARGET = ROOT / "apps" / "documents" / "templates_docx"
FONT = "Times New Roman"


def new_document(*, landscape: bool = False, size: int = 14) -> Document:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(3)
    for name in ("Table Grid",):
        document.styles[name].font.name = FONT
    page_numbers(section)
    return document


def page_numbers(section) -> None:
    """Page numbers centred in the top margin, Arabic numerals, 13–14 pt, none on page 1
    (NĐ 30/2020, Phụ lục I, Phần I, mục 6; Party documents the same, 36-HD/VPTW III — to
    confirm)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run("1")
    run.font.name = FONT
    run.font.size = Pt(14)
    paragraph._p.remove(run._r)
    field.append(run._r)
    paragraph._p.append(field)


def keep_rows_together(table) -> None:
    """A row is never split across two pages (the signature block stays in one piece)."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        properties.append(cant_split)


def body(container, text, *, italic=False, bold_prefix=""):
    """A paragraph of the text: justified, first line indented 1.27 cm, 6 pt apart, line
    spacing 1.15 (NĐ 30/2020, Phụ lục I, Phần II, mục 6: căn đều hai lề, lùi đầu dòng 1–1,27 cm,
    cách đoạn tối thiểu 6 pt (here before each paragraph), dòng đơn đến 1,5 dòng; 36-HD/VPTW
    the same — to confirm)."""
    paragraph = container.add_paragraph()
    if bold_prefix:
        run = paragraph.add_run(bold_prefix)
        run.bold = True
        run.font.name = FONT
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.name = FONT
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.15
    return paragraph


def widths(table, centimetres) -> None:
    """Fixed column widths that fit their content (the text width is 16.5 cm portrait, 25.2 cm
    landscape): Word and LibreOffice otherwise share the width equally."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, centimetres, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, centimetres, strict=True):
        column.width = Cm(width)


def para(container, text="", *, bold=False, italic=False, underline=False, align=None, size=None):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.name = FONT
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def cell_text(cell, text, *, bold=False, italic=False, underline=False, align=None, size=None):
    first = cell.paragraphs[0]
    run = first.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name = FONT
    if size:
        run.font.size = Pt(size)
    if align is not None:
        first.alignment = align
    return first


CENTER = WD_ALIGN_PARAGRAPH.CENTER


def member_table(document, columns, cells, *, size=13):
    table = document.add_table(rows=3, cols=len(columns))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, columns, strict=True):
        cell_text(cell, label, bold=True, align=CENTER, size=size)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for m in members %}")
    for cell, value in zip(table.rows[2].cells, cells, strict=True):
        cell_text(cell, value, size=size)
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    keep_rows_together(table)
    # the column headings repeat at the top of each page the table runs onto
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def party_header(document) -> None:
    """Hướng dẫn 36-HD/VPTW, II.1–4: "ĐẢNG CỘNG SẢN VIỆT NAM" top right, capitals, bold,
    15 pt, a rule below (underlined here); the issuing body top left, the superior body's name
    above in plain capitals and the issuer's in bold, a "*" below; "Số 12-QĐ/BTCTW" under it
    (no colon); place and date in italics under the title."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, [8.6, 8.4])
    left, right = table.rows[0].cells
    cell_text(left, "{%p for line in issuer.superior %}", align=CENTER, size=14)
    para(left, "{{ line }}", align=CENTER, size=14)
    para(left, "{%p endfor %}", align=CENTER, size=14)
    para(left, "{{ issuer.name }}", bold=True, align=CENTER, size=14)
    para(left, "*", align=CENTER, size=14)
    para(left, "{{ number_line }}", align=CENTER, size=14)
    cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, align=CENTER, size=15)
    para(right, "{{ place_date }}", italic=True, align=CENTER, size=14)


def state_header(document) -> None:
    """Nghị định 30/2020, Phụ lục I, Phần II, mục 1–4: Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
    VIỆT NAM" (capitals, bold, 12 pt of the allowed 12–13, to keep it on one line) and Tiêu
    ngữ "Độc lập - Tự do - Hạnh phúc" (bold, 13–14 pt, a rule below: underlined here) top
    right; the issuer top left (superior body in plain capitals, the issuer in bold, a rule
    below); "Số: 12/QĐ-BNV" centred under it (13 pt,
    with a colon); place and date in italics under the Tiêu ngữ."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, [5.8, 11.2])
    left, right = table.rows[0].cells
    cell_text(left, "{%p for line in issuer.superior %}", align=CENTER, size=13)
    para(left, "{{ line }}", align=CENTER, size=13)
    para(left, "{%p endfor %}", align=CENTER, size=13)
    para(left, "{{ issuer.name }}", bold=True, underline=True, align=CENTER, size=13)
    para(left, "{{ number_line }}", align=CENTER, size=13)
    cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=CENTER, size=12)
    para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True, align=CENTER, size=14)
    para(right, "{{ place_date }}", italic=True, align=CENTER, size=14)


#: the grounds (căn cứ): the seed by its real title, the Steering Committee's founding decision
#: and the rule on selecting cadres (regulatory.md; 2460-QĐ/BTCTW's amendments: to confirm)
GROUNDS = [
    "Căn cứ Kết luận số 39-KL/TW, ngày 18/7/2022 của Bộ Chính trị về chủ trương bồi dưỡng cán "
    "bộ lãnh đạo, quản lý ở nước ngoài bằng ngân sách nhà nước (Đề án 165);",
    "Căn cứ Quyết định số 187-QĐ/TW, ngày 10/9/2008 về việc thành lập Ban Chỉ đạo Đề án 165;",
    "Căn cứ Quyết định số 2460-QĐ/BTCTW, ngày 24/3/2009 của Ban Tổ chức Trung ương về việc "
    "tuyển chọn cán bộ tham gia Đề án 165;",
]


def decision(layout: str = "party") -> Document:
    """The decision to send cadres, in the Party or the State layout."""
    state = layout == "state"
    document = new_document()
    (state_header if state else party_header)(document)
    para(document)
    # Tên loại and trích yếu: bold capitals, centred; Party "về việc …" under it with "-----"
    # (36-HD/VPTW, II.5); State "Về việc …" with a short rule (NĐ 30/2020, Phụ lục I, II.5).
    para(document, "QUYẾT ĐỊNH", bold=True, align=CENTER, size=14)
    summary = "cử cán bộ đi bồi dưỡng ở nước ngoài theo Đề án 165"
    para(document, ("Về việc " if state else "về việc ") + summary, bold=True, align=CENTER)
    para(document, "__________" if state else "-----", align=CENTER)
    if state:
        # a decision of an individual head names the authority before the grounds (NĐ 30/2020,
        # Phụ lục III, mẫu 1.4 — "BỘ TRƯỞNG BỘ NỘI VỤ")
        para(document, "{{ issuer.decider }}", bold=True, align=CENTER)
    for ground in GROUNDS:
        body(document, ground if state else "- " + ground, italic=state)
    body(
        document,
        "Căn cứ chức năng, nhiệm vụ, quyền hạn của {{ issuer.full_name }};"
        if state
        else "- Căn cứ chức năng, nhiệm vụ, quyền hạn của {{ issuer.full_name }};",
        italic=state,
    )
    body(
        document,
        "Theo đề nghị của các cơ quan, đơn vị cử cán bộ."
        if state
        else "- Xét đề nghị của các cơ quan, đơn vị cử cán bộ,",
        italic=state,
    )
    para(
        document,
        "QUYẾT ĐỊNH:" if state else "{{ issuer.decider }} QUYẾT ĐỊNH",
        bold=True,
        align=CENTER,
    )
    body(
        document,
        "Cử {{ count }} đồng chí có tên trong danh sách dưới đây tham gia {{ form_name }} "
        "“{{ course_title }}” (mã {{ course_code }}), nhóm nội dung {{ content_group }}, "
        "tại {{ countries }}, từ ngày {{ start }} đến ngày {{ end }}, hình thức {{ modality }}"
        "{% if partner %}, do {{ partner }} tổ chức{% endif %}.",
        bold_prefix="Điều 1. ",
    )
    table = member_table(
        document,
        [FIELD_LABELS[n] for n in ("index", "full_name", "birth_year", "position", "note")],
        [
            "{{ m.index }}",
            "{{ m.full_name }}",
            "{{ m.birth_year }}",
            "{{ m.position }}",
            "{{ m.note }}",
        ],
    )
    widths(table, [1.4, 4.3, 1.8, 6.5, 2.5])
    para(document, "{%p for h in heads %}")
    body(document, "{{ h }}, làm Trưởng đoàn.")
    para(document, "{%p endfor %}")
    body(
        document,
        "Kinh phí thực hiện từ nguồn ngân sách nhà nước bảo đảm cho Đề án 165 theo quy định "
        "hiện hành.",
        bold_prefix="Điều 2. ",
    )
    body(
        document,
        "Khi kết thúc lớp bồi dưỡng, các đồng chí có tên tại Điều 1 có trách nhiệm báo cáo kết "
        "quả học tập với cơ quan, đơn vị cử đi và Ban Chỉ đạo Đề án 165; xây dựng và thực hiện "
        "kế hoạch vận dụng kiến thức, kinh nghiệm tiếp thu được vào thực tiễn công tác của cơ "
        "quan, đơn vị.",
        bold_prefix="Điều 3. ",
    )
    body(
        document,
        "Quyết định này có hiệu lực kể từ ngày ký"
        "{% if cites %}{% if cites.relation == 'amends' %} và sửa đổi, bổ sung{% else %} và "
        "thay thế{% endif %} Quyết định số {{ cites.reference }}, ngày {{ cites.date }} của "
        "{{ cites.issuer }}{% endif %}.",
        bold_prefix="Điều 4. ",
    )
    body(
        document,
        "{% if steering %}Văn phòng Ban Chỉ đạo Đề án 165, các{% else %}Các{% endif %} cơ "
        "quan, đơn vị có liên quan và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này./.",
        bold_prefix="Điều 5. ",
    )
    para(document)
    table = document.add_table(rows=1, cols=2)
    widths(table, [7.5, 9.0])
    keep_rows_together(table)
    left, right = table.rows[0].cells
    if state:
        # "Nơi nhận:" bold italic 12 pt, the list 11 pt, ";" after each, "Lưu: VT, …." last
        # (NĐ 30/2020, Phụ lục I, Phần II, mục 9)
        cell_text(left, "Nơi nhận:", bold=True, italic=True, size=12)
        item_size = 11
    else:
        # "Nơi nhận:" underlined 14 pt, the list 12 pt, "," after each, "Lưu …." last
        # (36-HD/VPTW, II.9)
        cell_text(left, "Nơi nhận:", underline=True, size=14)
        item_size = 12
    para(left, "{%p for r in recipients %}", size=item_size)
    para(left, "- {{ r }}", size=item_size)
    para(left, "{%p endfor %}", size=item_size)
    # authority and title in bold capitals, then room for the signature and the seal, then the
    # signer's name in bold (36-HD/VPTW, II.7–8; NĐ 30/2020, Phụ lục I, Phần II, mục 7–8)
    cell_text(right, "{%p for line in issuer.signature %}", align=CENTER)
    para(right, "{{ line }}", bold=True, align=CENTER)
    para(right, "{%p endfor %}", align=CENTER)
    for _blank in range(4):
        para(right, align=CENTER)
    para(right, "{{ issuer.signer_name }}", bold=True, align=CENTER)
    return document


SUMMARY_LIST_COLUMNS = (
    "index",
    "full_name",
    "male_year",
    "female_year",
    "ethnicity",
    "hometown",
    "position",
    "education",
    "party_joined_on",
    "political_theory",
    "languages",
    "note",
)


def summary_list() -> Document:
    document = new_document(landscape=True, size=13)
    para(document, "DANH SÁCH TRÍCH NGANG", bold=True, align=CENTER, size=14)
    para(
        document,
        "Cán bộ tham gia {{ form_name }} “{{ course_title }}” ({{ course_code }}), "
        "tại {{ countries }}, từ ngày {{ start }} đến ngày {{ end }}",
        italic=True,
        align=CENTER,
    )
    para(document, "(Kèm theo {{ attached_to }})", italic=True, align=CENTER)
    table = member_table(
        document,
        [FIELD_LABELS[name] for name in SUMMARY_LIST_COLUMNS],
        [
            "{{ m.index }}",
            "{{ m.full_name }}",
            "{{ m.male_year }}",
            "{{ m.female_year }}",
            "{{ m.ethnicity }}",
            "{{ m.hometown }}",
            "{{ m.position }}",
            "{{ m.education }}",
            "{{ m.party_joined }}",
            "{{ m.political_theory }}",
            "{{ m.languages }}",
            "{{ m.note }}",
        ],
        size=12,
    )
    widths(table, [1.2, 3.1, 1.3, 1.3, 1.4, 2.4, 4.2, 2.4, 2.5, 1.7, 1.7, 2.0])
    para(document, "Danh sách có {{ count }} đồng chí.", italic=True)
    return document


def programme() -> Document:
    document = new_document(size=13)
    para(document, "CHƯƠNG TRÌNH", bold=True, align=CENTER, size=14)
    para(document, "{{ form_name|upper }} “{{ course_title }}”", bold=True, align=CENTER)
    para(
        document,
        "Mã {{ course_code }} · {{ countries }} · từ ngày {{ start }} đến ngày {{ end }} · "
        "{{ modality }}{% if partner %} · {{ partner }}{% endif %}",
        italic=True,
        align=CENTER,
    )
    para(document, "Nhóm nội dung: {{ content_group }}")
    para(document, "Đơn vị tổ chức: {{ organiser }}")
    table = document.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells,
        ["Ngày", "Thời gian", "Nội dung", "Hình thức", "Địa điểm, cơ quan làm việc, báo cáo viên"],
        strict=True,
    ):
        cell_text(cell, label, bold=True, align=CENTER)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for item in items %}")
    for cell, value in zip(
        table.rows[2].cells,
        [
            "{{ item.date }}",
            "{{ item.time }}",
            "{{ item.title }}",
            "{{ item.kind }}",
            "{{ item.where }}",
        ],
        strict=True,
    ):
        cell_text(cell, value)
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    return document


TEMPLATES = {
    "quyet_dinh_cu_can_bo.docx": decision,
    "quyet_dinh_cu_can_bo_nha_nuoc.docx": lambda: decision("state"),
    "danh_sach_trich_ngang.docx": summary_list,
    "chuong_trinh.docx": programme,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--force", action="store_true", help="overwrite existing templates")
    args = parser.parse_args()
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        path = TARGET / name
        if path.exists() and not args.force:
            print(f"kept {path}")
            continue
        build().save(path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
