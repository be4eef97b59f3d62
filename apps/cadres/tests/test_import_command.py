"""``manage.py import_cadres``: exit codes, printed errors, the template, the recorded actor."""

import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from apps.cadres.importing import COLUMNS
from apps.cadres.management.commands.import_cadres import Command
from apps.cadres.models import Cadre
from apps.cadres.tests.factories import _field, _level
from apps.cadres.tests.test_importing import cadre_row, write_xlsx
from apps.core.models import AuditEntry


@pytest.fixture(autouse=True)
def english():
    """Assertions read the English source; the Vietnamese catalogue must not change them."""
    with translation.override("en"):
        yield


@pytest.fixture
def lookups(ministry, ministry_unit):
    return {"level": _level("DEPARTMENT_CENTRAL"), "field": _field("TCCB")}


def run(*args) -> tuple[int, str, str]:
    """Run the command as ``manage.py`` would: (exit code, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    command = Command(stdout=stdout, stderr=stderr)
    try:
        command.run_from_argv(["manage.py", "import_cadres", *map(str, args)])
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(autouse=True)
def keep_test_connection(monkeypatch):
    # run_from_argv closes every connection when it ends, which would end the test transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)


def test_a_valid_file_exits_0(steering_admin, lookups, tmp_path):
    path = write_xlsx(tmp_path / "ok.xlsx", [cadre_row(1), cadre_row(2)])
    code, out, err = run(path)
    assert (code, err) == (0, "")
    assert "2 cadres imported from ok.xlsx." in out
    assert Cadre.objects.count() == 2
    assert AuditEntry.objects.get(action="cadres.import").actor == steering_admin


def test_a_bad_file_exits_1_with_every_error_and_imports_nothing(steering_admin, lookups, tmp_path):
    rows = [cadre_row(1), cadre_row(2, date_of_birth="31/02/1980", agency="NOPE")]
    code, _out, err = run(write_xlsx(tmp_path / "bad.xlsx", rows))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0].startswith("Row 3, column D (Ngày sinh), value “31/02/1980”:")
    assert lines[1].startswith("Row 3, column L (Mã cơ quan), value “NOPE”:")
    assert "2 errors in bad.xlsx: nothing was imported." in lines[-1]
    assert not Cadre.objects.exists()


def test_a_file_that_is_not_xlsx_exits_1(steering_admin, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("Họ và tên;Ngày sinh")
    code, _out, err = run(path)
    assert code == 1
    assert "is not an Excel workbook" in err


def test_a_missing_file_exits_1(steering_admin, tmp_path):
    code, _out, err = run(tmp_path / "nowhere.xlsx")
    assert code == 1
    assert "There is no file" in err


def test_the_template_option_writes_the_template(db, lookups, tmp_path):
    target = tmp_path / "mau.xlsx"
    code, out, _err = run("--template", target)
    assert code == 0
    assert "Template written to" in out
    sheet = openpyxl.load_workbook(target)["Cán bộ"]
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS]


def test_the_template_must_be_an_xlsx_name(db, tmp_path):
    code, _out, _err = run("--template", tmp_path / "mau.xls")
    assert code == 1


def test_the_user_option_applies_that_users_scope(agency_officer, other_agency, lookups, tmp_path):
    rows = [cadre_row(1), cadre_row(2, agency="TKHAC")]
    code, _out, err = run(write_xlsx(tmp_path / "a.xlsx", rows), "--user", "officer")
    assert code == 1
    assert "Row 3, column L (Mã cơ quan), value “TKHAC”" in err
    code, out, _err = run(write_xlsx(tmp_path / "b.xlsx", rows[:1]), "--user", "officer")
    assert code == 0
    assert "1 cadre imported" in out
    assert Cadre.objects.get().agency.code == "BTEST"


def test_a_user_who_may_not_import_is_refused(auditor, tmp_path, lookups):
    code, _out, err = run(write_xlsx(tmp_path / "a.xlsx", [cadre_row()]), "--user", "auditor")
    assert code == 1
    assert "may not import cadres" in err


def test_without_a_steering_admin_the_user_must_be_named(db, lookups, tmp_path):
    code, _out, err = run(write_xlsx(tmp_path / "a.xlsx", [cadre_row()]))
    assert code == 1
    assert "--user" in err


def test_call_command_raises_command_error_with_exit_code_1(steering_admin, lookups, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", [cadre_row(gender="?")])
    with pytest.raises(CommandError, match=r"1 error in .*: nothing was imported") as error:
        call_command("import_cadres", str(path), stderr=io.StringIO())
    assert error.value.returncode == 1


def test_verbose_runs_print_progress(steering_admin, lookups, tmp_path):
    code, out, _err = run(write_xlsx(tmp_path / "a.xlsx", [cadre_row()]), "-v", "2")
    assert code == 0
    assert "Checked 1 of 1 rows." in out
    assert "Saved 1 of 1 rows." in out
