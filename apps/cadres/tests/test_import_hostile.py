"""Hostile uploads: each is refused with a message naming what and where; nothing is stored.

The files are built here as an attacker would (renamed files, a zip bomb, a sheet that claims
every cell of Excel, formulas, macros, external links, 100,000 rows with one error at the end),
sent through the upload page or the background job, and followed by a valid import that still
works — the worker survives.
"""

import io
import zipfile

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from apps.cadres.importing import COLUMNS, cadre_import
from apps.cadres.models import Cadre, ImportJob
from apps.cadres.tests.factories import _field, _level
from apps.cadres.tests.test_importing import HEADERS, cadre_row, write_xlsx
from apps.core import importing as pipeline

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def lookups(ministry, ministry_unit):
    return {"level": _level("DEPARTMENT_CENTRAL"), "field": _field("TCCB")}


def stored_files(media) -> list:
    directory = media / "imports"
    return list(directory.iterdir()) if directory.exists() else []


def _valid_workbook(path, *, extra=None) -> bytes:
    """A valid one-row file; ``extra(workbook, sheet)`` adds the hostile part."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    row = cadre_row()
    for col, column in enumerate(COLUMNS):
        sheet.write_string(1, col, row.get(column.name, ""))
    if extra:
        extra(workbook, sheet)
    workbook.close()
    return path.read_bytes()


def _with_members(content: bytes, members: dict[str, bytes]) -> bytes:
    """The workbook ``content`` with more zip members (macros, external links)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for name, data in members.items():
            target.writestr(name, data)
    return buffer.getvalue()


def _huge_dimension(path) -> bytes:
    # Cells only at A1 and XFD1048576: 1.6 KB that would make the reader allocate 512 GiB.
    return _valid_workbook(path, extra=lambda wb, sheet: sheet.write(1048575, 16383, "x"))


def _zip_bomb(path) -> bytes:
    """A real bomb: a sheet of 401 MB of spaces, deflated to well under a megabyte."""
    content = _valid_workbook(path)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
        with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b" " * 1048576
            for _ in range(401):
                sheet.write(block)
    return buffer.getvalue()


HOSTILE = {
    # name: (make(path) -> bytes, expected code, words of the English message)
    "renamed-pdf": (lambda p: b"%PDF-1.7\n" + b"0" * 2000, "file_not_xlsx", "not an Excel"),
    "renamed-xls": (
        lambda p: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 2000,
        "file_not_xlsx",
        "not an Excel",
    ),
    "renamed-docx": (lambda p: _docx(), "file_not_xlsx", "not an Excel"),
    "zip-bomb": (_zip_bomb, "file_unpacked_too_large", "unpacks to 401 MB"),
    "huge-dimension": (_huge_dimension, "sheet_too_large", "A1:XFD1048576"),
    "formula": (
        lambda p: _valid_workbook(
            p, extra=lambda wb, sheet: sheet.write_formula(1, 0, '=HYPERLINK("http://x","a")')
        ),
        "sheet_formula",
        "Cell A2",
    ),
    "macros": (
        lambda p: _with_members(_valid_workbook(p), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "file_macros",
        "macros",
    ),
    "external-links": (
        lambda p: _with_members(
            _valid_workbook(p),
            {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"},
        ),
        "file_external_links",
        "external links",
    ),
}


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _hostile(name, tmp_path) -> tuple[bytes, str, str]:
    make, code, words = HOSTILE[name]
    return make(tmp_path / f"{name}.xlsx"), code, words


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_upload_is_refused_by_the_form_and_nothing_is_stored(
    client_for, steering_admin, lookups, tmp_path, media, name
):
    content, _code, words = _hostile(name, tmp_path)
    client = client_for(steering_admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    upload = SimpleUploadedFile(f"{name}.xlsx", content, content_type=XLSX)
    with translation.override("en"):
        response = client.post(reverse("cadres:import_list"), {"file": upload})
    assert response.status_code == 200
    assert words in response.context["form"].errors["file"][0]
    assert not ImportJob.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize("name", [name for name in HOSTILE if name != "formula"])
def test_a_hostile_file_that_reaches_the_worker_fails_its_job_and_is_deleted(
    steering_admin, lookups, tmp_path, media, name
):
    """The worker checks again (a file may come from elsewhere) and survives."""
    content, code, _words = _hostile(name, tmp_path)
    job = ImportJob.objects.create(
        created_by=steering_admin,
        file_name=f"{name}.xlsx",
        stored_path=pipeline.upload_store([content]),
    )
    assert pipeline.import_job_run.call("cadres", job.pk) == ImportJob.Status.FAILED
    job.refresh_from_db()
    assert (job.status, [error["code"] for error in job.errors]) == ("failed", [code])
    issue = pipeline.ImportIssue.from_dict(job.errors[0])
    with translation.override("vi"):
        vietnamese = issue.message
    with translation.override("en"):
        assert vietnamese != issue.message  # a Vietnamese sentence, not the English source
    assert not Cadre.objects.exists()
    assert stored_files(media) == []
    # The same worker then imports a valid file.
    valid = write_xlsx(tmp_path / "valid.xlsx", [cadre_row()])
    later = ImportJob.objects.create(
        created_by=steering_admin,
        file_name="valid.xlsx",
        stored_path=pipeline.upload_store([valid.read_bytes()]),
    )
    assert pipeline.import_job_run.call("cadres", later.pk) == ImportJob.Status.SUCCEEDED
    assert Cadre.objects.count() == 1


def test_the_huge_dimension_message_names_the_sheet_the_cells_and_the_limits(
    steering_admin, lookups, tmp_path
):
    path = tmp_path / "huge.xlsx"
    _huge_dimension(path)
    with translation.override("en"):
        outcome = cadre_import(actor=steering_admin, path=path)
        assert [issue.message for issue in outcome.issues] == [
            "The first sheet “Sheet1” spans the cells A1:XFD1048576 (1.048.576 rows, 16.384 "
            "columns); at most 200.000 rows and 100 columns are accepted. Delete the unused "
            "rows and columns (or copy the data to a new workbook) and upload it again."
        ]


def test_a_sheet_without_a_declared_dimension_is_measured_cell_by_cell(
    steering_admin, lookups, tmp_path
):
    path = tmp_path / "nodim.xlsx"
    content = _huge_dimension(path)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:XFD1048576"/>', b"")
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    outcome = cadre_import(actor=steering_admin, path=path)
    assert [issue.code for issue in outcome.issues] == ["sheet_too_large"]
    assert outcome.issues[0].params["ref"] == "A1:XFD1048576"


def test_the_command_refuses_a_workbook_with_formula_cells(steering_admin, lookups, tmp_path):
    path = tmp_path / "formula.xlsx"
    HOSTILE["formula"][0](path)
    with translation.override("en"):
        issues = pipeline.file_check(path)
    assert [(issue.code, issue.params["ref"]) for issue in issues] == [("sheet_formula", "A2")]


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"]
)
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_refused(
    steering_admin, lookups, tmp_path, text
):
    path = write_xlsx(tmp_path / "f.xlsx", [cadre_row(full_name=text)])
    outcome = cadre_import(actor=steering_admin, path=path)
    issue = outcome.issues[0]
    assert (issue.code, issue.row, issue.letter, issue.value) == ("formula_text", 2, "A", text)
    assert not Cadre.objects.exists()


@pytest.mark.slow
def test_100000_rows_with_one_error_at_the_end_name_that_row_and_store_nothing(
    steering_admin, lookups, tmp_path
):
    path = tmp_path / "big.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    names = [column.name for column in COLUMNS]
    for n in range(1, 100_001):
        row = cadre_row(n, gender="?" if n == 100_000 else "Nữ")
        sheet.write_row(n, 0, [row.get(name, "") for name in names])
    workbook.close()
    outcome = cadre_import(actor=steering_admin, path=path)
    assert outcome.rows == 100_000
    assert [(i.code, i.row, i.letter, i.value) for i in outcome.issues] == [
        ("choice", 100_001, "C", "?")
    ]
    assert not Cadre.objects.exists()
