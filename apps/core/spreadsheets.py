"""The one way the application writes a spreadsheet: every cell typed, no text ever a formula.

Every export (the cadre list, nominations, the consolidation and the plan) and the import
template write their cells through ``SheetWriter``, which picks the cell type from the Python
value:

- ``str`` → always a text cell (xlsxwriter's ``write_string``, never ``write``, which turns
  "=…" into a formula and "http…" into a link). Text a spreadsheet would run as a formula when
  it is edited or pasted — starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return — also gets Excel's quote prefix (the apostrophe Excel itself adds for typed text),
  so the user sees exactly the original text and it stays text when the cell is edited;
- ``int``, ``float``, ``Decimal`` → numbers; ``bool`` → TRUE/FALSE;
- ``date`` / ``datetime`` → real dates shown dd/mm/yyyy (dd/mm/yyyy hh:mm), sortable and
  filterable in Excel;
- ``None`` → an empty cell.

Formats are given as dicts of xlsxwriter format properties and created once per workbook.
``constant_memory=True`` streams rows to disk (large exports; rows must then be written in
order, which ``SheetWriter.append`` does).
"""

import datetime
import io
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.utils import timezone

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
#: Starts that make a spreadsheet read text as a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel's limit on the length of a sheet name.
SHEET_NAME_LENGTH = 31
HEADER_STYLE = {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}


class Styled:
    """A value written with its own format (a dict of format properties)."""

    __slots__ = ("style", "value")

    def __init__(self, value: Any, style: dict):
        self.value = value
        self.style = style


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


class Workbook:
    """An .xlsx being written to ``target`` (a path or a binary file); in memory when None."""

    def __init__(self, target=None, *, constant_memory: bool = False):
        self.buffer = io.BytesIO() if target is None else None
        options = {
            # Belt and braces: even a plain write() may never make a formula, link or number.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        }
        options["constant_memory" if constant_memory else "in_memory"] = True
        self.book = xlsxwriter.Workbook(self.buffer if target is None else target, options)
        self._formats: dict[tuple, Any] = {}

    def sheet(self, name: str) -> "SheetWriter":
        return SheetWriter(self, self.book.add_worksheet(name[:SHEET_NAME_LENGTH]))

    def format(self, style: dict | None = None, **extra) -> Any:
        """The workbook's format for ``style`` plus ``extra`` properties (made once)."""
        properties = {**(style or {}), **extra}
        if not properties:
            return None
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(properties)
        return self._formats[key]

    def close(self) -> bytes | None:
        """Finish the file; return its bytes when it was written in memory."""
        self.book.close()
        return self.buffer.getvalue() if self.buffer is not None else None


class SheetWriter:
    """One worksheet; ``append`` writes the next row, ``write`` one cell anywhere."""

    def __init__(self, workbook: Workbook, worksheet):
        self.workbook = workbook
        #: The xlsxwriter worksheet, for layout (comments, validation, panes, filters).
        self.worksheet = worksheet
        self.next_row = 0
        self._formats: dict[tuple, Any] = {}

    def widths(self, widths) -> None:
        """Column widths, in characters, from column A."""
        for col, width in enumerate(widths):
            if width:
                self.worksheet.set_column(col, col, width)

    def append(self, values, style: dict | None = None) -> int:
        """Write ``values`` on the next row (``style`` for each cell); return its index."""
        row = self.next_row
        for col, value in enumerate(values):
            self.write(row, col, value, style)
        self.next_row = row + 1
        return row

    def write(self, row: int, col: int, value: Any, style: dict | None = None) -> None:
        """Write one cell, its type chosen from ``value`` (see the module)."""
        if row >= self.next_row:
            self.next_row = row + 1
        if isinstance(value, Styled):
            value, style = value.value, {**(style or {}), **value.style}
        sheet = self.worksheet
        if isinstance(value, str):
            if not value:
                if style:
                    sheet.write_blank(row, col, None, self._format(style))
            elif value.startswith(FORMULA_STARTS):
                sheet.write_string(row, col, value, self._format(style, "quote_prefix", True))
            else:
                sheet.write_string(row, col, value, self._format(style))
        elif value is None:
            if style:
                sheet.write_blank(row, col, None, self._format(style))
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, self._format(style))
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, col, value, self._format(style))
        elif isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value).replace(tzinfo=None)
            sheet.write_datetime(
                row, col, value, self._format(style, "num_format", DATETIME_FORMAT)
            )
        elif isinstance(value, datetime.date):
            moment = datetime.datetime.combine(value, datetime.time())
            sheet.write_datetime(row, col, moment, self._format(style, "num_format", DATE_FORMAT))
        else:
            self.write(row, col, str(value), style)

    def _format(self, style: dict | None, name: str = "", value: Any = None) -> Any:
        """The format of ``style`` with one more property (``name``: ``value``), if any."""
        if not style:
            if not name:
                return None
            cache_key = ((), name, value)  # the common case of a plain date: no sorting
        else:
            cache_key = (tuple(sorted(style.items())), name, value)
        cached = self._formats.get(cache_key)
        if cached is None:
            extra = {name: value} if name else {}
            cached = self._formats[cache_key] = self.workbook.format(style, **extra)
        return cached
