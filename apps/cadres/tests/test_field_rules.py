"""One rule per field for the page and the API (the import uses the same validators)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory, _level
from apps.cadres.tests.test_views import _edit_payload
from apps.cadres.validators import MAX_AGE, validate_date_of_birth

TODAY = timezone.localdate()
BAD_BIRTH_DATES = {
    "far future": datetime.date(9999, 12, 31),
    "tomorrow": TODAY + datetime.timedelta(days=1),
    "one day old": TODAY - datetime.timedelta(days=1),
    "too old": datetime.date(TODAY.year - MAX_AGE - 2, 1, 1),
}


@pytest.mark.parametrize("birth", BAD_BIRTH_DATES.values(), ids=BAD_BIRTH_DATES.keys())
def test_the_form_refuses_an_implausible_birth_date(
    client_for, agency_officer, ministry_unit, birth
):
    cadre = CadreFactory.build(agency=ministry_unit, position_level=_level())
    data = _edit_payload(
        cadre, national_id="001085001234", date_of_birth=birth.strftime("%d/%m/%Y")
    )
    data.pop("version")
    response = client_for(agency_officer).post(reverse("cadres:cadre_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["date_of_birth"]
    assert not Cadre.objects.filter(national_id="001085001234").exists()


@pytest.mark.parametrize("birth", BAD_BIRTH_DATES.values(), ids=BAD_BIRTH_DATES.keys())
def test_the_api_refuses_an_implausible_birth_date(api_for, agency_officer, own_cadre, birth):
    payload = {
        "full_name": "Lê Văn Mới",
        "gender": "M",
        "date_of_birth": birth.isoformat(),
        "national_id": "001080009999",
        "agency": own_cadre.agency_id,
        "position_title": "Phó Vụ trưởng",
        "position_level": own_cadre.position_level_id,
        "work_field": own_cadre.work_field_id,
    }
    api = api_for(agency_officer)
    response = api.post("/api/cadres/", payload, format="json")
    assert response.status_code == 400
    assert "date_of_birth" in response.json()["errors"]
    edit = api.patch(
        f"/api/cadres/{own_cadre.pk}/",
        {"date_of_birth": birth.isoformat(), "version": own_cadre.version},
        format="json",
    )
    assert edit.status_code == 400
    assert "date_of_birth" in edit.json()["errors"]


def test_the_validator_gives_the_import_a_code():
    with pytest.raises(ValidationError, match="in the future") as caught:
        validate_date_of_birth(TODAY + datetime.timedelta(days=1))
    assert caught.value.code == "date_future"
    validate_date_of_birth(datetime.date(1975, 6, 15))


def test_an_id_of_another_agency_is_refused_without_confirming_it(
    api_for, agency_officer, own_cadre, other_agency
):
    stranger = CadreFactory(agency=other_agency, national_id="001080007777")
    payload = {
        "full_name": "Lê Văn Mới",
        "gender": "M",
        "date_of_birth": "1980-01-01",
        "national_id": stranger.national_id,
        "agency": own_cadre.agency_id,
        "position_title": "Phó Vụ trưởng",
        "position_level": own_cadre.position_level_id,
        "work_field": own_cadre.work_field_id,
    }
    response = api_for(agency_officer).post("/api/cadres/", payload, format="json")
    assert response.status_code == 400
    message = " ".join(response.json()["errors"]["national_id"])
    assert "already" not in message
    assert stranger.national_id not in message
    assert not Cadre.objects.filter(full_name="Lê Văn Mới").exists()


def test_an_id_inside_the_scope_is_named_as_a_duplicate(api_for, agency_officer, own_cadre):
    payload = {
        "full_name": "Lê Văn Mới",
        "gender": "M",
        "date_of_birth": "1980-01-01",
        "national_id": own_cadre.national_id,
        "agency": own_cadre.agency_id,
        "position_title": "Phó Vụ trưởng",
        "position_level": own_cadre.position_level_id,
        "work_field": own_cadre.work_field_id,
    }
    response = api_for(agency_officer).post("/api/cadres/", payload, format="json")
    assert "already has the citizen ID" in " ".join(response.json()["errors"]["national_id"])


def test_the_form_refuses_an_id_of_another_agency_without_confirming_it(
    client_for, agency_officer, ministry_unit, other_agency
):
    stranger = CadreFactory(agency=other_agency, national_id="001080007777")
    cadre = CadreFactory.build(agency=ministry_unit, position_level=_level())
    data = _edit_payload(cadre, national_id=stranger.national_id)
    data.pop("version")
    response = client_for(agency_officer).post(reverse("cadres:cadre_create"), data)
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["national_id"])
    assert "cannot be registered from your account" in message
    assert "already" not in message
