"""Checks of an uploaded workbook before anything is read: name, size, zip, unpacked size, extent.

Every check reads at most the zip directory and a few kilobytes of XML, so a hostile file (a zip
bomb, a sheet that declares a million rows by sixteen thousand columns) is refused before the
reading library allocates anything for it. The reader (python-calamine) builds a dense table of
the sheet's extent — about 32 bytes per cell, empty or not — so the extent must be bounded, not
only the file's size: 1.6 KB with cells at A1 and XFD1048576 would ask for 512 GiB.
"""

import re
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings

from .cells import column_letter, column_number
from .issues import ImportIssue

XLSX_MAGIC = b"PK\x03\x04"
#: Largest unpacked workbook accepted (the zip directory says it before anything is unpacked).
#: calamine needs about 2.3 times the sheet's XML in memory; the 100,000-row benchmark file
#: unpacks to 86 MB.
MAX_UNPACKED_SIZE = 400 * 1048576
#: Largest sheet extent accepted (rows and columns, header included): with the reader's dense
#: table at most ~0.7 GB. The templates have 40 columns at most; the registry's largest
#: import is 100,000 rows.
MAX_ROWS = 200_000
MAX_COLUMNS = 100
#: How much of the sheet's XML is read to find its <dimension> element (it comes first).
DIMENSION_PROBE = 16384

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"", re.S)
_SHEET_NAME = re.compile(rb"\bname=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.S)
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=\"([^\"]+)\"")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d{1,7})\"")
_FORMULA_MARKERS = (b"<f>", b"<f ", b":f>", b":f ")
_CELL_START = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3}\d{1,7})\"")
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def upload_check(*, name: str, size: int, head: bytes) -> list[ImportIssue]:
    """Checks before storing an upload: extension, size, zip signature (``head``: first bytes)."""
    if size == 0:
        return [ImportIssue("file_empty")]
    if not name.lower().endswith(".xlsx"):
        return [ImportIssue("file_extension", params={"name": name})]
    limit = settings.MAX_IMPORT_FILE_SIZE
    if size > limit:
        return [
            ImportIssue(
                "file_too_large",
                params={"size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"},
            )
        ]
    if not head.startswith(XLSX_MAGIC):
        return [ImportIssue("file_not_xlsx")]
    return []


def stream_check(*, name: str, size: int, stream, formulas: bool = True) -> list[ImportIssue]:
    """``upload_check``, then the zip: a workbook, its unpacked size, its first sheet's extent.

    ``formulas`` also reads the whole sheet looking for formula cells (about a second for
    100,000 rows): done where a file enters (the upload form, the command), not again by the
    worker, whose own check is about what the reader may allocate. Rewinds ``stream``.
    """
    stream.seek(0)
    issues = upload_check(name=name, size=size, head=stream.read(len(XLSX_MAGIC)))
    if not issues:
        try:
            stream.seek(0)
            with zipfile.ZipFile(stream) as archive:
                issues = archive_check(archive, formulas=formulas)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
            issues = [ImportIssue("file_not_xlsx")]
    stream.seek(0)
    return issues


def file_check(path: Path, *, formulas: bool = True) -> list[ImportIssue]:
    """All the checks of an upload, for a file on disk."""
    path = Path(path)
    with open(path, "rb") as stream:
        return stream_check(
            name=path.name, size=path.stat().st_size, stream=stream, formulas=formulas
        )


def archive_check(archive: zipfile.ZipFile, *, formulas: bool = True) -> list[ImportIssue]:
    entries = archive.infolist()
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        return [ImportIssue("file_not_xlsx")]
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_SIZE:
        # A zip bomb, or a sheet whose decoding would not fit in the worker's memory.
        return [
            ImportIssue(
                "file_unpacked_too_large",
                params={
                    "size": f"{unpacked / 1048576:.0f}",
                    "limit": f"{MAX_UNPACKED_SIZE / 1048576:.0f}",
                },
            )
        ]
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return [ImportIssue("file_macros")]
    if any(name.startswith("xl/externalLinks/") for name in names):
        return [ImportIssue("file_external_links")]
    sheet = first_sheet(archive, names)
    if sheet is None:
        return [ImportIssue("file_unreadable")]
    sheet_name, sheet_path = sheet
    ref = declared_dimension(archive, sheet_path)
    if ref:
        extent = dimension_size(ref)
        if extent is None:
            return [ImportIssue("file_unreadable")]
    else:
        # No <dimension> (some generators leave it out): measure the cells themselves. Slower,
        # but only for such files; Excel, LibreOffice and the libraries we know write it.
        extent, ref = scanned_extent(archive, sheet_path)
    if extent is not None:
        rows, columns = extent
        if rows > MAX_ROWS or columns > MAX_COLUMNS:
            return [
                ImportIssue(
                    "sheet_too_large",
                    params={
                        "sheet": sheet_name,
                        "ref": ref,
                        "rows": f"{rows:,}".replace(",", "."),
                        "columns": f"{columns:,}".replace(",", "."),
                        "max_rows": f"{MAX_ROWS:,}".replace(",", "."),
                        "max_columns": MAX_COLUMNS,
                    },
                )
            ]
    formula = first_formula(archive, sheet_path) if formulas else None
    if formula is not None:
        return [ImportIssue("sheet_formula", params={"sheet": sheet_name, "ref": formula})]
    return []


def first_sheet(archive: zipfile.ZipFile, names: set[str]) -> tuple[str, str] | None:
    """(name, path in the zip) of the workbook's first sheet — the one the reader opens."""
    workbook = _read_head(archive, "xl/workbook.xml", 1048576)
    match = _SHEET.search(workbook)
    if match is None:
        return None
    name_match = _SHEET_NAME.search(match.group(0))
    name = name_match.group(1).decode("utf-8", "replace") if name_match else ""
    rel_id = match.group(1)
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _read_head(archive, rels_name, 1048576) if rels_name in names else b""
    for relationship in _RELATIONSHIP.findall(rels):
        if f'Id="{rel_id.decode("utf-8", "replace")}"'.encode() in relationship:
            target = re.search(rb"\bTarget=\"([^\"]+)\"", relationship)
            if target is None:
                return None
            text = target.group(1).decode("utf-8", "replace")
            path = text.lstrip("/") if text.startswith("/") else f"xl/{text}"
            path = str(PurePosixPath(path))
            return (name, path) if path in names else None
    return None


def declared_dimension(archive: zipfile.ZipFile, sheet_path: str) -> str:
    """The ``ref`` of the sheet's <dimension> element ("A1:AG100001"), or "" when absent."""
    head = _read_head(archive, sheet_path, DIMENSION_PROBE)
    data = _SHEET_DATA.search(head)
    match = _DIMENSION.search(head, 0, data.start() if data else len(head))
    return match.group(1).decode("ascii", "replace") if match else ""


def first_formula(archive: zipfile.ZipFile, sheet_path: str) -> str | None:
    """The reference of the sheet's first formula cell ("B7"), or None when it has none.

    The reader would import a formula's last computed value, which the user never typed (and
    which a formula can change behind their back): the import takes typed values only. Text
    is escaped in the XML, so ``<f>`` can only be a formula element.
    """
    tail = b""
    with archive.open(sheet_path) as member:
        while chunk := member.read(1048576):
            data = tail + chunk
            position = min(
                (p for p in (data.find(marker) for marker in _FORMULA_MARKERS) if p >= 0),
                default=-1,
            )
            if position >= 0:
                cell = _CELL_START.findall(data, 0, position)
                return cell[-1].decode("ascii", "replace") if cell else "?"
            tail = data[-4096:]
    return None


def dimension_size(ref: str) -> tuple[int, int] | None:
    """(rows, columns) spanned by an A1 reference ("A1:XFD1048576" → (1048576, 16384))."""
    corners = []
    for part in ref.split(":")[:2]:
        match = _CELL_REF.match(part.strip())
        if match is None:
            return None
        corners.append((int(match.group(2)), column_number(match.group(1))))
    if len(corners) == 1:
        corners.append(corners[0])
    (row_a, col_a), (row_b, col_b) = corners
    return abs(row_b - row_a) + 1, abs(col_b - col_a) + 1


def scanned_extent(archive: zipfile.ZipFile, sheet_path: str) -> tuple[tuple[int, int], str]:
    """(rows, columns) and the A1 reference of the cells a sheet really holds, streamed."""
    max_row = max_column = 0
    tail = b""
    with archive.open(sheet_path) as member:
        while chunk := member.read(1048576):
            data = tail + chunk
            cut = data.rfind(b"<")
            data, tail = data[:cut], data[cut:]
            for letters, digits in _CELL.findall(data):
                max_row = max(max_row, int(digits))
                max_column = max(max_column, column_number(letters.decode()))
            for digits in _ROW.findall(data):
                max_row = max(max_row, int(digits))
    if not max_row:
        return (0, 0), ""
    return (max_row, max_column), f"A1:{column_letter(max_column - 1)}{max_row}"


def _read_head(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    with archive.open(name) as member:
        return member.read(size)
