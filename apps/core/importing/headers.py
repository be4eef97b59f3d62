"""Matching a file's header row to a template's columns.

Headers match without case, accents, spaces or punctuation. A header that matches nothing is
compared with the missing columns: close enough (and better still where the template puts that
column), it is reported as that column renamed; otherwise as an unknown column.
"""

import difflib
from dataclasses import dataclass
from typing import Any

from .cells import Column, cell_text, column_letter, key
from .issues import ImportIssue

#: Unrelated headers score about 0.5 ("Ghi chú" / "Ngày chính thức"), renamed ones higher
#: ("Họ tên" / "Họ và tên" 0.83, "Ngày tháng năm sinh" / "Ngày sinh" 0.67).
RENAMED_RATIO = 0.65
#: Bonus when the unknown header sits where the template puts the missing column.
SAME_PLACE_BONUS = 0.15


@dataclass
class Header:
    """Where each template column sits in the file (0-based index into a row)."""

    columns: tuple[Column, ...]
    positions: dict[str, int]  # column name → index
    unnamed: list[int]  # columns without a header: values there are an error
    row_number: int  # Excel row number of the header
    col_offset: int  # index of the sheet's first column (for letters)

    def __post_init__(self) -> None:
        #: (column, index) of the template columns present, in template order: one loop per row.
        self.plan = [(c, self.positions[c.name]) for c in self.columns if c.name in self.positions]
        #: Optional template columns the file leaves out: read as empty.
        self.absent = [c.name for c in self.columns if c.name not in self.positions]

    def letter(self, index: int) -> str:
        return column_letter(self.col_offset + index)


def header_read(
    cells: list[Any], columns: tuple[Column, ...], *, row_number: int, col_offset: int
) -> tuple[Header, list[ImportIssue]]:
    """Match the header row to the template, tolerating case, accents, spaces and punctuation."""
    by_key = {column.key: column for column in columns}
    issues: list[ImportIssue] = []
    positions: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    unnamed: list[int] = []
    for index, raw in enumerate(cells):
        text = cell_text(raw)
        if not text:
            unnamed.append(index)
            continue
        column = by_key.get(key(text))
        if column is None:
            unknown.append((index, text))
        elif column.name in positions:
            issues.append(
                ImportIssue(
                    "column_duplicate",
                    header=column.header,
                    letter=column_letter(col_offset + index),
                    value=text,
                    params={"first": column_letter(col_offset + positions[column.name])},
                )
            )
        else:
            positions[column.name] = index
    missing = [column for column in columns if column.name not in positions]
    template_index = {column.name: i for i, column in enumerate(columns)}
    for index, text in unknown:
        letter = column_letter(col_offset + index)
        renamed = _renamed_column(text, index, missing, template_index)
        if renamed is not None:
            missing.remove(renamed)
            issues.append(
                ImportIssue("column_renamed", header=renamed.header, letter=letter, value=text)
            )
        else:
            issues.append(ImportIssue("column_unknown", letter=letter, value=text))
    issues.extend(
        ImportIssue("column_missing", header=column.header) for column in missing if column.required
    )
    return Header(columns, positions, unnamed, row_number, col_offset), issues


def _renamed_column(text, index, missing, template_index) -> Column | None:
    """The missing column an unknown header most likely stands for, if any."""
    best, best_ratio = None, 0.0
    for column in missing:
        ratio = difflib.SequenceMatcher(None, key(text), column.key).ratio()
        if template_index[column.name] == index:
            ratio += SAME_PLACE_BONUS
        if ratio > best_ratio:
            best, best_ratio = column, ratio
    return best if best_ratio >= RENAMED_RATIO else None
