import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from apps.agencies.models import Agency
from apps.agencies.services import agency_merge
from apps.agencies.tests.factories import AgencyFactory
from apps.core.models import AuditEntry

LIST = reverse("agency-list")
NOT_ADMINS = ["agency_officer", "finance_officer", "auditor", "participant"]


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def detail(agency) -> str:
    return reverse("agency-detail", args=[agency.pk])


def test_anonymous_requests_are_refused(db, ministry):
    assert APIClient().get(LIST).status_code in (401, 403)


@pytest.mark.parametrize("persona", ["steering_admin", "finance_officer", "auditor"])
def test_readers_list_every_agency(persona, personas, ministry, ministry_unit, other_agency):
    response = api(personas[persona]).get(LIST)
    assert response.status_code == 200
    assert {row["code"] for row in response.json()["results"]} == {"BTEST", "BTEST_V1", "TKHAC"}


def test_officer_lists_only_its_subtree(agency_officer, ministry_unit, other_agency):
    rows = api(agency_officer).get(LIST).json()["results"]
    assert [row["code"] for row in rows] == ["BTEST", "BTEST_V1"]
    assert api(agency_officer).get(detail(other_agency)).status_code == 404


def test_participant_may_not_read(participant, ministry):
    assert api(participant).get(LIST).status_code == 403


def test_list_filters_by_accent_insensitive_search_and_merged(steering_admin, ministry_unit):
    old = AgencyFactory(code="OLD", name="Bộ Cũ", kind="bo_nganh")
    agency_merge(
        actor=None,
        predecessor=old,
        successor=ministry_unit.parent,
        merged_on=datetime.date(2025, 7, 1),
    )
    client = api(steering_admin)
    assert [r["code"] for r in client.get(LIST, {"q": "to chuc"}).json()["results"]] == ["BTEST_V1"]
    assert "OLD" not in {r["code"] for r in client.get(LIST).json()["results"]}
    merged = client.get(LIST, {"merged": "true"}).json()["results"]
    assert "OLD" in {r["code"] for r in merged}
    one = client.get(detail(old)).json()
    assert one["successor"] == ministry_unit.parent_id
    assert one["merged_on"] == "2025-07-01"


def test_list_uses_a_constant_number_of_queries(steering_admin, django_assert_max_num_queries):
    for n in range(30):
        AgencyFactory(code=f"A{n}", kind="bo_nganh")
    with django_assert_max_num_queries(4):
        assert api(steering_admin).get(LIST).status_code == 200


def test_steering_admin_creates_through_the_service(steering_admin, ministry):
    response = api(steering_admin).post(
        LIST, {"code": "V9", "name": "Vụ Chín", "kind": "vu", "parent": ministry.pk}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["path"] == f"{ministry.path}{body['id']:06d}/"
    assert body["is_central"] is True
    assert AuditEntry.objects.filter(action="agencies.create").count() == 1


def test_service_errors_come_back_per_field(steering_admin):
    response = api(steering_admin).post(
        LIST, {"code": "V9", "name": "Vụ lạc", "kind": "vu"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The data sent is not valid."
    assert "parent" in response.json()["errors"]
    assert not Agency.objects.filter(code="V9").exists()


def test_steering_admin_moves_an_agency(steering_admin, ministry_unit, other_agency):
    response = api(steering_admin).patch(
        detail(ministry_unit), {"parent": other_agency.pk}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["is_central"] is False
    assert response.json()["path"].startswith(other_agency.path)


def test_steering_admin_records_a_merge(steering_admin, ministry, other_agency):
    url = reverse("agency-merge", args=[ministry.pk])
    response = api(steering_admin).post(
        url, {"successor": other_agency.pk, "merged_on": "01/07/2025"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["successor"] == other_agency.pk
    again = api(steering_admin).post(
        url, {"successor": other_agency.pk, "merged_on": "2025-07-01"}, format="json"
    )
    assert again.status_code == 400
    assert "successor" in again.json()["errors"]


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_only_the_steering_admin_writes(persona, personas, ministry, other_agency):
    client = api(personas[persona])
    created = client.post(LIST, {"code": "Z", "name": "Z", "kind": "ban_dang"}, format="json")
    assert created.status_code == 403
    assert client.patch(detail(ministry), {"name": "X"}, format="json").status_code == 403
    merge = reverse("agency-merge", args=[ministry.pk])
    merged = client.post(merge, {"successor": other_agency.pk, "merged_on": "2025-07-01"})
    assert merged.status_code == 403
    assert Agency.objects.get(pk=ministry.pk).name == "Bộ Thử nghiệm"
    assert not Agency.objects.filter(code="Z").exists()


def test_delete_is_not_offered(steering_admin, ministry):
    assert api(steering_admin).delete(detail(ministry)).status_code == 405
