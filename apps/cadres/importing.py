"""Excel import of cadres: the template's columns, reading and checking a row, writing cadres.

The generic half — file checks, reading, header matching, per-row issues, the two passes in one
transaction, the background job — is ``apps.core.importing``; this module declares the cadre
import on it (``CADRE_IMPORTER``): the columns, the cadre-specific cells (citizen ID, passport,
agency, position level, field of work), the checks across cells of a row (ages, date order,
languages) and across rows (citizen IDs unique in the file and in the registry), and how a
batch of cadres and their languages is inserted.

The column headers and the lists of allowed values are Vietnamese because they are the file
format users fill in (like a document template); messages about a file are English source text
translated by the catalogue.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy

from apps.agencies.models import Agency
from apps.core.importing import (
    BOOLEAN,
    CHOICE,
    DATE,
    TEXT,
    CellError,
    Column,
    FileChecks,
    Importer,
    ImportIssue,
    ImportOutcome,
    ProgressCallback,
    cell_text,
    import_run,
    key,
    register_importer,
)
from apps.core.importing.headers import Header
from apps.core.permissions import may
from apps.programme.models import PositionLevel, WorkField

from .models import Cadre, ImportJob, LanguageSkill
from .permissions import IMPORT_CADRES
from .services import cadre_fill_derived, language_use_record, retirement_roadmap

SHEET_NAME = "Cán bộ"
MIN_AGE = 18

MESSAGES = {
    "no_cadres": gettext_lazy(
        "The file has the header row but no cadres: fill in one cadre per row below the header."
    ),
    "too_young": gettext_lazy(
        "With the date of birth %(value)s the person is %(age)s years old; a cadre must be at "
        "least %(min_age)s."
    ),
    "national_id_format": gettext_lazy(
        "The citizen ID number must have exactly 12 digits; “%(value)s” has %(length)s. If "
        "Excel dropped the leading zeros, format the column as Text and type the number again."
    ),
    "national_id_in_file": gettext_lazy(
        "The citizen ID number %(value)s is already used in row %(other_row)s of this file."
    ),
    "dossier_code_in_file": gettext_lazy(
        "The dossier code %(value)s is already used in row %(other_row)s of this file."
    ),
    "dossier_code_in_registry": gettext_lazy(
        "A cadre with the dossier code %(value)s is already in the registry."
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
    "registry_changed": gettext_lazy(
        "While the file was being imported another user added a cadre with one of its citizen "
        "ID numbers. Nothing was imported; upload the file again to see which row."
    ),
}

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
    # last, so the letters of the columns before it stay those of earlier templates
    Column(
        "dossier_code",
        "Mã định danh hồ sơ",
        width=16,
        max_length=_max_length("dossier_code"),
        note="Mã hồ sơ trong Cơ sở dữ liệu quốc gia về cán bộ (nếu có); không trùng",
    ),
)
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


# --- Who may import into where -----------------------------------------------------------------


def user_may_import(user) -> bool:
    """Steering admins, and agency officers bound to an agency; nobody else (the policy)."""
    return may(user, IMPORT_CADRES)


def import_agencies(*, actor) -> list[Agency]:
    """Agencies the actor may import cadres into: those it sees, in tree order."""
    return list(
        Agency.objects.restrict(actor)
        .select_related("successor")
        .only("pk", "code", "name", "path", "is_active", "successor__code", "successor__name")
        .order_by("path")
    )


# --- Cadre cells -------------------------------------------------------------------------------

_NON_DIGITS = re.compile(r"[\s.\-]")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,16}$")


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


@dataclass
class ImportContext:
    """Everything validation needs, fetched once per import."""

    actor: Any
    agencies: dict[str, Agency]
    levels: dict[str, PositionLevel]
    fields: dict[str, WorkField]
    roadmap: dict
    today: datetime.date

    @classmethod
    def build(cls, *, actor) -> "ImportContext":
        levels: dict[str, PositionLevel] = {}
        for level in PositionLevel.objects.all():
            for spelling in (level.name, level.short_name, level.code):
                if spelling:
                    levels[key(spelling)] = level
        work_fields: dict[str, WorkField] = {}
        for work_field in WorkField.objects.all():
            work_fields[key(work_field.name)] = work_field
            work_fields[key(work_field.code)] = work_field
        return cls(
            actor=actor,
            agencies={agency.code.upper(): agency for agency in import_agencies(actor=actor)},
            levels=levels,
            fields=work_fields,
            roadmap=retirement_roadmap(),
            today=timezone.localdate(),
        )


def _age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


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


@dataclass
class CleanRow:
    fields: dict[str, Any]
    languages: list[tuple[str, str]]


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


class _UniqueChecks(FileChecks):
    """Citizen IDs, and dossier codes where given, unique in the file and not yet in the
    registry (checked by chunk)."""

    FIELDS = ("national_id", "dossier_code")

    def __init__(self, header: Header):
        self.columns = {name: COLUMNS_BY_NAME[name] for name in self.FIELDS}
        self.letters = {
            name: header.letter(header.positions[name])
            for name in self.FIELDS
            if name in header.positions
        }
        self.first_row: dict[str, dict[str, int]] = {name: {} for name in self.FIELDS}
        # values of this chunk not yet checked in the registry
        self.pending: dict[str, dict[str, int]] = {name: {} for name in self.FIELDS}

    def issue(self, code: str, name: str, value: str, row: int, **params: Any) -> ImportIssue:
        return ImportIssue(
            code,
            row=row,
            header=self.columns[name].header,
            letter=self.letters.get(name, ""),
            value=value,
            params=params,
        )

    def row(self, clean: CleanRow, row_number: int) -> list[ImportIssue]:
        issues = []
        for name in self.FIELDS:
            value = clean.fields.get(name)
            if value and value in self.first_row[name]:
                issues.append(
                    self.issue(
                        f"{name}_in_file",
                        name,
                        value,
                        row_number,
                        other_row=self.first_row[name][value],
                    )
                )
            elif value:
                self.first_row[name][value] = self.pending[name][value] = row_number
        if len(self.pending["national_id"]) >= CADRE_IMPORTER.batch_size:
            issues.extend(self.check_registry())
        return issues

    def end(self) -> list[ImportIssue]:
        return self.check_registry()

    def check_registry(self) -> list[ImportIssue]:
        # A uniqueness check, not a read: it must see every cadre, in any agency.
        issues = []
        for name in self.FIELDS:
            pending = self.pending[name]
            if not pending:
                continue
            existing = Cadre.objects.filter(**{f"{name}__in": list(pending)}).values_list(
                name, flat=True
            )
            issues += [
                self.issue(f"{name}_in_registry", name, value, pending[value]) for value in existing
            ]
            pending.clear()
        return issues


class CadreImporter(Importer):
    """The cadre registry's Excel import (the template ``import_template_write`` writes)."""

    kind = "cadres"
    columns = COLUMNS
    audit_action = "cadres.import"
    job_model = ImportJob
    no_rows_code = "no_cadres"
    not_allowed_code = "not_allowed"
    conflict_code = "registry_changed"

    def may_import(self, actor) -> bool:
        return user_may_import(actor)

    def build_context(self, *, actor) -> ImportContext:
        return ImportContext.build(actor=actor)

    def clean_cell(self, column: Column, raw: Any, context: ImportContext) -> Any:
        kind = column.kind
        if kind == NATIONAL_ID:
            return _parse_national_id(raw)
        if kind == PASSPORT:
            return _parse_passport(raw)
        if kind == AGENCY:
            return _clean_agency(raw, context)
        if kind == LEVEL:
            level = context.levels.get(key(cell_text(raw)))
            if level is None:
                raise CellError("level_unknown")
            return level
        if kind == WORK_FIELD:
            work_field = context.fields.get(key(cell_text(raw)))
            if work_field is None:
                raise CellError("field_unknown")
            return work_field
        return super().clean_cell(column, raw, context)

    def check_row(self, values, cells, header: Header, context: ImportContext, fail) -> None:
        _check_row(values, cells, header, context, fail)

    def row_result(self, values: dict[str, Any]) -> CleanRow:
        return _to_model_values(values)

    def is_skipped(self, cells: list[Any], header: Header) -> bool:
        return _is_example(cells, header)

    def file_checks(self, context: ImportContext, header: Header) -> FileChecks:
        return _UniqueChecks(header)

    def build(self, clean: CleanRow, context: ImportContext) -> tuple[Cadre, list]:
        cadre = Cadre(**clean.fields)
        cadre_fill_derived(cadre, roadmap=context.roadmap)
        language_use_record(cadre, actor=context.actor, was=False)
        return cadre, clean.languages

    def write_batch(self, records: list, context: ImportContext) -> dict[str, int]:
        cadres = [cadre for cadre, _languages in records]
        languages = [
            (position, language, level)
            for position, (_cadre, pairs) in enumerate(records)
            for language, level in pairs
        ]
        return {"languages": _insert_batch(cadres, languages)}


CADRE_IMPORTER = register_importer(CadreImporter(), messages=MESSAGES)


def cadre_import(
    *,
    actor,
    path: Path,
    file_name: str = "",
    progress: ProgressCallback | None = None,
    max_errors: int | None = None,
    before_commit=None,
) -> ImportOutcome:
    """Import the cadres of an .xlsx file, all or nothing (see ``import_run``)."""
    return import_run(
        CADRE_IMPORTER,
        actor=actor,
        path=path,
        file_name=file_name,
        progress=progress,
        max_errors=max_errors,
        before_commit=before_commit,
    )
