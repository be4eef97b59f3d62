"""Excel import of cadres: the template, file checks, reading, validation and the apply.

The import is all-or-nothing. ``cadre_import`` has python-calamine decode the first worksheet
once and streams its rows twice: the first pass validates every row against lookups fetched
once (agencies in the actor's scope, position levels, fields of work; existing citizen ID
numbers by chunk) and keeps only the errors; if there are none, the second pass builds the
cadres again and inserts them with ``bulk_create`` in batches inside one ``transaction.atomic``,
so a crash or a killed process leaves no row behind. No Python object is kept per row between
or during the passes; the decoded sheet itself is calamine's compact native table.

The column headers and the lists of allowed values are Vietnamese because they are the file
format users fill in (like a document template); messages about a file are English source text
translated by the catalogue. Errors are stored as codes with parameters, not as sentences, so
each reader sees them in their own language.
"""

import datetime
import difflib
import functools
import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from python_calamine import CalamineError, CalamineWorkbook

from apps.agencies.models import Agency
from apps.core.audit import audit_record
from apps.core.roles import Role
from apps.core.text import normalize_vi
from apps.programme.models import PositionLevel, WorkField

from .models import Cadre, LanguageSkill
from .services import cadre_fill_derived, retirement_roadmap

IMPORT_DIR = "imports"
XLSX_MAGIC = b"PK\x03\x04"
SHEET_NAME = "Cán bộ"
MIN_AGE = 18
EARLIEST_YEAR = 1900
#: Rows per INSERT batch and per query checking citizen IDs against the registry.
BATCH_SIZE = 2000
#: Largest unpacked workbook accepted (the zip directory says it before anything is unpacked).
#: calamine needs about 2.3 times the sheet's XML in memory; the 100,000-row benchmark file
#: unpacks to 86 MB.
MAX_UNPACKED_SIZE = 400 * 1048576
#: How often (in rows) progress is reported to the caller.
PROGRESS_EVERY = 1000

ProgressCallback = Callable[[str, int, int], None]

VALIDATING = "validating"
IMPORTING = "importing"


@functools.lru_cache(maxsize=16384)
def _key(text: Any) -> str:
    """Matching key: no case, diacritics, spaces or punctuation ("Số CCCD (*)" → "socccd")."""
    return re.sub(r"[^a-z0-9]+", "", normalize_vi(str(text)))


# --- Messages ---------------------------------------------------------------------------------

MESSAGES = {
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
    "sheet_empty": gettext_lazy(
        "The first sheet is empty: the header row of the template is missing."
    ),
    "no_rows": gettext_lazy(
        "The file has the header row but no cadres: fill in one cadre per row below the header."
    ),
    "rows_not_checked": gettext_lazy(
        "The rows were not checked because the columns do not match the template. Correct the "
        "columns and upload the file again."
    ),
    "more_errors": gettext_lazy(
        "%(count)s more errors are not shown. Correct those above and upload the file again."
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
    # One cell.
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
    "too_young": gettext_lazy(
        "With the date of birth %(value)s the person is %(age)s years old; a cadre must be at "
        "least %(min_age)s."
    ),
    "choice": gettext_lazy("“%(value)s” is not an accepted value. Accepted values: %(allowed)s."),
    "national_id_format": gettext_lazy(
        "The citizen ID number must have exactly 12 digits; “%(value)s” has %(length)s. If "
        "Excel dropped the leading zeros, format the column as Text and type the number again."
    ),
    "national_id_in_file": gettext_lazy(
        "The citizen ID number %(value)s is already used in row %(other_row)s of this file."
    ),
    "national_id_in_registry": gettext_lazy(
        "A cadre with the citizen ID number %(value)s is already in the registry."
    ),
    "passport_format": gettext_lazy(
        "The passport number “%(value)s” may contain only letters and digits (6 to 16)."
    ),
    "agency_unknown": gettext_lazy(
        "No agency with the code “%(value)s” is within the agencies you may import into. "
        "The sheet “Danh mục” of the template lists the codes."
    ),
    "agency_merged": gettext_lazy(
        "The agency “%(value)s” was merged into “%(successor)s”; use the code %(successor_code)s."
    ),
    "agency_inactive": gettext_lazy("The agency “%(value)s” is no longer active."),
    "level_unknown": gettext_lazy(
        "“%(value)s” is not a position level. Use a name or code from the sheet “Danh mục”."
    ),
    "field_unknown": gettext_lazy(
        "“%(value)s” is not a field of work. Use a name or code from the sheet “Danh mục”."
    ),
    "party_dates_order": gettext_lazy(
        "The date of full Party membership %(value)s is before the date of joining the Party."
    ),
    "language_without_level": gettext_lazy(
        "The level of “%(language)s” is missing: give a level from A1 to C2 (or Bậc 1–6)."
    ),
    "level_without_language": gettext_lazy(
        "A level is given but “%(header)s” is empty: name the language."
    ),
    "language_twice": gettext_lazy("The language “%(value)s” is given twice."),
    "not_allowed": gettext_lazy(
        "Your account may not import cadres (any more). Nothing was imported."
    ),
    "unexpected": gettext_lazy(
        "The import stopped because of an unexpected error; nothing was imported. Try again, "
        "and tell the system administrator if it happens again."
    ),
    "registry_changed": gettext_lazy(
        "While the file was being imported another user added a cadre with one of its citizen "
        "ID numbers. Nothing was imported; upload the file again to see which row."
    ),
}


NOTE_CODES = frozenset({"rows_not_checked", "more_errors"})


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


# --- Columns of the template -------------------------------------------------------------------

TEXT = "text"
DATE = "date"
CHOICE = "choice"
BOOLEAN = "boolean"
NATIONAL_ID = "national_id"
PASSPORT = "passport"
AGENCY = "agency"
LEVEL = "level"
WORK_FIELD = "work_field"

YES_NO = (("Có", True, "x", "1", "yes", "true"), ("Không", False, "0", "no", "false"))
GENDERS = (("Nam", "M"), ("Nữ", "F"))
MANAGEMENT_CATEGORIES = (
    ("Bộ Chính trị quản lý", "BCT", "Bộ Chính trị"),
    ("Ban Bí thư quản lý", "BBT", "Ban Bí thư"),
    ("Khác", "OTHER"),
)
DEGREES = (
    ("Cao đẳng", "CD"),
    ("Cử nhân", "CN"),
    ("Kỹ sư", "KS"),
    ("Thạc sĩ", "ThS", "Thạc sỹ"),
    ("Tiến sĩ", "TS", "Tiến sỹ"),
)
ACADEMIC_TITLES = (("Phó Giáo sư", "PGS"), ("Giáo sư", "GS"))
POLITICAL_THEORY = (
    ("Sơ cấp", "so_cap"),
    ("Trung cấp", "trung_cap"),
    ("Cao cấp", "cao_cap"),
    ("Cử nhân", "cu_nhan"),
)
STATE_MANAGEMENT = (
    ("Chuyên viên", "chuyen_vien"),
    ("Chuyên viên chính", "chuyen_vien_chinh"),
    ("Chuyên viên cao cấp", "chuyen_vien_cao_cap"),
)
LANGUAGES = (
    ("Tiếng Anh", "en", "Anh", "English"),
    ("Tiếng Pháp", "fr", "Pháp", "French"),
    ("Tiếng Nga", "ru", "Nga", "Russian"),
    ("Tiếng Trung", "zh", "Trung", "Trung Quốc", "Tiếng Trung Quốc", "Chinese"),
    ("Tiếng Nhật", "ja", "Nhật", "Japanese"),
    ("Tiếng Hàn", "ko", "Hàn", "Hàn Quốc", "Korean"),
    ("Tiếng Đức", "de", "Đức", "German"),
    ("Tiếng Tây Ban Nha", "es", "Tây Ban Nha", "Spanish"),
    ("Tiếng Lào", "lo", "Lào", "Lao"),
    ("Tiếng Khmer", "km", "Khmer", "Campuchia"),
)
#: CEFR levels and Vietnam's 6-level framework (Bậc 1–6 = A1–C2, TT 01/2014/TT-BGDĐT).
LANGUAGE_LEVELS = tuple(
    (cefr, cefr, f"Bậc {step}", str(step))
    for step, cefr in enumerate(("A1", "A2", "B1", "B2", "C1", "C2"), start=1)
)


@dataclass(frozen=True)
class Column:
    """A column of the template: where it goes, how a cell is read, what the header note says."""

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
        return _key(self.header)

    @property
    def labels(self) -> list[str]:
        return [choice[0] for choice in self.choices]

    def choice_map(self) -> dict[str, Any]:
        """Accepted spellings (label, code, aliases; any case or accents) → stored value."""
        accepted: dict[str, Any] = {}
        for label, value, *aliases in self.choices:
            for spelling in (label, value, *aliases):
                if isinstance(spelling, str):
                    accepted[_key(spelling)] = value
        return accepted


def _max_length(name: str) -> int | None:
    return Cadre._meta.get_field(name).max_length


COLUMNS: tuple[Column, ...] = (
    Column("full_name", "Họ và tên", required=True, width=26, max_length=_max_length("full_name")),
    Column("other_names", "Tên gọi khác", max_length=_max_length("other_names")),
    Column("gender", "Giới tính", CHOICE, required=True, choices=GENDERS, width=10),
    Column(
        "date_of_birth",
        "Ngày sinh",
        DATE,
        required=True,
        width=12,
        note="dd/mm/yyyy; đủ 18 tuổi trở lên",
    ),
    Column("place_of_birth", "Nơi sinh", max_length=_max_length("place_of_birth")),
    Column("hometown", "Quê quán", width=24, max_length=_max_length("hometown")),
    Column("ethnicity", "Dân tộc", required=True, width=10, max_length=_max_length("ethnicity")),
    Column("religion", "Tôn giáo", width=10, max_length=_max_length("religion")),
    Column(
        "national_id",
        "Số CCCD",
        NATIONAL_ID,
        required=True,
        width=15,
        note="12 chữ số, định dạng Văn bản (Text) để giữ số 0 ở đầu; không trùng",
    ),
    Column("passport_number", "Số hộ chiếu", PASSPORT, width=13),
    Column("passport_expiry", "Ngày hết hạn hộ chiếu", DATE, width=12),
    Column(
        "agency",
        "Mã cơ quan",
        AGENCY,
        required=True,
        width=12,
        note="Mã cơ quan, đơn vị công tác (xem sheet “Danh mục”)",
    ),
    Column(
        "position_title",
        "Chức vụ hiện tại",
        required=True,
        width=24,
        max_length=_max_length("position_title"),
    ),
    Column("appointed_on", "Ngày bổ nhiệm", DATE, width=12),
    Column("party_position", "Chức vụ Đảng", max_length=_max_length("party_position")),
    Column(
        "concurrent_positions", "Chức vụ kiêm nhiệm", max_length=_max_length("concurrent_positions")
    ),
    Column(
        "management_category",
        "Diện quản lý",
        CHOICE,
        choices=MANAGEMENT_CATEGORIES,
        note="Để trống = Khác",
    ),
    Column(
        "position_level",
        "Cấp chức vụ",
        LEVEL,
        required=True,
        width=30,
        note="Tên hoặc mã cấp chức vụ (xem sheet “Danh mục”)",
    ),
    Column("planned_for", "Quy hoạch chức danh", max_length=_max_length("planned_for")),
    Column(
        "work_field",
        "Lĩnh vực công tác",
        WORK_FIELD,
        required=True,
        width=24,
        note="Tên hoặc mã lĩnh vực (xem sheet “Danh mục”)",
    ),
    Column(
        "uses_foreign_language",
        "Thường xuyên sử dụng ngoại ngữ trong công việc",
        BOOLEAN,
        choices=YES_NO,
        width=16,
        note="Có / Không (để trống = Không)",
    ),
    Column("party_joined_on", "Ngày vào Đảng", DATE, width=12),
    Column("party_official_on", "Ngày chính thức", DATE, width=12),
    Column("education", "Trình độ chuyên môn", width=24, max_length=_max_length("education")),
    Column("degree", "Học vị", CHOICE, choices=DEGREES, width=10),
    Column("academic_title", "Học hàm", CHOICE, choices=ACADEMIC_TITLES, width=10),
    Column("political_theory", "Lý luận chính trị", CHOICE, choices=POLITICAL_THEORY, width=12),
    Column("state_management", "Quản lý nhà nước", CHOICE, choices=STATE_MANAGEMENT, width=16),
    Column("language_1", "Ngoại ngữ 1", CHOICE, choices=LANGUAGES, width=12),
    Column(
        "level_1",
        "Trình độ ngoại ngữ 1",
        CHOICE,
        choices=LANGUAGE_LEVELS,
        width=10,
        note="A1–C2 theo khung CEFR hoặc Bậc 1–6",
    ),
    Column("language_2", "Ngoại ngữ 2", CHOICE, choices=LANGUAGES, width=12),
    Column("level_2", "Trình độ ngoại ngữ 2", CHOICE, choices=LANGUAGE_LEVELS, width=10),
    Column(
        "retirement_override",
        "Ngày nghỉ hưu (nếu khác quy định)",
        DATE,
        width=14,
        note="Chỉ điền khi được kéo dài thời gian công tác; để trống = tính theo quy định",
    ),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
DATE_FIELDS_AFTER_BIRTH = ("appointed_on", "party_joined_on", "party_official_on")
LANGUAGE_PAIRS = (("language_1", "level_1"), ("language_2", "level_2"))

EXAMPLE = {
    "full_name": "Nguyễn Văn An",
    "gender": "Nam",
    "date_of_birth": datetime.date(1975, 6, 15),
    "place_of_birth": "Xã Đông Anh, Thành phố Hà Nội",
    "hometown": "Xã Nghĩa Hưng, tỉnh Ninh Bình",
    "ethnicity": "Kinh",
    "religion": "Không",
    "national_id": "001075012345",
    "position_title": "Phó Vụ trưởng",
    "appointed_on": datetime.date(2021, 3, 1),
    "party_position": "Bí thư chi bộ",
    "management_category": "Khác",
    "uses_foreign_language": "Có",
    "party_joined_on": datetime.date(2000, 2, 3),
    "party_official_on": datetime.date(2001, 2, 3),
    "education": "Thạc sĩ Quản lý công",
    "degree": "Thạc sĩ",
    "political_theory": "Cao cấp",
    "state_management": "Chuyên viên chính",
    "language_1": "Tiếng Anh",
    "level_1": "B2",
}


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- Who may import into where -----------------------------------------------------------------


def user_may_import(user) -> bool:
    """Steering admins, and agency officers bound to an agency; nobody else."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role == Role.STEERING_ADMIN:
        return True
    return user.role == Role.AGENCY_OFFICER and user.agency_id is not None


def import_agencies(*, actor) -> list[Agency]:
    """Agencies the actor may import cadres into: those it sees, in tree order."""
    return list(
        Agency.objects.restrict(actor)
        .select_related("successor")
        .only("pk", "code", "name", "path", "is_active", "successor__code", "successor__name")
        .order_by("path")
    )


# --- Uploaded files ----------------------------------------------------------------------------


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


def stream_check(*, name: str, size: int, stream) -> list[ImportIssue]:
    """``upload_check``, then that the zip really holds a workbook; rewinds ``stream``."""
    stream.seek(0)
    issues = upload_check(name=name, size=size, head=stream.read(len(XLSX_MAGIC)))
    if not issues:
        try:
            stream.seek(0)
            with zipfile.ZipFile(stream) as archive:
                entries = archive.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            if "xl/workbook.xml" not in {entry.filename for entry in entries}:
                issues = [ImportIssue("file_not_xlsx")]
            elif unpacked > MAX_UNPACKED_SIZE:
                # A zip bomb, or a sheet whose decoding would not fit in the worker's memory.
                issues = [
                    ImportIssue(
                        "file_unpacked_too_large",
                        params={
                            "size": f"{unpacked / 1048576:.0f}",
                            "limit": f"{MAX_UNPACKED_SIZE / 1048576:.0f}",
                        },
                    )
                ]
        except zipfile.BadZipFile:
            issues = [ImportIssue("file_not_xlsx")]
    stream.seek(0)
    return issues


def file_check(path: Path) -> list[ImportIssue]:
    """All the checks of an upload, for a file on disk."""
    path = Path(path)
    with open(path, "rb") as stream:
        return stream_check(name=path.name, size=path.stat().st_size, stream=stream)


def import_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR


def upload_store(chunks) -> str:
    """Write an uploaded file under MEDIA_ROOT/imports/ with a random name; return its name.

    The stored name is ours, never the user's, so it cannot escape the directory; the directory
    is outside the web root and no URL serves it.
    """
    directory = import_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{uuid.uuid4().hex}.xlsx"
    descriptor = os.open(directory / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    return f"{IMPORT_DIR}/{name}"


def upload_path(stored: str) -> Path:
    """The absolute path of a stored upload, refusing anything outside the imports directory."""
    directory = import_dir().resolve()
    path = (Path(settings.MEDIA_ROOT) / stored).resolve()
    if path.parent != directory:
        raise ValueError(f"Not an import file: {stored}")
    return path


def upload_delete(stored: str) -> None:
    """Remove a stored upload once its job is finished (it holds personal data)."""
    if stored:
        upload_path(stored).unlink(missing_ok=True)


# --- Reading cells -----------------------------------------------------------------------------

_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NON_DIGITS = re.compile(r"[\s.\-]")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,16}$")


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


def _parse_date(raw: Any) -> datetime.date:
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


def _parse_national_id(raw: Any) -> str:
    text = cell_text(raw)
    digits = _NON_DIGITS.sub("", text)
    if len(digits) != 12 or not digits.isdigit():
        raise CellError("national_id_format", length=len(digits))
    return digits


def _parse_passport(raw: Any) -> str:
    text = cell_text(raw).replace(" ", "").upper()
    if not _PASSPORT.match(text):
        raise CellError("passport_format")
    return text


# --- Validation context ------------------------------------------------------------------------


@dataclass
class ImportContext:
    """Everything validation needs, fetched once per import."""

    actor: Any
    agencies: dict[str, Agency]
    levels: dict[str, PositionLevel]
    fields: dict[str, WorkField]
    roadmap: dict
    today: datetime.date
    choice_maps: dict[str, dict[str, Any]]

    @classmethod
    def build(cls, *, actor) -> "ImportContext":
        levels: dict[str, PositionLevel] = {}
        for level in PositionLevel.objects.all():
            for spelling in (level.name, level.short_name, level.code):
                if spelling:
                    levels[_key(spelling)] = level
        work_fields: dict[str, WorkField] = {}
        for work_field in WorkField.objects.all():
            work_fields[_key(work_field.name)] = work_field
            work_fields[_key(work_field.code)] = work_field
        return cls(
            actor=actor,
            agencies={agency.code.upper(): agency for agency in import_agencies(actor=actor)},
            levels=levels,
            fields=work_fields,
            roadmap=retirement_roadmap(),
            today=timezone.localdate(),
            choice_maps={c.name: c.choice_map() for c in COLUMNS if c.choices},
        )


def _age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


# --- Header ------------------------------------------------------------------------------------


@dataclass
class Header:
    """Where each template column sits in the file (0-based index into a row)."""

    positions: dict[str, int]  # column name → index
    unnamed: list[int]  # columns without a header: values there are an error
    row_number: int  # Excel row number of the header
    col_offset: int  # index of the sheet's first column (for letters)

    def __post_init__(self) -> None:
        #: (column, index) of the template columns present, in template order: one loop per row.
        self.plan = [(c, self.positions[c.name]) for c in COLUMNS if c.name in self.positions]
        #: Optional template columns the file leaves out: read as empty.
        self.absent = [c.name for c in COLUMNS if c.name not in self.positions]

    def letter(self, index: int) -> str:
        return column_letter(self.col_offset + index)


def header_read(cells: list[Any], *, row_number: int, col_offset: int) -> tuple[Header, list]:
    """Match the header row to the template, tolerating case, accents, spaces and punctuation."""
    issues: list[ImportIssue] = []
    positions: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    unnamed: list[int] = []
    for index, raw in enumerate(cells):
        text = cell_text(raw)
        if not text:
            unnamed.append(index)
            continue
        column = COLUMNS_BY_KEY.get(_key(text))
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
    missing = [column for column in COLUMNS if column.name not in positions]
    template_index = {column.name: i for i, column in enumerate(COLUMNS)}
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
    header = Header(positions, unnamed, row_number, col_offset)
    return header, issues


def _renamed_column(text, index, missing, template_index) -> Column | None:
    """The missing column an unknown header most likely stands for, if any."""
    best, best_ratio = None, 0.0
    for column in missing:
        ratio = difflib.SequenceMatcher(None, _key(text), column.key).ratio()
        if template_index[column.name] == index:
            ratio += 0.15  # where the template puts that column: more likely a renamed header
        if ratio > best_ratio:
            best, best_ratio = column, ratio
    # Unrelated headers score about 0.5 ("Ghi chú" / "Ngày chính thức"), renamed ones higher
    # ("Họ tên" / "Họ và tên" 0.83, "Ngày tháng năm sinh" / "Ngày sinh" 0.67).
    return best if best_ratio >= 0.65 else None


# --- Sheet -------------------------------------------------------------------------------------


@dataclass
class Sheet:
    """The first worksheet of a workbook and its header; rows are streamed, as often as needed.

    calamine decodes the worksheet once into a compact native table; each pass turns one row at
    a time into Python objects, so Python memory does not grow with the file.
    """

    header: Header
    estimated_rows: int
    worksheet: Any

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(Excel row number, cells) of every row below the header, blank rows included."""
        # iter_rows() counts rows from the top of the sheet, columns from the first used one.
        for row_number, cells in enumerate(self.worksheet.iter_rows(), start=1):
            if row_number > self.header.row_number:
                yield row_number, cells


def sheet_open(path: Path) -> tuple[Sheet | None, list[ImportIssue]]:
    """Open a workbook and read its header; ``None`` and the reasons when it cannot be read."""
    issues = file_check(path)
    if issues:
        return None, issues
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            worksheet = workbook.get_sheet_by_index(0)
    except (CalamineError, OSError, ValueError):
        return None, [ImportIssue("file_unreadable")]
    if worksheet.start is None:
        return None, [ImportIssue("sheet_empty")]
    for row_number, cells in enumerate(worksheet.iter_rows(), start=1):
        if any(cell_text(cell) for cell in cells):
            header, issues = header_read(
                cells, row_number=row_number, col_offset=worksheet.start[1]
            )
            estimated = max(0, worksheet.end[0] + 1 - row_number)
            return Sheet(header, estimated, worksheet), issues
    return None, [ImportIssue("sheet_empty")]  # pragma: no cover - calamine gave start=None


# --- Rows --------------------------------------------------------------------------------------


@dataclass
class CleanRow:
    fields: dict[str, Any]
    languages: list[tuple[str, str]]


def _is_blank(raw: Any) -> bool:
    return raw is None or raw == "" or (isinstance(raw, str) and not raw.strip())


def _is_example(cells: list[Any], header: Header) -> bool:
    """The template's grey example row, left in by the user: skipped, never imported."""
    id_index = header.positions.get("national_id")
    name_index = header.positions.get("full_name")
    if id_index is None or name_index is None:
        return False
    return (
        cell_text(cells[id_index]) == EXAMPLE["national_id"]
        and cell_text(cells[name_index]) == EXAMPLE["full_name"]
    )


def row_clean(
    cells: list[Any],
    row_number: int,
    header: Header,
    context: ImportContext,
    *,
    cross_checks: bool = True,
) -> tuple[CleanRow, list[ImportIssue]]:
    """Read one row into model values; return every problem of the row (not just the first).

    ``cross_checks`` adds the checks involving several cells (ages, date order, languages); the
    insert pass leaves them out, the validation pass having passed them already.
    """
    values: dict[str, Any] = dict.fromkeys(header.absent)
    issues: list[ImportIssue] = []

    def fail(column: Column, raw: Any, code: str, **params: Any) -> None:
        index = header.positions.get(column.name)
        issues.append(
            ImportIssue(
                code,
                row=row_number,
                header=column.header,
                letter=header.letter(index) if index is not None else "",
                value=cell_text(raw)[:200],
                params=params,
            )
        )

    for column, index in header.plan:
        raw = cells[index]
        if _is_blank(raw):
            if column.required:
                fail(column, raw, "required")
            values[column.name] = None
            continue
        try:
            values[column.name] = _clean_cell(column, raw, context)
        except CellError as error:
            fail(column, raw, error.code, **error.params)
            values[column.name] = None
    if cross_checks:
        _check_row(values, cells, header, context, fail)
        for index in header.unnamed:
            if cell_text(cells[index]):
                issues.append(
                    ImportIssue(
                        "column_no_header",
                        row=row_number,
                        letter=header.letter(index),
                        value=cell_text(cells[index])[:200],
                    )
                )
    return _to_model_values(values), issues


_MISSING = object()


def _clean_cell(column: Column, raw: Any, context: ImportContext) -> Any:
    kind = column.kind
    if kind == TEXT:
        text = cell_text(raw)
        if column.max_length and len(text) > column.max_length:
            raise CellError("too_long", max=column.max_length, length=len(text))
        return text
    if kind == DATE:
        return _parse_date(raw)
    if kind in (CHOICE, BOOLEAN):
        if isinstance(raw, bool) and kind == BOOLEAN:
            return raw
        value = context.choice_maps[column.name].get(_key(cell_text(raw)), _MISSING)
        if value is _MISSING:
            raise CellError("choice", allowed=", ".join(column.labels))
        return value
    if kind == NATIONAL_ID:
        return _parse_national_id(raw)
    if kind == PASSPORT:
        return _parse_passport(raw)
    if kind == AGENCY:
        return _clean_agency(raw, context)
    if kind == LEVEL:
        level = context.levels.get(_key(cell_text(raw)))
        if level is None:
            raise CellError("level_unknown")
        return level
    if kind == WORK_FIELD:
        work_field = context.fields.get(_key(cell_text(raw)))
        if work_field is None:
            raise CellError("field_unknown")
        return work_field
    raise AssertionError(f"Unknown column kind {kind}")  # pragma: no cover


def _clean_agency(raw: Any, context: ImportContext) -> Agency:
    # Outside the actor's scope reads exactly like unknown: an officer learns nothing new.
    agency = context.agencies.get(cell_text(raw).upper())
    if agency is None:
        raise CellError("agency_unknown")
    if agency.successor_id:
        raise CellError(
            "agency_merged", successor=agency.successor.name, successor_code=agency.successor.code
        )
    if not agency.is_active:
        raise CellError("agency_inactive")
    return agency


def _check_row(values, cells, header: Header, context: ImportContext, fail) -> None:
    """Checks that involve several cells of the row."""

    def raw(name: str) -> Any:
        index = header.positions.get(name)
        return cells[index] if index is not None else ""

    def check(name: str, code: str, **params: Any) -> None:
        fail(COLUMNS_BY_NAME[name], raw(name), code, **params)

    birth = values.get("date_of_birth")
    if birth is not None:
        age = _age_on(birth, context.today)
        if birth > context.today:
            check("date_of_birth", "date_future")
        elif age < MIN_AGE:
            check("date_of_birth", "too_young", age=age, min_age=MIN_AGE)
    for name in DATE_FIELDS_AFTER_BIRTH:
        value = values.get(name)
        if value is not None and value > context.today:
            check(name, "date_future")
        elif value is not None and birth is not None and value < birth:
            check(name, "date_before_birth")
    override = values.get("retirement_override")
    if override is not None and birth is not None and override < birth:
        check("retirement_override", "date_before_birth")
    joined, official = values.get("party_joined_on"), values.get("party_official_on")
    if joined and official and official < joined:
        check("party_official_on", "party_dates_order")
    seen_languages = set()
    for language_name, level_name in LANGUAGE_PAIRS:
        language_text, level_text = cell_text(raw(language_name)), cell_text(raw(level_name))
        if language_text and not level_text:
            target = level_name if level_name in header.positions else language_name
            check(target, "language_without_level", language=language_text)
        elif level_text and not language_text:
            target = language_name if language_name in header.positions else level_name
            check(target, "level_without_language", header=COLUMNS_BY_NAME[language_name].header)
        language = values.get(language_name)
        if language and language in seen_languages:
            check(language_name, "language_twice")
        seen_languages.add(language)


_NON_FIELD_NAMES = {"language_1", "level_1", "language_2", "level_2"}
_CHAR_FIELDS = {
    c.name
    for c in COLUMNS
    if c.kind in (TEXT, CHOICE, PASSPORT, NATIONAL_ID) and c.name not in _NON_FIELD_NAMES
}


def _to_model_values(values: dict[str, Any]) -> CleanRow:
    fields = {}
    for name, value in values.items():
        if name in _NON_FIELD_NAMES:
            continue
        if value is None:
            if name in _CHAR_FIELDS:
                value = ""
            elif name == "uses_foreign_language":
                value = False
        fields[name] = value
    if not fields.get("management_category"):
        fields["management_category"] = "OTHER"
    languages = [
        (values[language], values[level])
        for language, level in LANGUAGE_PAIRS
        if values.get(language) and values.get(level)
    ]
    return CleanRow(fields, languages)


# --- The two passes ----------------------------------------------------------------------------


@dataclass
class ImportOutcome:
    """What an import did (or, when ``issues`` is not empty, why it did nothing)."""

    rows: int = 0
    created: int = 0
    languages: int = 0
    skipped_example: bool = False
    issues: list[ImportIssue] = field(default_factory=list)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return self.error_count == 0


class _IssueList:
    """Errors kept up to ``limit`` (all of them are counted), sorted by row and column."""

    def __init__(self, limit: int | None):
        self.limit = limit
        self.items: list[ImportIssue] = []
        self.count = 0

    def extend(self, issues: list[ImportIssue]) -> None:
        for issue in issues:
            self.count += 1
            if self.limit is None or len(self.items) < self.limit:
                self.items.append(issue)

    def result(self) -> list[ImportIssue]:
        order = {column.header: i for i, column in enumerate(COLUMNS)}
        items = sorted(
            self.items, key=lambda i: (i.row or 0, order.get(i.header, len(order)), i.letter)
        )
        hidden = self.count - len(items)
        if hidden:
            items.append(ImportIssue("more_errors", params={"count": hidden}))
        return items


def cadre_import_validate(
    sheet: Sheet,
    *,
    context: ImportContext,
    progress: ProgressCallback | None = None,
    max_errors: int | None = None,
) -> ImportOutcome:
    """First pass: check every row; keep only errors, counts and the file's citizen IDs."""
    outcome = ImportOutcome()
    errors = _IssueList(max_errors)
    first_row_of_id: dict[str, int] = {}
    pending: dict[str, int] = {}  # citizen IDs of this chunk not yet checked against the registry
    id_column = COLUMNS_BY_NAME["national_id"]
    id_letter = sheet.header.letter(sheet.header.positions["national_id"])

    def id_issue(code: str, national_id: str, row: int, **params: Any) -> ImportIssue:
        return ImportIssue(
            code,
            row=row,
            header=id_column.header,
            letter=id_letter,
            value=national_id,
            params=params,
        )

    def check_registry() -> None:
        # A uniqueness check, not a read: it must see every cadre, in any agency.
        existing = Cadre.objects.filter(national_id__in=list(pending)).values_list(
            "national_id", flat=True
        )
        errors.extend([id_issue("national_id_in_registry", nid, pending[nid]) for nid in existing])
        pending.clear()

    for row_number, cells in sheet.data_rows():
        if not any(cell_text(cell) for cell in cells):
            continue
        if _is_example(cells, sheet.header):
            outcome.skipped_example = True
            continue
        outcome.rows += 1
        clean, row_issues = row_clean(cells, row_number, sheet.header, context)
        national_id = clean.fields.get("national_id")
        if national_id and national_id in first_row_of_id:
            row_issues.append(
                id_issue(
                    "national_id_in_file",
                    national_id,
                    row_number,
                    other_row=first_row_of_id[national_id],
                )
            )
        elif national_id:
            first_row_of_id[national_id] = pending[national_id] = row_number
        errors.extend(row_issues)
        if len(pending) >= BATCH_SIZE:
            check_registry()
        if progress and outcome.rows % PROGRESS_EVERY == 0:
            progress(VALIDATING, outcome.rows, max(sheet.estimated_rows, outcome.rows))
    if pending:
        check_registry()
    if outcome.rows == 0 and not errors.count:
        errors.extend([ImportIssue("no_rows")])
    outcome.issues = errors.result()
    outcome.error_count = errors.count
    if progress:
        progress(VALIDATING, outcome.rows, outcome.rows)
    return outcome


def _insert_batch(cadres: list[Cadre], languages: list[tuple[int, str, str]]) -> int:
    """Insert one batch of cadres and their languages; return the number of language rows."""
    Cadre.objects.bulk_create(cadres)
    if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover - old DBs
        ids = dict(
            Cadre.objects.filter(national_id__in=[c.national_id for c in cadres]).values_list(
                "national_id", "pk"
            )
        )
        for cadre in cadres:
            cadre.pk = ids[cadre.national_id]
    skills = [
        LanguageSkill(cadre_id=cadres[position].pk, language=language, level=level)
        for position, language, level in languages
    ]
    LanguageSkill.objects.bulk_create(skills)
    return len(skills)


def cadre_import_apply(
    sheet: Sheet,
    *,
    context: ImportContext,
    expected_rows: int,
    progress: ProgressCallback | None = None,
) -> tuple[int, int]:
    """Second pass: build and insert the validated cadres in batches; return the counts.

    Must run inside ``transaction.atomic`` (``cadre_import`` does): any exception, or the
    process being killed, leaves none of the batches behind.
    """
    created = languages_created = 0
    batch: list[Cadre] = []
    batch_languages: list[tuple[int, str, str]] = []
    for row_number, cells in sheet.data_rows():
        if not any(cell_text(cell) for cell in cells) or _is_example(cells, sheet.header):
            continue
        clean, row_issues = row_clean(cells, row_number, sheet.header, context, cross_checks=False)
        if row_issues:  # pragma: no cover - the validation pass read the same cells
            raise RuntimeError(f"Row {row_number} changed between the two passes")
        cadre = Cadre(**clean.fields)
        cadre_fill_derived(cadre, roadmap=context.roadmap)
        batch_languages.extend((len(batch), lang, level) for lang, level in clean.languages)
        batch.append(cadre)
        if len(batch) >= BATCH_SIZE:
            languages_created += _insert_batch(batch, batch_languages)
            created += len(batch)
            batch, batch_languages = [], []
            if progress:
                progress(IMPORTING, created, expected_rows)
    if batch:
        languages_created += _insert_batch(batch, batch_languages)
        created += len(batch)
    if progress:
        progress(IMPORTING, created, expected_rows)
    return created, languages_created


def cadre_import(
    *,
    actor,
    path: Path,
    file_name: str = "",
    progress: ProgressCallback | None = None,
    max_errors: int | None = None,
    before_commit: Callable[[ImportOutcome], None] | None = None,
) -> ImportOutcome:
    """Import the cadres of an .xlsx file, all or nothing, and record an audit entry.

    Raises PermissionDenied unless the actor may import; returns the outcome otherwise; when it
    has errors nothing was written. ``before_commit`` runs inside
    the import's transaction (a job marks itself done there, so it can never say "imported"
    about rows that were rolled back, nor the reverse).
    """
    if not user_may_import(actor):
        raise PermissionDenied
    sheet, issues = sheet_open(path)
    if sheet is None:
        return ImportOutcome(issues=issues, error_count=len(issues))
    if issues:
        # Columns that do not match would put every value in the wrong field.
        return ImportOutcome(
            issues=[*issues, ImportIssue("rows_not_checked")], error_count=len(issues)
        )
    context = ImportContext.build(actor=actor)
    outcome = cadre_import_validate(
        sheet, context=context, progress=progress, max_errors=max_errors
    )
    if not outcome.ok:
        return outcome
    if progress:
        progress(IMPORTING, 0, outcome.rows)  # before the transaction: a caller may record it
    try:
        with transaction.atomic():
            outcome.created, outcome.languages = cadre_import_apply(
                sheet, context=context, expected_rows=outcome.rows, progress=progress
            )
            audit_record(
                actor=actor,
                action="cadres.import",
                detail={
                    "file": file_name or Path(path).name,
                    "rows": outcome.rows,
                    "created": outcome.created,
                    "languages": outcome.languages,
                },
            )
            if before_commit is not None:
                before_commit(outcome)
    except IntegrityError:
        # Someone added a cadre with one of the file's citizen IDs after validation.
        outcome.created = outcome.languages = 0
        outcome.issues = [ImportIssue("registry_changed")]
        outcome.error_count = 1
    return outcome


# --- The template ------------------------------------------------------------------------------

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

    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    data = workbook.add_worksheet(SHEET_NAME)
    guide = workbook.add_worksheet("Hướng dẫn")
    lists = workbook.add_worksheet(LISTS_SHEET)
    head = {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"}
    header_format = workbook.add_format(head)
    required_format = workbook.add_format({**head, "font_color": "#C00000"})
    bold = workbook.add_format({"bold": True})
    example = {"italic": True, "font_color": "#808080"}
    formats = {
        DATE: workbook.add_format({"num_format": "dd/mm/yyyy"}),
        NATIONAL_ID: workbook.add_format({"num_format": "@"}),
        PASSPORT: workbook.add_format({"num_format": "@"}),
    }
    example_formats = {
        kind: workbook.add_format({**example, "num_format": fmt})
        for kind, fmt in ((DATE, "dd/mm/yyyy"), (NATIONAL_ID, "@"), (PASSPORT, "@"))
    }
    example_text = workbook.add_format(example)

    list_ranges = _write_lists(lists, bold, agencies, levels, work_fields)
    example_values = {
        **EXAMPLE,
        "agency": agencies[0].code if agencies else "",
        "position_level": _example_level(levels),
        "work_field": work_fields[0].name if work_fields else "",
    }
    for col, column in enumerate(COLUMNS):
        data.set_column(col, col, column.width, formats.get(column.kind))
        data.write(0, col, column.header, required_format if column.required else header_format)
        note = column.note or ("Bắt buộc" if column.required else "")
        if note:
            data.write_comment(0, col, note, {"x_scale": 1.5})
        value = example_values.get(column.name, "")
        cell_format = example_formats.get(column.kind, example_text)
        if isinstance(value, datetime.date):
            data.write_datetime(
                1, col, datetime.datetime.combine(value, datetime.time()), cell_format
            )
        else:
            data.write_string(1, col, str(value), cell_format)
        source = list_ranges.get(column.name)
        if source is None and column.choices:
            source = column.labels
        if source:
            data.data_validation(
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
    data.freeze_panes(1, 0)
    data.set_row(0, 45)

    guide.set_column(0, 0, 110)
    for row, line in enumerate(INSTRUCTIONS):
        guide.write(row, 0, line, bold if row == 0 else None)
    workbook.close()


def _example_level(levels: list[PositionLevel]) -> str:
    for level in levels:
        if level.code == "DEPARTMENT_CENTRAL":
            return str(level)
    return str(levels[0]) if levels else ""


def _write_lists(sheet, bold, agencies, levels, work_fields) -> dict[str, str]:
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
            sheet.set_column(first_col + offset, first_col + offset, width)
        sheet.write_row(0, first_col, titles, bold)
        for row, values in enumerate(rows, start=1):
            sheet.write_row(row, first_col, values)
        letter = column_letter(first_col)
        ranges[name] = f"='{LISTS_SHEET}'!${letter}$2:${letter}${max(len(rows), 1) + 1}"
        first_col += len(titles) + 1
    return ranges
