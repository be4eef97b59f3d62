"""Create the .docx templates of the course documents once; the office edits them afterwards.

    .venv/bin/python scripts/make_docx_templates.py [--force]

Layout follows Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP: A4, Times New Roman 13–14 pt,
margins top/bottom 20 mm, left 30 mm, right 15 mm. The fields are docxtpl (Jinja) tags; rows of
tables repeat with ``{%tr for ... %}``. Existing files are kept unless --force is given.
"""

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

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
    return document


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


def header(document, *, title: str, summary: str) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    cell_text(left, "BAN CHẤP HÀNH TRUNG ƯƠNG", align=CENTER, size=14)
    para(left, "BAN TỔ CHỨC", bold=True, align=CENTER, size=14)
    para(left, "*", align=CENTER, size=14)
    para(left, "Số {{ reference }}", align=CENTER, size=14)
    cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, align=CENTER, size=15)
    para(right, "{{ place_date }}", italic=True, align=CENTER, size=14)
    para(document)
    para(document, title, bold=True, align=CENTER, size=16)
    para(document, summary, bold=True, align=CENTER)
    para(document, "-----", align=CENTER)


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
    return table


def decision() -> Document:
    document = new_document()
    header(
        document,
        title="QUYẾT ĐỊNH",
        summary="về việc cử cán bộ đi bồi dưỡng ở nước ngoài theo Đề án 165",
    )
    para(document, "- Căn cứ Kết luận số 39-KL/TW, ngày 18/7/2022 của Bộ Chính trị về Đề án 165;")
    para(
        document,
        "- Căn cứ Quyết định số 187-QĐ/TW, ngày 10/9/2008 về việc thành lập Ban Chỉ đạo Đề án 165;",
    )
    para(document, "- Xét đề nghị của các cơ quan, đơn vị cử cán bộ,")
    para(document, "BAN TỔ CHỨC TRUNG ƯƠNG QUYẾT ĐỊNH", bold=True, align=CENTER)
    para(
        document,
        "Điều 1. Cử {{ count }} đồng chí có tên trong danh sách dưới đây tham gia {{ form_name }} "
        "“{{ course_title }}” (mã {{ course_code }}), nhóm nội dung {{ content_group }}, "
        "tại {{ countries }}, từ ngày {{ start }} đến ngày {{ end }}, hình thức {{ modality }}"
        "{% if partner %}, do {{ partner }} tổ chức{% endif %}.",
    )
    member_table(
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
    para(
        document,
        "Điều 2. Kinh phí thực hiện từ nguồn ngân sách nhà nước bảo đảm cho Đề án 165 theo quy "
        "định hiện hành.",
    )
    para(
        document,
        "Điều 3. Các cơ quan, đơn vị có liên quan và các đồng chí có tên tại Điều 1 chịu trách "
        "nhiệm thi hành Quyết định này.",
    )
    para(document)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    cell_text(left, "Nơi nhận:", bold=True, italic=True, size=12)
    para(left, "{%p for r in recipients %}", size=12)
    para(left, "- {{ r }}", size=12)
    para(left, "{%p endfor %}", size=12)
    cell_text(right, "{{ signer_authority }}", bold=True, align=CENTER)
    para(right, "{{ signer_title }}", bold=True, align=CENTER)
    para(right)
    para(right)
    para(right, "{{ signer_name }}", bold=True, align=CENTER)
    return document


SUMMARY_LIST_COLUMNS = (
    "index",
    "full_name",
    "male_year",
    "female_year",
    "ethnicity",
    "position",
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
    member_table(
        document,
        [FIELD_LABELS[name] for name in SUMMARY_LIST_COLUMNS],
        [
            "{{ m.index }}",
            "{{ m.full_name }}",
            "{{ m.male_year }}",
            "{{ m.female_year }}",
            "{{ m.ethnicity }}",
            "{{ m.position }}",
            "{{ m.party_joined }}",
            "{{ m.political_theory }}",
            "{{ m.languages }}",
            "{{ m.note }}",
        ],
        size=13,
    )
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
