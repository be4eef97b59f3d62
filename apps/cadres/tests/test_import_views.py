"""Import pages and the background job: who may import, upload, progress, result."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from apps.cadres import importing
from apps.cadres.models import Cadre, ImportJob
from apps.cadres.tests.factories import _field, _level
from apps.cadres.tests.test_importing import cadre_row, write_xlsx
from apps.core import importing as pipeline
from apps.core.models import AuditEntry
from apps.core.roles import Role
from apps.core.tests.factories import UserFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def english(client):
    """Assertions read the English source; the Vietnamese catalogue must not change them."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def lookups(ministry, ministry_unit):
    return {"level": _level("DEPARTMENT_CENTRAL"), "field": _field("TCCB")}


def upload(tmp_path, rows, name="danh-sach.xlsx"):
    path = write_xlsx(tmp_path / name, rows)
    return SimpleUploadedFile(name, path.read_bytes(), content_type=XLSX)


def stored_files(media) -> list:
    directory = media / "imports"
    return list(directory.iterdir()) if directory.exists() else []


def job_for(user, **fields) -> ImportJob:
    return ImportJob.objects.create(
        created_by=user, agency=user.agency, file_name="a.xlsx", **fields
    )


URL_NAMES = ["import_list", "import_template", "import_detail", "import_status"]


def url(name: str, job: ImportJob) -> str:
    if name in {"import_detail", "import_status"}:
        return reverse(f"cadres:{name}", args=[job.pk])
    return reverse(f"cadres:{name}")


# --- Who may import ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["steering_admin", "agency_officer"])
def test_steering_admin_and_agency_officer_may_import(client_for, personas, persona, lookups):
    user = personas[persona]
    job = job_for(user)
    for name in URL_NAMES:
        assert client_for(user).get(url(name, job)).status_code == 200, name


@pytest.mark.parametrize("persona", ["finance_officer", "auditor", "participant"])
def test_other_roles_get_403_everywhere(client_for, personas, persona, steering_admin):
    job = job_for(steering_admin)
    client = client_for(personas[persona])
    for name in URL_NAMES:
        assert client.get(url(name, job)).status_code == 403, name
    assert client.post(reverse("cadres:import_list")).status_code == 403


def test_an_officer_without_an_agency_may_not_import():
    assert not importing.user_may_import(UserFactory.build(role=Role.AGENCY_OFFICER))


def test_anonymous_users_are_sent_to_login(client, db):
    response = client.get(reverse("cadres:import_list"))
    assert response.status_code == 302
    assert reverse("core:login") in response.url


def test_officer_cannot_open_another_agencys_import(client_for, agency_officer, other_officer):
    job = job_for(other_officer)
    client = client_for(agency_officer)
    assert client.get(reverse("cadres:import_detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("cadres:import_status", args=[job.pk])).status_code == 404


def test_officer_lists_only_imports_of_its_scope(
    client_for, agency_officer, other_officer, steering_admin
):
    mine, theirs, admins = job_for(agency_officer), job_for(other_officer), job_for(steering_admin)
    page = client_for(agency_officer).get(reverse("cadres:import_list")).context["page"]
    assert list(page.object_list) == [mine]
    page = client_for(steering_admin).get(reverse("cadres:import_list")).context["page"]
    assert set(page.object_list) == {mine, theirs, admins}


def test_the_import_list_uses_a_constant_number_of_queries(
    client_for, steering_admin, django_assert_max_num_queries
):
    client = client_for(steering_admin)
    for _ in range(15):
        job_for(steering_admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("cadres:import_list")).status_code == 200


# --- Template ----------------------------------------------------------------------------------


def test_officer_downloads_a_template_with_its_own_agencies(
    client_for, agency_officer, other_agency, lookups
):
    response = client_for(agency_officer).get(reverse("cadres:import_template"))
    assert response["Content-Type"] == XLSX
    assert "attachment;" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook["Cán bộ"][1]][:3] == [
        "Họ và tên",
        "Tên gọi khác",
        "Giới tính",
    ]
    listed = {row[0].value for row in workbook["Danh mục"].iter_rows(min_row=2, max_col=1)}
    assert listed - {None} == {"BTEST", "BTEST_V1"}


# --- Upload ------------------------------------------------------------------------------------


def test_a_valid_upload_is_imported_in_the_background(
    client_for, agency_officer, lookups, tmp_path, media
):
    rows = [cadre_row(1), cadre_row(2, agency="BTEST_V1")]
    response = client_for(agency_officer).post(
        reverse("cadres:import_list"), {"file": upload(tmp_path, rows)}
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cadres:import_detail", args=[job.pk])
    assert job.status == ImportJob.Status.SUCCEEDED
    assert (job.total_rows, job.processed_rows, job.created_count) == (2, 2, 2)
    assert (job.created_by, job.agency, job.file_name) == (
        agency_officer,
        agency_officer.agency,
        "danh-sach.xlsx",
    )
    assert job.finished_at is not None
    assert Cadre.objects.count() == 2
    assert AuditEntry.objects.get(action="cadres.import").detail["created"] == 2
    assert stored_files(media) == []  # the upload holds personal data: removed once done
    page = client_for(agency_officer).get(response.url)
    assert "2 cadres were imported." in page.content.decode()


def test_a_file_with_bad_rows_is_rejected_with_every_error(
    client_for, agency_officer, other_agency, lookups, tmp_path
):
    rows = [
        cadre_row(1),
        cadre_row(2, date_of_birth="31/02/1980"),
        cadre_row(3, agency="TKHAC", national_id="001180000001"),
    ]
    client = client_for(agency_officer)
    client.post(reverse("cadres:import_list"), {"file": upload(tmp_path, rows)})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert not Cadre.objects.exists()
    assert [(e["row"], e["letter"], e["value"], e["code"]) for e in job.errors] == [
        (3, "D", "31/02/1980", "date_impossible"),
        (4, "I", "001180000001", "national_id_in_file"),
        (4, "L", "TKHAC", "agency_unknown"),
    ]
    page = client.get(reverse("cadres:import_detail", args=[job.pk]))
    html = page.content.decode()
    assert page.context["error_count"] == 3
    assert "nothing was imported" in html
    assert "31/02/1980" in html
    assert "is not a real calendar date" in html
    assert "already used in row 2 of this file" in html


def test_header_errors_are_shown_above_the_rows(client_for, steering_admin, lookups, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [cadre_row()], headers=["Họ và tên", "Ghi chú"])
    client = client_for(steering_admin)
    client.post(
        reverse("cadres:import_list"),
        {"file": SimpleUploadedFile("a.xlsx", path.read_bytes(), content_type=XLSX)},
    )
    job = ImportJob.objects.get()
    page = client.get(reverse("cadres:import_detail", args=[job.pk]))
    assert page.context["error_count"] == len(job.errors) - 1  # all but "rows not checked"
    messages = [issue.message for issue in page.context["general_issues"]]
    assert any("“Ghi chú” is not a column of the template" in m for m in messages)
    assert any("“Ngày sinh” is missing" in m for m in messages)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("danh-sach.csv", b"a;b\n", "is not an .xlsx file"),
        ("danh-sach.xlsx", b"a;b\n", "is not an Excel workbook"),
        ("danh-sach.xlsx", b"", "The submitted file is empty."),
    ],
)
def test_a_file_that_is_not_xlsx_is_refused_on_the_form(
    client_for, steering_admin, media, name, content, expected
):
    response = client_for(steering_admin).post(
        reverse("cadres:import_list"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert expected in " ".join(response.context["form"].errors["file"])
    assert not ImportJob.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_on_the_form(
    client_for, steering_admin, settings, lookups, tmp_path
):
    settings.MAX_IMPORT_FILE_SIZE = 100
    response = client_for(steering_admin).post(
        reverse("cadres:import_list"), {"file": upload(tmp_path, [cadre_row()])}
    )
    assert "the largest file accepted" in response.context["form"].errors["file"][0]
    assert not ImportJob.objects.exists()


# --- Status and progress -----------------------------------------------------------------------


def test_an_unfinished_import_polls_its_status_every_second(client_for, steering_admin):
    job = job_for(
        steering_admin, status=ImportJob.Status.VALIDATING, total_rows=200, processed_rows=50
    )
    client = client_for(steering_admin)
    html = client.get(reverse("cadres:import_detail", args=[job.pk])).content.decode()
    status_url = reverse("cadres:import_status", args=[job.pk])
    assert f'hx-get="{status_url}"' in html
    assert 'hx-trigger="every 1s"' in html
    assert 'data-width="25"' in html
    assert "You may leave this page" in html
    partial = client.get(status_url, HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in partial.content.decode()
    assert "HX-Refresh" not in partial


def test_the_status_stops_polling_and_reloads_the_page_when_finished(client_for, steering_admin):
    job = job_for(steering_admin, status=ImportJob.Status.SUCCEEDED, created_count=3)
    client = client_for(steering_admin)
    partial = client.get(reverse("cadres:import_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"
    assert "hx-trigger" not in partial.content.decode()
    detail = client.get(reverse("cadres:import_detail", args=[job.pk])).content.decode()
    assert "hx-trigger" not in detail


def test_an_import_whose_worker_died_stops_polling_and_says_nothing_was_imported(
    client_for, steering_admin
):
    job = job_for(steering_admin, status=ImportJob.Status.IMPORTING, total_rows=10)
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    client = client_for(steering_admin)
    partial = client.get(reverse("cadres:import_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "hx-trigger" not in html
    assert "Nothing from this file was imported" in html
    assert partial["HX-Refresh"] == "true"


def test_the_insert_phase_on_sqlite_shows_a_busy_bar(client_for, steering_admin):
    job = job_for(steering_admin, status=ImportJob.Status.IMPORTING, total_rows=10)
    html = (
        client_for(steering_admin)
        .get(reverse("cadres:import_status", args=[job.pk]))
        .content.decode()
    )
    assert "progress-bar-animated" in html
    assert 'data-width="100"' in html


def test_pages_have_no_inline_script_or_style(client_for, steering_admin, lookups, tmp_path):
    client = client_for(steering_admin)
    client.post(reverse("cadres:import_list"), {"file": upload(tmp_path, [cadre_row(gender="?")])})
    job = ImportJob.objects.get()
    for address in (
        reverse("cadres:import_list"),
        reverse("cadres:import_detail", args=[job.pk]),
        reverse("cadres:import_status", args=[job.pk]),
    ):
        html = client.get(address).content.decode()
        assert "style=" not in html
        assert "<script>" not in html


# --- The job -----------------------------------------------------------------------------------


def _job_with_file(user, tmp_path, rows) -> ImportJob:
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    stored = pipeline.upload_store([path.read_bytes()])
    return job_for(user, stored_path=stored)


def test_a_job_runs_once(steering_admin, lookups, tmp_path):
    job = _job_with_file(steering_admin, tmp_path, [cadre_row()])
    assert pipeline.import_job_run.call("cadres", job.pk) == ImportJob.Status.SUCCEEDED
    assert pipeline.import_job_run.call("cadres", job.pk) == ImportJob.Status.SUCCEEDED
    assert Cadre.objects.count() == 1
    assert AuditEntry.objects.filter(action="cadres.import").count() == 1


def test_an_unexpected_error_fails_the_job_and_imports_nothing(
    steering_admin, lookups, tmp_path, monkeypatch, media
):
    job = _job_with_file(steering_admin, tmp_path, [cadre_row()])

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(importing, "_insert_batch", broken)
    with pytest.raises(RuntimeError, match="boom"):
        pipeline.import_job_run.call("cadres", job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert [error["code"] for error in job.errors] == ["unexpected"]
    assert not Cadre.objects.exists()
    assert stored_files(media) == []


def test_a_job_whose_uploader_lost_the_right_to_import_fails(steering_admin, lookups, tmp_path):
    job = _job_with_file(steering_admin, tmp_path, [cadre_row()])
    steering_admin.role = Role.AUDITOR
    steering_admin.save()
    assert pipeline.import_job_run.call("cadres", job.pk) == ImportJob.Status.FAILED
    job.refresh_from_db()
    assert [error["code"] for error in job.errors] == ["not_allowed"]
    assert not Cadre.objects.exists()


def test_progress_is_written_on_the_job(steering_admin):
    job = job_for(steering_admin)
    progress = pipeline.JobProgress(ImportJob, job.pk)
    progress(pipeline.VALIDATING, 1000, 4000)
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.total_rows, job.percent) == (
        "validating",
        1000,
        4000,
        25,
    )
    progress(pipeline.IMPORTING, 0, 3990)
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.total_rows) == ("importing", 0, 3990)
    progress.close()


@pytest.mark.postgres_only
def test_insert_progress_is_visible_while_the_import_transaction_is_open(
    transactional_db, steering_admin
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: no progress during the insert phase")
    from django.db import connections, transaction

    job = job_for(steering_admin, status=ImportJob.Status.IMPORTING, total_rows=4000)
    progress = pipeline.JobProgress(ImportJob, job.pk)
    observer = connections.create_connection("default")
    try:
        with transaction.atomic():
            Cadre.objects.filter(pk=-1).update(full_name="x")  # the import's transaction is open
            progress(pipeline.IMPORTING, 2000, 4000)
            with observer.cursor() as cursor:
                cursor.execute(
                    "SELECT processed_rows FROM cadres_importjob WHERE id = %s", [job.pk]
                )
                assert cursor.fetchone() == (2000,)
    finally:
        progress.close()
        observer.close()
