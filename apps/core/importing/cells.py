"""Reading one cell: its text as a person reads it, dates, choices, and the column it belongs to.

A ``Column`` says where a value goes (``name``), what the file calls it (``header``, matched
without case, accents, spaces or punctuation) and how a cell is read (``kind``). The generic
kinds are ``TEXT``, ``DATE``, ``CHOICE`` and ``BOOLEAN``; an importer may add its own kinds and
read them in ``Importer.clean_cell``.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Any

from apps.core.text import normalize_vi

from .issues import CellError

TEXT = "text"
DATE = "date"
CHOICE = "choice"
BOOLEAN = "boolean"

#: Dates before this year are typing mistakes (and Excel's serial 0 is 1900).
EARLIEST_YEAR = 1900

_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@functools.lru_cache(maxsize=16384)
def key(text: Any) -> str:
    """Matching key: no case, diacritics, spaces or punctuation ("Số CCCD (*)" → "socccd")."""
    return re.sub(r"[^a-z0-9]+", "", normalize_vi(str(text)))


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """1-based number of an Excel column ("A" → 1, "XFD" → 16384)."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


@dataclass(frozen=True)
class Column:
    """A column of a template: where it goes, how a cell is read, what the header note says.

    ``choices`` are tuples (label, stored value, *other accepted spellings).
    """

    name: str
    header: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[tuple[Any, ...], ...] = ()
    note: str = ""
    width: int = 18
    max_length: int | None = None

    @property
    def key(self) -> str:
        return key(self.header)

    @property
    def labels(self) -> list[str]:
        return [choice[0] for choice in self.choices]

    def choice_map(self) -> dict[str, Any]:
        """Accepted spellings (label, code, aliases; any case or accents) → stored value."""
        accepted: dict[str, Any] = {}
        for label, value, *aliases in self.choices:
            for spelling in (label, value, *aliases):
                if isinstance(spelling, str):
                    accepted[key(spelling)] = value
        return accepted


def cell_text(raw: Any) -> str:
    """A cell as text, as a person would read it (dates dd/mm/yyyy, whole numbers without .0)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return " ".join(raw.split())
    if isinstance(raw, bool):
        return "Có" if raw else "Không"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime | datetime.date):
        return raw.strftime("%d/%m/%Y")
    return str(raw)


#: Signs that make a spreadsheet read text as a formula when it is typed or pasted back.
FORMULA_SIGNS = ("=", "+", "@")


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would run as a formula: "=…", "+…", "@…", "-2+3…" (not "-Ghi chú")."""
    if text.startswith(FORMULA_SIGNS):
        return True
    return len(text) > 1 and text[0] == "-" and text[1] in "0123456789=+@("


def is_blank(raw: Any) -> bool:
    return raw is None or raw == "" or (isinstance(raw, str) and not raw.strip())


def parse_date(raw: Any) -> datetime.date:
    """A date cell, or text dd/mm/yyyy (also . or -) or yyyy-mm-dd; never a bare number."""
    if isinstance(raw, datetime.datetime):
        value = raw.date()
    elif isinstance(raw, datetime.date):
        value = raw
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        raise CellError("date_number")
    else:
        text = cell_text(raw)
        match = _DATE_DMY.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
        else:
            match = _DATE_ISO.match(text)
            if not match:
                raise CellError("date_format")
            year, month, day = (int(part) for part in match.groups())
        try:
            value = datetime.date(year, month, day)
        except ValueError as exc:
            raise CellError("date_impossible") from exc
    if value.year < EARLIEST_YEAR:
        raise CellError("date_impossible")
    return value


_MISSING = object()


def clean_generic(column: Column, raw: Any, choice_map: dict[str, Any] | None) -> Any:
    """Read a non-blank cell of a generic kind; raise CellError when it cannot be read."""
    kind = column.kind
    if kind == TEXT:
        text = cell_text(raw)
        if looks_like_formula(text):
            raise CellError("formula_text", sign=text[0])
        if column.max_length and len(text) > column.max_length:
            raise CellError("too_long", max=column.max_length, length=len(text))
        return text
    if kind == DATE:
        return parse_date(raw)
    if kind in (CHOICE, BOOLEAN):
        if isinstance(raw, bool) and kind == BOOLEAN:
            return raw
        value = (choice_map or {}).get(key(cell_text(raw)), _MISSING)
        if value is _MISSING:
            raise CellError("choice", allowed=", ".join(column.labels))
        return value
    raise AssertionError(f"Unknown column kind {kind}")  # pragma: no cover
