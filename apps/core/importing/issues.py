"""Per-row issues of an import: where (row, column letter and header), the value, why (a code).

Issues are stored as codes with parameters (on a job, as JSON), not as sentences, so each reader
sees them in their own language. The sentences are in ``MESSAGES``: the pipeline's own (the file,
the header row, the generic cell kinds) and those an importer adds with ``register_messages``.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MESSAGES: dict[str, Any] = {
    # The file as a whole.
    "file_empty": gettext_lazy("The file is empty (0 bytes)."),
    "file_extension": gettext_lazy(
        "“%(name)s” is not an .xlsx file. Download the template, fill it in and save it as "
        "Excel Workbook (.xlsx)."
    ),
    "file_too_large": gettext_lazy(
        "The file is %(size)s MB; the largest file accepted is %(limit)s MB. Split it into "
        "several files."
    ),
    "file_not_xlsx": gettext_lazy(
        "The file is not an Excel workbook (.xlsx), even though its name ends in .xlsx. "
        "Open it in Excel and save it again as Excel Workbook (.xlsx)."
    ),
    "file_unreadable": gettext_lazy(
        "The workbook could not be read: it may be damaged or protected by a password. "
        "Remove the password or save a new copy, then upload it again."
    ),
    "file_unpacked_too_large": gettext_lazy(
        "The workbook unpacks to %(size)s MB of data; the largest accepted is %(limit)s MB. "
        "Split it into several files."
    ),
    "sheet_too_large": gettext_lazy(
        "The first sheet “%(sheet)s” spans the cells %(ref)s (%(rows)s rows, %(columns)s "
        "columns); at most %(max_rows)s rows and %(max_columns)s columns are accepted. Delete "
        "the unused rows and columns (or copy the data to a new workbook) and upload it again."
    ),
    "file_macros": gettext_lazy(
        "The workbook contains macros (VBA). Save it as Excel Workbook (.xlsx), which removes "
        "them, and upload it again."
    ),
    "file_external_links": gettext_lazy(
        "The workbook links to other workbooks (external links). Break the links (Data → Edit "
        "Links → Break Link) or copy the data to a new workbook, then upload it again."
    ),
    "sheet_formula": gettext_lazy(
        "Cell %(ref)s of the sheet “%(sheet)s” holds a formula; the import takes typed values "
        "only. Copy the cells and paste them as values (Paste Special → Values), then upload "
        "the file again."
    ),
    "sheet_empty": gettext_lazy(
        "The first sheet is empty: the header row of the template is missing."
    ),
    "no_rows": gettext_lazy(
        "The file has the header row but no rows of data: fill in one row per line below the "
        "header."
    ),
    "rows_not_checked": gettext_lazy(
        "The rows were not checked because the columns do not match the template. Correct the "
        "columns and upload the file again."
    ),
    "more_errors": gettext_lazy(
        "%(count)s more errors are not shown. Correct those above and upload the file again."
    ),
    "unexpected": gettext_lazy(
        "The import stopped because of an unexpected error; nothing was imported. Try again, "
        "and tell the system administrator if it happens again."
    ),
    # The header row.
    "column_missing": gettext_lazy(
        "The required column “%(header)s” is missing. Download the template again and keep its "
        "header row unchanged."
    ),
    "column_renamed": gettext_lazy(
        "Column %(letter)s is called “%(value)s”; it looks like the template's column "
        "“%(header)s” renamed. Give it back its name “%(header)s”."
    ),
    "column_unknown": gettext_lazy(
        "Column %(letter)s “%(value)s” is not a column of the template. Remove it, or rename it "
        "to one of the template's columns."
    ),
    "column_duplicate": gettext_lazy(
        "The column “%(header)s” appears twice (columns %(first)s and %(letter)s); keep only one."
    ),
    "column_no_header": gettext_lazy(
        "Column %(letter)s has values but no header. Remove the values or add the column's "
        "header from the template."
    ),
    # One cell of a generic kind (see ``cells``).
    "required": gettext_lazy("“%(header)s” is required and is empty."),
    "too_long": gettext_lazy(
        "“%(header)s” may have at most %(max)s characters; this value has %(length)s."
    ),
    "date_format": gettext_lazy(
        "“%(value)s” is not a date. Write dates as dd/mm/yyyy, for example 15/06/1975."
    ),
    "date_number": gettext_lazy(
        "“%(value)s” is a number, not a date. Format the cell as a date or write it as "
        "dd/mm/yyyy, for example 15/06/1975."
    ),
    "date_impossible": gettext_lazy(
        "“%(value)s” is not a real calendar date (day, month or year out of range)."
    ),
    "date_future": gettext_lazy("The date %(value)s is in the future."),
    "date_before_birth": gettext_lazy("The date %(value)s is before the date of birth."),
    "formula_text": gettext_lazy(
        "“%(value)s” starts with “%(sign)s”, as a spreadsheet formula does; such text is not "
        "accepted. Remove the sign at the start."
    ),
    "choice": gettext_lazy("“%(value)s” is not an accepted value. Accepted values: %(allowed)s."),
}

#: Remarks about the list of errors rather than errors of the file.
NOTE_CODES = frozenset({"rows_not_checked", "more_errors"})


def register_messages(messages: dict[str, Any]) -> None:
    """Add an importer's own codes; a code may not be given two different sentences."""
    for code, text in messages.items():
        if code in MESSAGES and MESSAGES[code] is not text:
            raise ValueError(f"Import message code {code!r} is already registered")
        MESSAGES[code] = text


@dataclass
class ImportIssue:
    """One problem with a file: where (row, column), the value found, and why (a code)."""

    code: str
    row: int | None = None
    header: str = ""
    letter: str = ""
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_note(self) -> bool:
        """A remark about the list of errors rather than an error of the file."""
        return self.code in NOTE_CODES

    @property
    def message(self) -> str:
        values = {"value": self.value, "header": self.header, "letter": self.letter}
        values.update(self.params)
        return str(MESSAGES[self.code]) % values

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "row": self.row,
            "header": self.header,
            "letter": self.letter,
            "value": self.value,
            "params": self.params,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ImportIssue":
        return cls(
            code=data["code"],
            row=data.get("row"),
            header=data.get("header", ""),
            letter=data.get("letter", ""),
            value=data.get("value", ""),
            params=data.get("params") or {},
        )

    def describe(self) -> str:
        """One line for a terminal or a log: where, what, why."""
        if self.row is None:
            return self.message
        return _("Row %(row)s, column %(letter)s (%(header)s), value “%(value)s”: %(message)s") % {
            "row": self.row,
            "letter": self.letter,
            "header": self.header,
            "value": self.value,
            "message": self.message,
        }


class CellError(Exception):
    """A cell cannot be read; ``code`` names the message, ``params`` fill it in."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


class IssueList:
    """Errors kept up to ``limit`` (all of them are counted), sorted by row and column.

    ``order`` gives each header its place in the template, so a row's errors read left to right.
    """

    def __init__(self, limit: int | None, order: dict[str, int]):
        self.limit = limit
        self.order = order
        self.items: list[ImportIssue] = []
        self.count = 0

    def extend(self, issues: list[ImportIssue]) -> None:
        for issue in issues:
            self.count += 1
            if self.limit is None or len(self.items) < self.limit:
                self.items.append(issue)

    def result(self) -> list[ImportIssue]:
        last = len(self.order)
        items = sorted(
            self.items, key=lambda i: (i.row or 0, self.order.get(i.header, last), i.letter)
        )
        hidden = self.count - len(items)
        if hidden:
            items.append(ImportIssue("more_errors", params={"count": hidden}))
        return items
