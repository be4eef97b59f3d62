"""Searching by citizen-ID digits reveals them: only roles that may see full IDs, and logged."""

import io

import openpyxl
import pytest
from django.urls import reverse

from apps.cadres.tests.factories import CadreFactory
from apps.core.models import AuditEntry

NATIONAL_ID = "001080000394"


@pytest.fixture
def target(ministry):
    return CadreFactory(agency=ministry, full_name="Nguyễn Văn An", national_id=NATIONAL_ID)


def _list_names(client, q):
    response = client.get(reverse("cadres:cadre_list"), {"q": q})
    return {row.record.full_name for row in response.context["table"].page.object_list}


def _export_names(client, q):
    response = client.get(reverse("cadres:cadre_export"), {"q": q})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}


def _api_names(api, q):
    return {row["full_name"] for row in api.get("/api/cadres/", {"q": q}).json()["results"]}


@pytest.mark.parametrize("persona", ["auditor", "finance_officer"])
def test_masked_only_roles_cannot_find_a_cadre_by_id_digits(
    client_for, api_for, personas, persona, target
):
    user = personas[persona]
    client = client_for(user)
    for digits in ("0394", "80000394", NATIONAL_ID):
        assert _list_names(client, digits) == set()
        assert _export_names(client, digits) == set()
        assert _api_names(api_for(user), digits) == set()
    # A name search still works for them.
    assert _list_names(client, "nguyen van an") == {"Nguyễn Văn An"}
    assert not AuditEntry.objects.filter(action="cadres.identifier_search").exists()


@pytest.mark.parametrize("persona", ["steering_admin", "agency_officer"])
def test_identifier_roles_find_by_digits_and_each_search_is_logged(
    client_for, api_for, personas, persona, target
):
    user = personas[persona]
    assert _list_names(client_for(user), "0394") == {"Nguyễn Văn An"}
    assert _api_names(api_for(user), "0394") == {"Nguyễn Văn An"}
    entries = AuditEntry.objects.filter(action="cadres.identifier_search", actor=user)
    assert entries.count() == 2
    assert entries.first().detail == {"digits": 4}  # the number of digits, never the digits


def test_three_digits_are_refused_with_a_reason_not_ignored(client_for, steering_admin, target):
    response = client_for(steering_admin).get(reverse("cadres:cadre_list"), {"q": "394"})
    assert "Type at least 4 digits of the citizen ID, or a name." in response.text
    assert _list_names(client_for(steering_admin), "0394") == {"Nguyễn Văn An"}
