"""Planning API: same scope and services as the pages."""

import datetime

import pytest

from apps.planning.models import NeedsRegistration

from .factories import make_call, make_plan, make_registration


@pytest.fixture
def call(reference_data, steering_admin):
    return make_call(year=2027, by=steering_admin, deadline=datetime.date(2099, 1, 1))


def test_officer_registers_and_a_second_post_merges(call, agency_officer, ministry, api_for):
    client = api_for(agency_officer)
    body = {"year": 2027, "lines": [{"form": "SHORT", "content_group": 1, "places": "4"}]}
    assert client.post("/api/planning/needs/", body, format="json").status_code == 201
    body["lines"][0]["places"] = "6"
    response = client.post("/api/planning/needs/", body, format="json")
    assert response.status_code == 201
    assert response.json()["lines"] == [{"form": "SHORT", "content_group": 1, "places": 6}]
    assert NeedsRegistration.objects.get().agency == ministry


def test_bad_places_are_refused_with_a_message(call, agency_officer, api_for):
    body = {"year": 2027, "lines": [{"form": "SHORT", "content_group": 1, "places": "-2"}]}
    response = api_for(agency_officer).post("/api/planning/needs/", body, format="json")
    assert response.status_code == 400
    assert "negative" in str(response.json())
    assert not NeedsRegistration.objects.exists()


def test_officer_cannot_post_for_another_agency(call, agency_officer, other_agency, api_for):
    body = {"year": 2027, "agency": other_agency.pk, "lines": []}
    response = api_for(agency_officer).post("/api/planning/needs/", body, format="json")
    assert response.status_code == 404
    assert not NeedsRegistration.objects.exists()


def test_officer_lists_only_its_registrations(
    call, agency_officer, ministry, other_agency, steering_admin, api_for
):
    make_registration(call=call, agency=ministry, by=steering_admin, places={"SHORT": 1})
    make_registration(call=call, agency=other_agency, by=steering_admin, places={"SHORT": 1})
    rows = api_for(agency_officer).get("/api/planning/needs/").json()["results"]
    assert [row["agency"] for row in rows] == [ministry.pk]


def test_plan_workflow_through_the_api(reference_data, steering_admin, auditor, api_for):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    url = f"/api/planning/plans/{plan.pk}/transition/"
    assert api_for(auditor).post(url, {"to_status": "approved"}).status_code == 403
    response = api_for(steering_admin).post(url, {"to_status": "draft"})
    assert response.status_code == 400
    assert "cannot go from" in str(response.json())
    response = api_for(steering_admin).post(url, {"to_status": "approved"})
    assert response.json()["status"] == "approved"


def test_quotas_are_scoped(
    reference_data, steering_admin, agency_officer, ministry, other_agency, api_for
):
    make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 20},
        quotas={(ministry, "SHORT"): 4, (other_agency, "SHORT"): 5},
    )
    rows = api_for(agency_officer).get("/api/planning/quotas/?year=2027").json()["results"]
    assert [(row["agency"], row["places"]) for row in rows] == [(ministry.pk, 4)]
