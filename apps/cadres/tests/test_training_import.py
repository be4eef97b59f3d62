"""Issue 18 item 7: the training history imported from .xlsx through the one import pipeline
(all or nothing, each problem with row, column and value), and edited on the profile."""

import datetime

import pytest
import xlsxwriter
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from apps.cadres.models import TrainingRecord
from apps.cadres.tests.factories import CadreFactory
from apps.cadres.training_import import COLUMNS, training_history_import
from apps.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def write(path, rows):
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, [column.header for column in COLUMNS])
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows, start=1):
        for c, column in enumerate(COLUMNS):
            value = row.get(column.name, "")
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), date)
            elif value != "":
                sheet.write_string(r, c, value)
    workbook.close()
    return path


def line(national_id, **changes):
    row = {
        "national_id": national_id,
        "course_name": "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 2",
        "institution": "Học viện Quốc phòng",
        "country": "Việt Nam",
        "start": datetime.date(2019, 3, 4),
        "end": datetime.date(2019, 4, 26),
        "mode": "Tập trung",
        "certificate": "Chứng chỉ",
    }
    row.update(changes)
    return row


def test_it_imports_lines_of_the_cadres_it_may_change(agency_officer, ministry, tmp_path):
    cadre = CadreFactory(agency=ministry, national_id="001075000111")
    outcome = training_history_import(
        actor=agency_officer,
        path=write(tmp_path / "t.xlsx", [line("001075000111"), line("001075000111", end="")]),
    )
    assert outcome.ok
    assert outcome.created == 2
    record = cadre.trainings.order_by("pk").first()
    assert (record.institution, record.mode, record.end) == (
        "Học viện Quốc phòng",
        "tap_trung",
        datetime.date(2019, 4, 26),
    )
    assert AuditEntry.objects.filter(action="cadres.training_import").exists()


def test_one_bad_row_imports_nothing_and_says_where(
    agency_officer, ministry, other_agency, tmp_path
):
    CadreFactory(agency=ministry, national_id="001075000111")
    CadreFactory(agency=other_agency, national_id="001075000222")
    rows = [
        line("001075000111"),
        line("001075000222"),  # another agency's cadre: outside the officer's scope
        line("001075000111", end=datetime.date(2019, 1, 1)),
    ]
    outcome = training_history_import(actor=agency_officer, path=write(tmp_path / "t.xlsx", rows))
    assert not TrainingRecord.objects.exists()
    found = {(issue.code, issue.row, issue.header) for issue in outcome.issues}
    assert found == {
        ("cadre_unknown", 3, "Số CCCD"),
        ("training_end_before_start", 4, "Đến ngày"),
    }


def test_the_command_imports_a_file(steering_admin, ministry, tmp_path):
    CadreFactory(agency=ministry, national_id="001075000111")
    call_command("import_training_history", str(write(tmp_path / "t.xlsx", [line("001075000111")])))
    assert TrainingRecord.objects.count() == 1


def test_a_line_is_edited_on_the_profile_and_a_programme_line_is_not(
    client_for, agency_officer, ministry, other_officer
):
    cadre = CadreFactory(agency=ministry)
    record = TrainingRecord.objects.create(
        cadre=cadre, course_name="Bồi dưỡng", start=datetime.date(2015, 1, 1)
    )
    url = reverse("cadres:training_edit", args=[cadre.pk, record.pk])
    assert client_for(other_officer).get(url).status_code == 404
    client = client_for(agency_officer)
    assert url in client.get(cadre.get_absolute_url()).text
    response = client.post(
        url, {"course_name": "Bồi dưỡng ngạch chuyên viên chính", "start": "01/01/2015"}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.course_name == "Bồi dưỡng ngạch chuyên viên chính"
    programme = TrainingRecord.objects.create(
        cadre=cadre,
        course_name="Lớp của Đề án",
        start=datetime.date(2024, 1, 1),
        programme_course_code="K2024-001",
    )
    page = client.post(
        reverse("cadres:training_edit", args=[cadre.pk, programme.pk]),
        {"course_name": "Khác", "start": "01/01/2024"},
    )
    assert "filled by course K2024-001 of the programme" in page.text
