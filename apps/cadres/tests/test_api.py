import pytest
from rest_framework.test import APIClient

from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory


@pytest.fixture
def registry(ministry, other_agency):
    return {
        "mine": CadreFactory(
            agency=ministry, full_name="Nguyễn Văn An", national_id="001080000111"
        ),
        "other": CadreFactory(agency=other_agency, full_name="Trần Văn Bình"),
    }


def test_api_needs_a_token(db):
    assert APIClient().get("/api/cadres/").status_code == 401


def test_agency_officer_lists_only_its_cadres_with_masked_ids(api_for, agency_officer, registry):
    response = api_for(agency_officer).get("/api/cadres/", {"q": "nguyen"})
    assert [row["full_name"] for row in response.json()["results"]] == ["Nguyễn Văn An"]
    assert response.json()["results"][0]["national_id"] == "•••••••••111"
    assert api_for(agency_officer).get(f"/api/cadres/{registry['other'].pk}/").status_code == 404


def test_update_needs_the_version_and_detects_conflicts(api_for, agency_officer, registry):
    cadre = registry["mine"]
    client = api_for(agency_officer)
    url = f"/api/cadres/{cadre.pk}/"
    assert client.patch(url, {"position_title": "X"}, format="json").status_code == 400
    ok = client.patch(url, {"position_title": "Vụ trưởng", "version": cadre.version}, format="json")
    assert ok.status_code == 200
    stale = client.patch(
        url, {"position_title": "Cục trưởng", "version": cadre.version}, format="json"
    )
    assert stale.status_code == 409
    assert Cadre.objects.get(pk=cadre.pk).position_title == "Vụ trưởng"


@pytest.mark.parametrize("persona", ["finance_officer", "auditor", "participant"])
def test_readers_cannot_write(api_for, personas, persona, registry):
    cadre = registry["mine"]
    client = api_for(personas[persona])
    response = client.patch(
        f"/api/cadres/{cadre.pk}/", {"position_title": "X", "version": 1}, format="json"
    )
    assert response.status_code in {403, 404}
    assert Cadre.objects.get(pk=cadre.pk).position_title != "X"


def test_officer_cannot_create_in_another_agency(api_for, agency_officer, registry, other_agency):
    mine = registry["mine"]
    payload = {
        "full_name": "Lê Văn Mới",
        "gender": "M",
        "date_of_birth": "1980-01-01",
        "national_id": "001080009999",
        "agency": other_agency.pk,
        "position_title": "Phó Vụ trưởng",
        "position_level": mine.position_level_id,
        "work_field": mine.work_field_id,
    }
    response = api_for(agency_officer).post("/api/cadres/", payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["agency"] == ["The agency is outside the agencies you manage."]
    payload["agency"] = mine.agency_id
    assert api_for(agency_officer).post("/api/cadres/", payload, format="json").status_code == 201
