"""Needs registration: no cadre of another agency identifiable, no lost update."""

import datetime

import pytest
from django.urls import reverse

from apps.cadres.tests.factories import CadreFactory
from apps.planning.models import NeedsRegistration

from .factories import form, group, make_call

FAR = datetime.date(2099, 12, 31)


@pytest.fixture
def call(reference_data, steering_admin):
    return make_call(year=2027, by=steering_admin, deadline=FAR)


def _body(candidates):
    return {
        "year": 2027,
        "lines": [{"form": "SHORT", "content_group": 1, "places": 1}],
        "candidates": candidates,
    }


def test_a_candidate_of_another_agency_is_refused_without_naming_them(
    call, agency_officer, other_agency, api_for
):
    stranger = CadreFactory(agency=other_agency, full_name="Trần Thị Chi")
    response = api_for(agency_officer).post(
        "/api/planning/needs/", _body([stranger.pk]), format="json"
    )
    assert response.status_code == 400
    assert "Chi" not in response.content.decode()
    unknown = api_for(agency_officer).post(
        "/api/planning/needs/", _body([stranger.pk + 1000]), format="json"
    )
    # An unknown number and another agency's cadre get the same answer.
    assert unknown.status_code == 400
    refused, missing = response.json(), unknown.json()
    assert set(refused) == set(missing) == {"detail", "errors"}
    assert missing["detail"] == refused["detail"]
    assert list(refused["errors"]) == list(missing["errors"]) == ["candidates"]
    assert [
        message.replace(str(stranger.pk + 1000), str(stranger.pk))
        for message in missing["errors"]["candidates"]
    ] == refused["errors"]["candidates"]
    assert not NeedsRegistration.objects.exists()


def test_own_candidates_are_accepted_through_the_api(call, agency_officer, own_cadre, api_for):
    response = api_for(agency_officer).post(
        "/api/planning/needs/", _body([own_cadre.pk]), format="json"
    )
    assert response.status_code == 201
    assert list(NeedsRegistration.objects.get().candidates.all()) == [own_cadre]


def test_the_form_carries_its_version_and_a_second_save_does_not_overwrite(
    call, agency_officer, client_for, client
):
    from django.test import Client

    url = reverse("planning:registration_edit", args=[call.pk])
    key = f"places_{form('SHORT').pk}_{group(1).pk}"
    first, second = client_for(agency_officer), Client()
    second.force_login(agency_officer)
    opened = [c.get(url).context["form"]["version"].value() for c in (first, second)]
    assert 'name="version"' in first.get(url).content.decode()
    assert first.post(url, {key: 4, "version": opened[0]}).status_code == 302
    response = second.post(url, {key: 9, "version": opened[1]})
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    assert NeedsRegistration.objects.get().lines.get().places == 4


def test_a_post_without_a_version_cannot_overwrite_an_existing_registration(
    call, agency_officer, client_for
):
    url = reverse("planning:registration_edit", args=[call.pk])
    key = f"places_{form('SHORT').pk}_{group(1).pk}"
    client = client_for(agency_officer)
    assert client.post(url, {key: 4}).status_code == 302  # none existed: created
    assert client.post(url, {key: 9}).status_code == 200
    assert NeedsRegistration.objects.get().lines.get().places == 4
