import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from apps.programme.models import Phase
from apps.programme.reference import load_programme

ENDPOINTS = [
    "programme-phase-list",
    "programme-form-list",
    "programme-content-group-list",
    "programme-position-level-list",
    "programme-work-field-list",
    "programme-rule-setting-list",
]
READERS = ["steering_admin", "agency_officer", "finance_officer", "auditor"]


@pytest.fixture(autouse=True)
def programme_settings(db):
    load_programme()


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("persona", READERS)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_registry_roles_read_every_setting(name, persona, personas):
    response = api(personas[persona]).get(reverse(name))
    assert response.status_code == 200
    assert response.json()["count"] > 0


@pytest.mark.parametrize("name", ENDPOINTS)
def test_participant_and_anonymous_are_refused(name, participant):
    assert api(participant).get(reverse(name)).status_code == 403
    assert APIClient().get(reverse(name)).status_code in (401, 403)


def test_phases_carry_their_targets(auditor):
    rows = api(auditor).get(reverse("programme-phase-list")).json()["results"]
    current = next(row for row in rows if row["code"] == "2026-2030")
    assert {t["form"]: t["places"] for t in current["targets"]} == {
        "SHORT": 300,
        "MEDIUM": 50,
        "LANGUAGE": 150,
    }


def test_forms_carry_eligible_level_codes(auditor):
    rows = api(auditor).get(reverse("programme-form-list")).json()["results"]
    short = next(row for row in rows if row["code"] == "SHORT")
    assert set(short["eligible_levels"]) == {
        "TW_MANAGED",
        "PROVINCIAL_STANDING",
        "DEPARTMENT_CENTRAL",
    }
    language = next(row for row in rows if row["code"] == "LANGUAGE")
    assert [p["code"] for p in language["phases"]] == ["DOMESTIC", "ABROAD"]


def test_settings_cannot_be_written_through_the_api(steering_admin):
    phase = Phase.objects.get(code="2026-2030")
    url = reverse("programme-phase-detail", args=[phase.pk])
    assert api(steering_admin).patch(url, {"name": "X"}, format="json").status_code == 405
    assert api(steering_admin).delete(url).status_code == 405


def test_lists_use_a_constant_number_of_queries(auditor, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        api(auditor).get(reverse("programme-form-list"))
    with django_assert_max_num_queries(4):
        api(auditor).get(reverse("programme-phase-list"))
