"""The cadre import's Excel template: the data sheet, the instructions and the lists of codes."""

from apps.agencies.models import Agency
from apps.core.importing import DATE, column_letter
from apps.core.spreadsheets import DATE_FORMAT, SheetWriter, Workbook
from apps.programme.models import PositionLevel, WorkField

from .importing import COLUMNS, EXAMPLE, NATIONAL_ID, PASSPORT, SHEET_NAME, import_agencies

INSTRUCTIONS = (
    "HƯỚNG DẪN NHẬP DANH SÁCH CÁN BỘ",
    "1. Điền mỗi cán bộ trên một dòng của sheet “Cán bộ”, bắt đầu từ dòng 2. Không đổi tên, "
    "không xóa và không thêm cột. Các cột không bắt buộc có thể để trống.",
    "2. Cột có tiêu đề màu đỏ là bắt buộc.",
    "3. Ngày ghi theo dạng dd/mm/yyyy (ví dụ 15/06/1975) hoặc định dạng ô là ngày.",
    "4. Số CCCD gồm đúng 12 chữ số, không trùng trong tệp và không trùng với cán bộ đã có; để "
    "ô ở định dạng Văn bản (Text) để giữ số 0 ở đầu.",
    "5. Cán bộ phải đủ 18 tuổi. Mã cơ quan, cấp chức vụ, lĩnh vực công tác lấy ở sheet “Danh mục”.",
    "6. Dòng ví dụ (chữ nghiêng, màu xám) được bỏ qua khi nhập; có thể xóa.",
    "7. Tệp được kiểm tra toàn bộ trước khi nhập: nếu có bất kỳ lỗi nào thì không cán bộ nào "
    "được nhập và hệ thống liệt kê mọi lỗi (dòng, cột, giá trị, lý do).",
)
LISTS_SHEET = "Danh mục"
BOLD = {"bold": True}
#: Rows of the data sheet that carry drop-down lists (the whole usable sheet).
VALIDATED_ROWS = 1_048_575


def import_template_write(output, *, actor=None) -> None:
    """Write the .xlsx template to ``output`` (a path or binary file object).

    With an ``actor`` the agency list holds the agencies that actor may import into; without
    one (the operator's command), every active agency.
    """
    if actor is not None:
        agencies = [a for a in import_agencies(actor=actor) if a.is_active and not a.successor_id]
    else:
        agencies = list(
            Agency.objects.filter(is_active=True, successor__isnull=True)
            .only("code", "name")
            .order_by("path")
        )
    levels = list(PositionLevel.objects.order_by("rank"))
    work_fields = list(WorkField.objects.order_by("name"))

    workbook = Workbook(output)
    data = workbook.sheet(SHEET_NAME)
    guide = workbook.sheet("Hướng dẫn")
    lists = workbook.sheet(LISTS_SHEET)
    head = {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"}
    required_head = {**head, "font_color": "#C00000"}
    example = {"italic": True, "font_color": "#808080"}
    as_text = {"num_format": "@"}  # keeps the leading zeros of identifiers
    column_styles = {DATE: {"num_format": DATE_FORMAT}, NATIONAL_ID: as_text, PASSPORT: as_text}

    list_ranges = _write_lists(lists, agencies, levels, work_fields)
    example_values = {
        **EXAMPLE,
        "agency": agencies[0].code if agencies else "",
        "position_level": _example_level(levels),
        "work_field": work_fields[0].name if work_fields else "",
    }
    for col, column in enumerate(COLUMNS):
        column_style = column_styles.get(column.kind, {})
        data.worksheet.set_column(col, col, column.width, workbook.format(column_style))
        data.write(0, col, column.header, required_head if column.required else head)
        note = column.note or ("Bắt buộc" if column.required else "")
        if note:
            data.worksheet.write_comment(0, col, note, {"x_scale": 1.5})
        value = example_values.get(column.name, "")
        data.write(1, col, value if value != "" else None, {**example, **column_style})
        source = list_ranges.get(column.name)
        if source is None and column.choices:
            source = column.labels
        if source:
            data.worksheet.data_validation(
                1,
                col,
                VALIDATED_ROWS,
                col,
                {
                    "validate": "list",
                    "source": source,
                    "error_type": "warning",
                    "error_title": "Giá trị không có trong danh mục",
                    "error_message": "Chọn một giá trị trong danh sách.",
                },
            )
    data.worksheet.freeze_panes(1, 0)
    data.worksheet.set_row(0, 45)

    guide.widths([110])
    for row, line in enumerate(INSTRUCTIONS):
        guide.append([line], BOLD if row == 0 else None)
    workbook.close()


def _example_level(levels: list[PositionLevel]) -> str:
    for level in levels:
        if level.code == "DEPARTMENT_CENTRAL":
            return str(level)
    return str(levels[0]) if levels else ""


def _write_lists(sheet: SheetWriter, agencies, levels, work_fields) -> dict[str, str]:
    """Fill the "Danh mục" sheet; return the cell ranges drop-down lists point to.

    Each table's first column is what the drop-down offers; the import also accepts the other
    columns (full name, code).
    """
    tables = (
        ("agency", ("Mã cơ quan", "Tên cơ quan"), [(a.code, a.name) for a in agencies], (14, 60)),
        (
            "position_level",
            ("Cấp chức vụ", "Tên đầy đủ", "Mã"),
            [(str(lv), lv.name, lv.code) for lv in levels],
            (30, 60, 22),
        ),
        (
            "work_field",
            ("Lĩnh vực công tác", "Mã"),
            [(f.name, f.code) for f in work_fields],
            (32, 10),
        ),
    )
    ranges = {}
    first_col = 0
    for name, titles, rows, widths in tables:
        for offset, width in enumerate(widths):
            sheet.worksheet.set_column(first_col + offset, first_col + offset, width)
        for offset, title in enumerate(titles):
            sheet.write(0, first_col + offset, title, BOLD)
        for row, values in enumerate(rows, start=1):
            for offset, value in enumerate(values):
                sheet.write(row, first_col + offset, value)
        letter = column_letter(first_col)
        ranges[name] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${max(len(rows), 1) + 1}"
        first_col += len(titles) + 1
    return ranges
