"""Reading the first worksheet of a checked workbook: its header, then its rows, streamed.

python-calamine decodes the worksheet once into a compact native table; each pass turns one row
at a time into Python objects, so Python memory does not grow with the file. ``sheet_open``
runs every check of ``limits`` first: the reader never sees a file whose extent was not bounded.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from .cells import Column, cell_text
from .headers import Header, header_read
from .issues import ImportIssue
from .limits import file_check


@dataclass
class Sheet:
    """The first worksheet of a workbook and its header; rows are streamed, as often as needed."""

    header: Header
    estimated_rows: int
    worksheet: Any

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cells) of every row below the header, blank rows included."""
        # iter_rows() counts rows from the top of the sheet, columns from the first used one.
        for row_number, cells in enumerate(self.worksheet.iter_rows(), start=1):
            if row_number > self.header.row_number:
                yield row_number, cells


def sheet_open(path: Path, columns: tuple[Column, ...]) -> tuple[Sheet | None, list[ImportIssue]]:
    """Open a workbook and read its header; ``None`` and the reasons when it cannot be read.

    Every check that bounds what the reader allocates runs again here, whoever stored the
    file; the formula scan was done where the file entered (``stream_check``).
    """
    issues = file_check(path, formulas=False)
    if issues:
        return None, issues
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            worksheet = workbook.get_sheet_by_index(0)
    except (CalamineError, OSError, ValueError, IndexError):
        return None, [ImportIssue("file_unreadable")]
    if worksheet.start is None:
        return None, [ImportIssue("sheet_empty")]
    for row_number, cells in enumerate(worksheet.iter_rows(), start=1):
        if any(cell_text(cell) for cell in cells):
            header, issues = header_read(
                cells, columns, row_number=row_number, col_offset=worksheet.start[1]
            )
            estimated = max(0, worksheet.end[0] + 1 - row_number)
            return Sheet(header, estimated, worksheet), issues
    return None, [ImportIssue("sheet_empty")]  # pragma: no cover - calamine gave start=None
