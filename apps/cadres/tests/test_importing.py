"""The Excel import: template, file and header checks, row validation, all-or-nothing apply."""

import datetime
import io
import zipfile

import openpyxl
import pytest
import xlsxwriter
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from apps.agencies.services import agency_merge
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres import importing
from apps.cadres.import_template import import_template_write
from apps.cadres.importing import CADRE_IMPORTER, COLUMNS, COLUMNS_BY_NAME, cadre_import
from apps.cadres.models import Cadre, LanguageSkill
from apps.cadres.tests.factories import CadreFactory, _field, _level
from apps.core import importing as pipeline
from apps.core.importing import limits
from apps.core.models import AuditEntry
from apps.core.roles import Role
from apps.core.tests.factories import UserFactory

HEADERS = [column.header for column in COLUMNS]


def cadre_row(n: int = 1, **changes) -> dict:
    """A valid row, keyed by column name; ``changes`` override or add cells."""
    row = {
        "full_name": f"Trần Thị Bình {n}",
        "gender": "Nữ",
        "date_of_birth": "12/03/1980",
        "ethnicity": "Kinh",
        "national_id": f"{1180000000 + n:012d}",
        "agency": "BTEST",
        "position_title": "Vụ trưởng",
        "position_level": "DEPARTMENT_CENTRAL",
        "work_field": "TCCB",
    }
    row.update(changes)
    return row


def write_xlsx(path, rows, headers=None):
    """An .xlsx with ``headers`` (default: the template's) and ``rows`` (dicts by column name).

    Dates become real Excel dates, numbers numbers, strings text: as a user's file would.
    """
    headers = HEADERS if headers is None else headers
    by_header = {column.header: column.name for column in COLUMNS}
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        for c, header in enumerate(headers):
            value = row.get(by_header.get(header, header), "")
            if isinstance(value, datetime.date):
                moment = datetime.datetime.combine(value, datetime.time())
                sheet.write_datetime(r, c, moment, date_format)
            elif isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            elif value != "":
                sheet.write_string(r, c, value)
    workbook.close()
    return path


@pytest.fixture(autouse=True)
def english():
    """Assertions read the English source; the Vietnamese catalogue must not change them."""
    with translation.override("en"):
        yield


@pytest.fixture
def lookups(ministry, ministry_unit):
    return {"level": _level("DEPARTMENT_CENTRAL"), "field": _field("TCCB")}


@pytest.fixture
def xlsx(tmp_path, lookups):
    """Write rows (and optionally headers) to a fresh .xlsx and return its path."""
    counter = iter(range(1000))

    def make(rows, headers=None):
        return write_xlsx(tmp_path / f"file{next(counter)}.xlsx", rows, headers)

    return make


def codes(outcome) -> list[str]:
    return [issue.code for issue in outcome.issues]


def only_issue(outcome):
    assert outcome.created == 0
    assert len(outcome.issues) == 1, [issue.describe() for issue in outcome.issues]
    return outcome.issues[0]


# --- Valid files -------------------------------------------------------------------------------


def test_it_imports_valid_rows_with_derived_fields_and_languages(steering_admin, xlsx):
    path = xlsx(
        [
            cadre_row(1, full_name="Nguyễn  Văn   Đức", gender="Nam", date_of_birth="05/07/1966"),
            cadre_row(
                2,
                agency="btest_v1",
                language_1="anh",
                level_1="Bậc 4",
                language_2="Tiếng Pháp",
                level_2="b1",
                uses_foreign_language="Có",
                degree="Thạc sỹ",
                political_theory="cao cap",
                management_category="Ban Bí thư quản lý",
            ),
        ]
    )
    outcome = cadre_import(actor=steering_admin, path=path)
    assert outcome.ok
    assert outcome.created == 2
    assert outcome.related == {"languages": 2}
    duc = Cadre.objects.get(national_id="001180000001")
    assert duc.full_name == "Nguyễn Văn Đức"
    assert duc.search_key == "nguyen van duc"
    assert duc.expected_retirement == datetime.date(2028, 7, 31)  # 62 y, 2028 rule
    assert duc.management_category == "OTHER"
    assert duc.uses_foreign_language is False
    binh = Cadre.objects.get(national_id="001180000002")
    assert binh.agency.code == "BTEST_V1"
    assert binh.gender == "F"
    assert binh.uses_foreign_language is True
    assert (binh.degree, binh.political_theory, binh.management_category) == (
        "ThS",
        "cao_cap",
        "BBT",
    )
    assert set(binh.languages.values_list("language", "level")) == {("en", "B2"), ("fr", "B1")}


def test_it_accepts_excel_dates_and_text_dates(steering_admin, xlsx):
    path = xlsx(
        [
            cadre_row(1, date_of_birth=datetime.date(1979, 7, 5)),
            cadre_row(2, date_of_birth="5/7/1979"),
            cadre_row(3, date_of_birth="05.07.1979"),
            cadre_row(4, date_of_birth="1979-07-05"),
        ]
    )
    assert cadre_import(actor=steering_admin, path=path).created == 4
    assert set(Cadre.objects.values_list("date_of_birth", flat=True)) == {datetime.date(1979, 7, 5)}


def test_it_keeps_citizen_ids_as_text_with_leading_zeros(steering_admin, xlsx):
    path = xlsx([cadre_row(1, national_id="001 080 000 123")])
    cadre_import(actor=steering_admin, path=path)
    assert Cadre.objects.get().national_id == "001080000123"


def test_it_records_an_audit_entry_with_counts(steering_admin, xlsx):
    path = xlsx([cadre_row(1, language_1="Tiếng Anh", level_1="C1"), cadre_row(2)])
    cadre_import(actor=steering_admin, path=path, file_name="danh-sach.xlsx")
    entry = AuditEntry.objects.get(action="cadres.import")
    assert entry.actor == steering_admin
    assert entry.detail == {"file": "danh-sach.xlsx", "rows": 2, "created": 2, "languages": 1}


def test_it_matches_headers_ignoring_case_accents_and_spaces(steering_admin, xlsx):
    headers = ["  HO VA TEN ", "giới  tính", "NGÀY SINH", "dan toc", "Số CCCD (*)", "mã cơ quan"]
    headers += ["Chuc vu hien tai", "CẤP CHỨC VỤ", "lĩnh vực công tác"]
    row = dict(zip(headers, cadre_row().values(), strict=True))
    outcome = cadre_import(actor=steering_admin, path=xlsx([row], headers))
    assert outcome.ok
    assert outcome.created == 1


def test_optional_columns_may_be_left_out(steering_admin, xlsx):
    required = [column.header for column in COLUMNS if column.required]
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row()], required))
    assert outcome.created == 1


def test_it_skips_blank_rows_and_reports_excel_row_numbers(steering_admin, xlsx):
    path = xlsx([cadre_row(1), {}, cadre_row(2, gender="?")])
    issue = only_issue(cadre_import(actor=steering_admin, path=path))
    assert (issue.row, issue.letter, issue.header) == (4, "C", "Giới tính")


def test_it_accepts_level_and_field_by_name(reference_data, steering_admin, tmp_path):
    row = cadre_row(
        agency="hni",
        position_level="Lãnh đạo cấp sở và tương đương trở lên ở địa phương",
        work_field="to chuc, can bo",
    )
    outcome = cadre_import(actor=steering_admin, path=write_xlsx(tmp_path / "a.xlsx", [row]))
    assert outcome.ok, [issue.describe() for issue in outcome.issues]
    cadre = Cadre.objects.get()
    assert (cadre.agency.code, cadre.position_level.code, cadre.work_field.code) == (
        "HNI",
        "DEPARTMENT_LOCAL",
        "TCCB",
    )


def test_the_number_of_queries_does_not_grow_with_the_rows(steering_admin, xlsx):
    """Lookups are fetched once and rows go in by batch (up to SQLite's parameter limit)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for first, size in ((0, 3), (100, 25)):
        rows = [cadre_row(n, language_1="Anh", level_1="B2") for n in range(first, first + size)]
        path = xlsx(rows)
        with CaptureQueriesContext(connection) as queries:
            assert cadre_import(actor=steering_admin, path=path).created == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12


# --- All or nothing ----------------------------------------------------------------------------


def test_a_file_with_one_bad_row_imports_nothing(steering_admin, xlsx):
    rows = [cadre_row(n) for n in range(1, 6)]
    rows[3]["date_of_birth"] = "30/02/1981"
    outcome = cadre_import(actor=steering_admin, path=xlsx(rows))
    issue = only_issue(outcome)
    assert (issue.row, issue.letter, issue.value) == (5, "D", "30/02/1981")
    assert not Cadre.objects.exists()
    assert not AuditEntry.objects.filter(action="cadres.import").exists()


def test_it_reports_every_error_with_row_column_value_and_reason(steering_admin, xlsx):
    rows = [
        cadre_row(1, gender="Male", position_level="Boss"),
        cadre_row(2),
        cadre_row(3, full_name="", agency="NOPE", date_of_birth="1980"),
    ]
    outcome = cadre_import(actor=steering_admin, path=xlsx(rows))
    found = [(i.row, i.header, i.value, i.code) for i in outcome.issues]
    assert found == [
        (2, "Giới tính", "Male", "choice"),
        (2, "Cấp chức vụ", "Boss", "level_unknown"),
        (4, "Họ và tên", "", "required"),
        (4, "Ngày sinh", "1980", "date_format"),
        (4, "Mã cơ quan", "NOPE", "agency_unknown"),
    ]
    assert outcome.issues[0].message == "“Male” is not an accepted value. Accepted values: Nam, Nữ."
    described = outcome.issues[1].describe()
    assert described.startswith("Row 2, column R (Cấp chức vụ), value “Boss”:")


def test_a_killed_import_leaves_no_rows(transactional_db, steering_admin, xlsx, monkeypatch):
    """An import dying after some batches were inserted (a kill, a crash) leaves nothing."""
    monkeypatch.setattr(CADRE_IMPORTER, "batch_size", 2)
    real_insert = importing._insert_batch
    calls = []

    def insert_then_die(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt(
                "SIGINT"
            )  # as SIGINT would, after two batches reached the database
        return real_insert(*args)

    monkeypatch.setattr(importing, "_insert_batch", insert_then_die)
    path = xlsx([cadre_row(n, language_1="Tiếng Nga", level_1="A2") for n in range(10)])
    with pytest.raises(KeyboardInterrupt, match="SIGINT"):
        cadre_import(actor=steering_admin, path=path)
    assert len(calls) == 3
    assert not Cadre.objects.exists()
    assert not LanguageSkill.objects.exists()
    assert not AuditEntry.objects.filter(action="cadres.import").exists()


def test_an_error_inside_the_insert_pass_rolls_back_every_batch(steering_admin, xlsx, monkeypatch):
    monkeypatch.setattr(CADRE_IMPORTER, "batch_size", 3)
    real_insert = importing._insert_batch
    calls = []

    def insert_then_fail(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_insert(*args)

    monkeypatch.setattr(importing, "_insert_batch", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        cadre_import(actor=steering_admin, path=xlsx([cadre_row(n) for n in range(7)]))
    assert not Cadre.objects.exists()


def test_a_citizen_id_added_by_someone_else_meanwhile_aborts_the_import(
    steering_admin, xlsx, monkeypatch, ministry
):
    real_end = importing._UniqueChecks.end

    def validate_then_someone_adds(self):
        issues = real_end(self)  # the validation pass's last check of the registry
        CadreFactory(agency=ministry, national_id="001180000002")
        return issues

    monkeypatch.setattr(importing._UniqueChecks, "end", validate_then_someone_adds)
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row(n) for n in range(1, 4)]))
    assert codes(outcome) == ["registry_changed"]
    assert list(Cadre.objects.values_list("national_id", flat=True)) == ["001180000002"]


# --- Bad cells ---------------------------------------------------------------------------------


def _years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) + datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("date_of_birth", "31/02/1980", "date_impossible"),
        ("date_of_birth", "15/13/1980", "date_impossible"),
        ("date_of_birth", "01/01/1850", "date_impossible"),
        ("date_of_birth", "năm 1980", "date_format"),
        ("date_of_birth", 29221, "date_number"),
        ("date_of_birth", "", "required"),
        ("gender", "x", "choice"),
        ("national_id", "12345", "national_id_format"),
        ("national_id", 1080000123, "national_id_format"),  # Excel dropped the leading zeros
        ("national_id", "00108000012A", "national_id_format"),
        ("passport_number", "C-12", "passport_format"),
        ("agency", "KHONGCO", "agency_unknown"),
        ("position_level", "Giám đốc", "level_unknown"),
        ("work_field", "Thể thao", "field_unknown"),
        ("full_name", "A" * 201, "too_long"),
        ("ethnicity", "   ", "required"),
        ("uses_foreign_language", "Thỉnh thoảng", "choice"),
        ("degree", "Cử nhân luật", "choice"),
        ("appointed_on", "01/01/1970", "date_before_birth"),
        ("party_joined_on", "01/01/2999", "date_future"),
        ("retirement_override", "01/01/1970", "date_before_birth"),
    ],
)
def test_each_bad_cell_gets_its_own_message(steering_admin, xlsx, column, value, code):
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row(**{column: value})]))
    issue = only_issue(outcome)
    assert (issue.code, issue.header, issue.row) == (code, COLUMNS_BY_NAME[column].header, 2)
    assert issue.message
    assert "%(" not in issue.message


def test_a_person_under_18_is_refused(steering_admin, xlsx):
    birth = _years_ago(18, days=1)  # 18 tomorrow
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row(date_of_birth=birth)]))
    issue = only_issue(outcome)
    assert issue.code == "too_young"
    assert "is 17 years old" in issue.message
    assert "at least 18" in issue.message


def test_a_person_turning_18_today_is_accepted(steering_admin, xlsx):
    path = xlsx([cadre_row(date_of_birth=_years_ago(18))])
    assert cadre_import(actor=steering_admin, path=path).created == 1


def test_a_birth_date_in_the_future_is_refused(steering_admin, xlsx):
    birth = timezone.localdate() + datetime.timedelta(days=3)
    issue = only_issue(
        cadre_import(actor=steering_admin, path=xlsx([cadre_row(date_of_birth=birth)]))
    )
    assert issue.code == "date_future"


def test_party_membership_cannot_precede_joining(steering_admin, xlsx):
    row = cadre_row(party_joined_on="03/02/2005", party_official_on="03/02/2004")
    assert only_issue(cadre_import(actor=steering_admin, path=xlsx([row]))).code == (
        "party_dates_order"
    )


@pytest.mark.parametrize(
    ("cells", "code", "column"),
    [
        ({"language_1": "Tiếng Anh"}, "language_without_level", "level_1"),
        ({"level_2": "B2"}, "level_without_language", "language_2"),
        (
            {"language_1": "Anh", "level_1": "B2", "language_2": "English", "level_2": "C1"},
            "language_twice",
            "language_2",
        ),
    ],
)
def test_languages_come_with_a_level_once_each(steering_admin, xlsx, cells, code, column):
    issue = only_issue(cadre_import(actor=steering_admin, path=xlsx([cadre_row(**cells)])))
    assert (issue.code, issue.header) == (code, COLUMNS_BY_NAME[column].header)


def test_a_citizen_id_twice_in_the_file_names_both_rows(steering_admin, xlsx):
    rows = [cadre_row(1), cadre_row(2), cadre_row(3, national_id="001180000001")]
    issue = only_issue(cadre_import(actor=steering_admin, path=xlsx(rows)))
    assert (issue.code, issue.row, issue.params["other_row"]) == ("national_id_in_file", 4, 2)
    assert "row 2 of this file" in issue.message


def test_a_citizen_id_already_in_the_registry_is_refused(steering_admin, xlsx, other_agency):
    CadreFactory(agency=other_agency, national_id="001180000002")
    rows = [cadre_row(1), cadre_row(2)]
    issue = only_issue(cadre_import(actor=steering_admin, path=xlsx(rows)))
    assert (issue.code, issue.row, issue.value) == ("national_id_in_registry", 3, "001180000002")


def test_the_dossier_code_is_imported_and_unique_in_the_file_and_the_registry(
    steering_admin, xlsx, other_agency
):
    """Issue 18 item 7: the national database's dossier code (Mã định danh hồ sơ), optional,
    unique when present, in the import like in the registry and the export."""
    assert "Mã định danh hồ sơ" in HEADERS
    outcome = cadre_import(
        actor=steering_admin,
        path=xlsx([cadre_row(1, dossier_code="HS-0001"), cadre_row(2)]),
    )
    assert outcome.ok
    assert Cadre.objects.get(national_id=cadre_row(1)["national_id"]).dossier_code == "HS-0001"
    rows = [cadre_row(3, dossier_code="HS-0002"), cadre_row(4, dossier_code="HS-0002")]
    issue = only_issue(cadre_import(actor=steering_admin, path=xlsx(rows)))
    assert (issue.code, issue.row, issue.params["other_row"]) == ("dossier_code_in_file", 3, 2)
    assert issue.header == "Mã định danh hồ sơ"
    issue = only_issue(
        cadre_import(actor=steering_admin, path=xlsx([cadre_row(5, dossier_code="HS-0001")]))
    )
    assert (issue.code, issue.value) == ("dossier_code_in_registry", "HS-0001")
    assert "dossier code HS-0001 is already in the registry" in issue.message


def test_a_merged_agency_points_to_its_successor(steering_admin, xlsx, ministry):
    former = AgencyFactory(code="CU", name="Bộ Cũ", kind="bo_nganh")
    agency_merge(
        actor=None, predecessor=former, successor=ministry, merged_on=datetime.date(2025, 7, 1)
    )
    issue = only_issue(cadre_import(actor=steering_admin, path=xlsx([cadre_row(agency="CU")])))
    assert issue.code == "agency_merged"
    assert "use the code BTEST" in issue.message


def test_an_inactive_agency_is_refused(steering_admin, xlsx, ministry_unit):
    ministry_unit.is_active = False
    ministry_unit.save()
    issue = only_issue(
        cadre_import(actor=steering_admin, path=xlsx([cadre_row(agency="BTEST_V1")]))
    )
    assert issue.code == "agency_inactive"


def test_the_error_list_is_capped_but_every_error_is_counted(steering_admin, xlsx):
    rows = [cadre_row(n, gender="?") for n in range(5)]
    outcome = cadre_import(actor=steering_admin, path=xlsx(rows), max_errors=3)
    assert outcome.error_count == 5
    assert codes(outcome) == ["choice"] * 3 + ["more_errors"]
    assert outcome.issues[-1].message.startswith("2 more errors")


# --- Officer scope -----------------------------------------------------------------------------


def test_agency_officer_imports_into_own_agency_and_units(agency_officer, xlsx):
    path = xlsx([cadre_row(1, agency="BTEST"), cadre_row(2, agency="BTEST_V1")])
    assert cadre_import(actor=agency_officer, path=path).created == 2


def test_agency_officer_cannot_import_outside_its_scope(agency_officer, other_agency, xlsx):
    rows = [cadre_row(1), cadre_row(2, agency="TKHAC"), cadre_row(3, agency="NOWHERE")]
    outcome = cadre_import(actor=agency_officer, path=xlsx(rows))
    assert [(i.row, i.code) for i in outcome.issues] == [
        (3, "agency_unknown"),
        (4, "agency_unknown"),
    ]
    outside, unknown = outcome.issues
    assert outside.message == unknown.message.replace("NOWHERE", "TKHAC")
    assert not Cadre.objects.exists()


@pytest.mark.parametrize("role", [Role.FINANCE_OFFICER, Role.AUDITOR, ""])
def test_other_roles_may_not_import(db, xlsx, role):
    user = UserFactory(role=role)
    assert not importing.user_may_import(user)
    with pytest.raises(PermissionDenied, match=r"^$"):  # the runner refuses without a message
        cadre_import(actor=user, path=xlsx([cadre_row()]))


def test_participant_may_not_import(participant):
    assert not importing.user_may_import(participant)


# --- The file as a whole -----------------------------------------------------------------------


def _write_bytes(path, content: bytes):
    path.write_bytes(content)
    return path


def _zip(path, names):
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "<not a workbook/>")
    return path


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("empty.xlsx", lambda p: _write_bytes(p, b""), "file_empty"),
        ("list.csv", lambda p: _write_bytes(p, b"Ho va ten;Ngay sinh\n"), "file_extension"),
        ("old.xls", lambda p: _write_bytes(p, b"\xd0\xcf\x11\xe0" + b"0" * 100), "file_extension"),
        ("text.xlsx", lambda p: _write_bytes(p, b"Ho va ten;Ngay sinh\n"), "file_not_xlsx"),
        ("letter.xlsx", lambda p: _zip(p, ["word/document.xml"]), "file_not_xlsx"),
        ("broken.xlsx", lambda p: _zip(p, ["xl/workbook.xml"]), "file_unreadable"),
    ],
)
def test_a_file_that_is_not_a_workbook_gets_its_own_message(
    steering_admin, lookups, tmp_path, name, make, code
):
    outcome = cadre_import(actor=steering_admin, path=make(tmp_path / name))
    assert codes(outcome) == [code]
    assert outcome.issues[0].row is None


def test_a_file_over_the_size_limit_is_refused(steering_admin, xlsx, settings):
    settings.MAX_IMPORT_FILE_SIZE = 1024
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row(n) for n in range(100)]))
    assert codes(outcome) == ["file_too_large"]


def test_a_workbook_unpacking_to_too_much_data_is_refused(steering_admin, xlsx, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_SIZE", 2048)
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row(n) for n in range(100)]))
    assert codes(outcome) == ["file_unpacked_too_large"]
    assert "Split it into several files" in outcome.issues[0].message


def test_an_empty_sheet_is_refused(steering_admin, xlsx):
    outcome = cadre_import(actor=steering_admin, path=xlsx([], headers=[]))
    assert codes(outcome) == ["sheet_empty"]


def test_a_header_without_rows_is_refused(steering_admin, xlsx):
    assert codes(cadre_import(actor=steering_admin, path=xlsx([]))) == ["no_cadres"]


def test_a_missing_required_column_is_named(steering_admin, xlsx):
    headers = [header for header in HEADERS if header != "Ngày sinh"]
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row()], headers))
    assert codes(outcome) == ["column_missing", "rows_not_checked"]
    assert "“Ngày sinh” is missing" in outcome.issues[0].message


def test_a_renamed_column_is_recognised(steering_admin, xlsx):
    headers = ["Họ tên" if header == "Họ và tên" else header for header in HEADERS]
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row()], headers))
    issue = outcome.issues[0]
    assert (issue.code, issue.letter, issue.value, issue.header) == (
        "column_renamed",
        "A",
        "Họ tên",
        "Họ và tên",
    )
    assert codes(outcome) == ["column_renamed", "rows_not_checked"]


def test_an_extra_column_is_refused(steering_admin, xlsx):
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row()], [*HEADERS, "Ghi chú"]))
    issue = outcome.issues[0]
    assert (issue.code, issue.value) == ("column_unknown", "Ghi chú")
    assert f"Column {pipeline.column_letter(len(HEADERS))} “Ghi chú”" in issue.message
    assert not Cadre.objects.exists()


def test_a_column_given_twice_is_refused(steering_admin, xlsx):
    outcome = cadre_import(actor=steering_admin, path=xlsx([cadre_row()], [*HEADERS, "Dân tộc"]))
    assert outcome.issues[0].code == "column_duplicate"
    assert "columns G and" in outcome.issues[0].message


def test_values_in_a_column_without_header_are_refused(steering_admin, xlsx):
    path = xlsx([cadre_row(1), {**cadre_row(2), "": "ghi chú"}], [*HEADERS, ""])
    issue = only_issue(cadre_import(actor=steering_admin, path=path))
    letter = pipeline.column_letter(len(HEADERS))
    assert (issue.code, issue.row, issue.letter, issue.value) == (
        "column_no_header",
        3,
        letter,
        "ghi chú",
    )
    assert f"Column {letter} has values but no header" in issue.message


# --- The template ------------------------------------------------------------------------------


def _template(actor=None) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    import_template_write(buffer, actor=actor)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def test_the_template_has_vietnamese_headers_an_example_and_lists(reference_data, steering_admin):
    workbook = _template(steering_admin)
    assert workbook.sheetnames == ["Cán bộ", "Hướng dẫn", "Danh mục"]
    sheet = workbook["Cán bộ"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    example = {HEADERS[i]: cell.value for i, cell in enumerate(sheet[2])}
    assert example["Họ và tên"] == "Nguyễn Văn An"
    assert example["Số CCCD"] == "001075012345"
    assert example["Ngày sinh"] == datetime.datetime(1975, 6, 15)
    validated = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    letters = {column.name: pipeline.column_letter(i) for i, column in enumerate(COLUMNS)}
    for name in ("gender", "agency", "position_level", "work_field", "language_1", "level_1"):
        assert f"{letters[name]}2" in validated
    lists = workbook["Danh mục"]
    codes_listed = {row[0].value for row in lists.iter_rows(min_row=2, max_col=1)}
    assert {"BTCTW", "HNI"} <= codes_listed


def test_the_officer_template_lists_only_its_agencies(agency_officer, other_agency, lookups):
    lists = _template(agency_officer)["Danh mục"]
    assert [row[0].value for row in lists.iter_rows(min_row=2, max_col=1) if row[0].value] == [
        "BTEST",
        "BTEST_V1",
    ]


def test_the_untouched_template_imports_nothing_and_says_so(steering_admin, lookups, tmp_path):
    path = tmp_path / "mau.xlsx"
    import_template_write(str(path), actor=steering_admin)
    outcome = cadre_import(actor=steering_admin, path=path)
    assert codes(outcome) == ["no_cadres"]
    assert outcome.skipped_example


def test_the_filled_in_template_imports_and_skips_the_example(
    reference_data, steering_admin, tmp_path
):
    path = tmp_path / "mau.xlsx"
    import_template_write(str(path), actor=steering_admin)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Cán bộ"]
    for col, value in enumerate(sheet[2], start=1):
        sheet.cell(row=3, column=col, value=value.value)
    sheet.cell(row=3, column=1, value="Phạm Thị Hoa")
    sheet.cell(row=3, column=3, value="Nữ")
    sheet.cell(row=3, column=9, value="001180000077")
    workbook.save(path)
    outcome = cadre_import(actor=steering_admin, path=path)
    assert outcome.ok, [issue.describe() for issue in outcome.issues]
    assert outcome.created == 1
    assert outcome.skipped_example
    cadre = Cadre.objects.get()
    assert (cadre.full_name, cadre.gender, cadre.position_level.code) == (
        "Phạm Thị Hoa",
        "F",
        "DEPARTMENT_CENTRAL",
    )
    assert cadre.languages.get().level == "B2"


# --- Stored uploads ----------------------------------------------------------------------------


def test_uploads_are_stored_under_media_imports_with_our_own_name(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    stored = pipeline.upload_store([b"PK\x03\x04", b"rest"])
    path = pipeline.upload_path(stored)
    assert path.stat().st_mode & 0o777 == 0o600  # personal data: readable by the app only
    assert path.parent == tmp_path / "imports"
    assert path.read_bytes() == b"PK\x03\x04rest"
    pipeline.upload_delete(stored)
    assert not path.exists()


@pytest.mark.parametrize("stored", ["../secret.xlsx", "imports/../../x.xlsx", "/etc/passwd"])
def test_stored_paths_cannot_leave_the_imports_directory(settings, tmp_path, stored):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValueError, match="Not an import file"):
        pipeline.upload_path(stored)


def test_column_letters_follow_excel():
    assert [pipeline.column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
