"""The nominations policy (``apps/nominations/permissions.py``): each role × each permission, own
and other agency, and the services, workflow steps and pages asking it (refusals in
Vietnamese)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from apps.cadres.tests.factories import CadreFactory
from apps.core.permissions import may
from apps.core.workflow import available_targets
from apps.nominations import permissions as p
from apps.nominations import services
from apps.nominations.models import Nomination
from apps.nominations.tests.factories import NominationFactory

ROLES = ["steering_admin", "agency_officer", "finance_officer", "auditor", "participant"]
TABLE = {
    p.VIEW_NOMINATIONS: {"steering_admin", "agency_officer", "finance_officer", "auditor"},
    p.NOMINATE: {"steering_admin", "agency_officer"},
    p.DECIDE: {"steering_admin"},
    p.OVERRIDE: {"steering_admin"},
    p.RECORD_GATE: {"steering_admin"},
}


@pytest.mark.parametrize("perm", sorted(TABLE))
def test_each_role_holds_exactly_its_nomination_permissions(perm, personas):
    assert {role for role in ROLES if may(personas[role], perm)} == TABLE[perm]


@pytest.fixture
def own(ministry_unit, reference_data):
    return NominationFactory(cadre=CadreFactory(agency=ministry_unit))


@pytest.fixture
def foreign(other_agency, reference_data):
    return NominationFactory(cadre=CadreFactory(agency=other_agency))


def test_an_officer_acts_on_its_own_agencys_nominations_only(personas, own, foreign):
    officer = personas["agency_officer"]
    assert may(officer, p.NOMINATE, own)
    assert not may(officer, p.NOMINATE, foreign)
    assert may(personas["other_officer"], p.NOMINATE, foreign)
    assert may(personas["steering_admin"], p.NOMINATE, foreign)
    assert not may(personas["auditor"], p.NOMINATE, own)


def test_the_workflow_offers_the_steps_the_policy_gives(personas, own, foreign):
    assert set(available_targets(own, personas["steering_admin"])) == {
        "approved",
        "rejected",
        "waitlisted",
        "withdrawn",
    }
    assert available_targets(own, personas["agency_officer"]) == ["withdrawn"]
    assert available_targets(foreign, personas["agency_officer"]) == []
    assert available_targets(own, personas["auditor"]) == []


def test_services_refuse_other_agencies_and_roles_in_vietnamese(personas, own, foreign):
    officer = personas["agency_officer"]
    with translation.override("vi"):
        with pytest.raises(PermissionDenied, match="Đồng chí không được thay đổi đề cử này"):
            services.nomination_withdraw(actor=officer, nomination=foreign)
        with pytest.raises(PermissionDenied, match="Đồng chí không được thay đổi đề cử này"):
            services.nomination_submit(actor=officer, nomination=foreign)
        with pytest.raises(PermissionDenied, match="Văn phòng Ban Chỉ đạo"):
            services.gate_record(actor=officer, nomination=own, score=Decimal("80"))
        with pytest.raises(PermissionDenied, match="Ban Chỉ đạo"):
            services.nomination_override(actor=officer, nomination=own, reason="Cần thiết")
        with pytest.raises(PermissionDenied, match="Vai trò của đồng chí"):
            services.nomination_decide(actor=officer, nomination=own, decision="approved")
    assert Nomination.objects.get(pk=foreign.pk).status == "submitted"
    assert services.nomination_withdraw(actor=officer, nomination=own).status == "withdrawn"


@pytest.mark.parametrize(
    ("persona", "which", "status"),
    [
        ("agency_officer", "own", 302),
        ("agency_officer", "foreign", 404),
        ("other_officer", "foreign", 302),
        ("finance_officer", "own", 403),
        ("auditor", "own", 403),
        ("participant", "own", 404),
    ],
)
def test_withdrawing_by_post_asks_the_policy(
    persona, which, status, personas, own, foreign, client_for
):
    nomination = {"own": own, "foreign": foreign}[which]
    response = client_for(personas[persona]).post(
        reverse("nominations:nomination_withdraw", args=[nomination.pk]), {"reason": "Bận"}
    )
    assert response.status_code == status
    nomination.refresh_from_db()
    assert nomination.status == ("withdrawn" if status == 302 else "submitted")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("steering_admin", 200),
        ("agency_officer", 200),
        ("finance_officer", 403),
        ("auditor", 403),
        ("participant", 403),
    ],
)
def test_the_nominate_page_asks_the_policy(persona, status, personas, client_for, own):
    url = reverse("nominations:nominate", args=[own.course.pk])
    assert client_for(personas[persona]).get(url).status_code == status


def test_the_detail_page_offers_what_the_policy_allows(personas, own, client_for):
    detail = reverse("nominations:nomination_detail", args=[own.pk])
    decide = reverse("nominations:nomination_decide", args=[own.pk])
    assert decide in client_for(personas["steering_admin"]).get(detail).text
    officer_page = client_for(personas["agency_officer"]).get(detail).text
    assert decide not in officer_page
    assert reverse("nominations:nomination_withdraw", args=[own.pk]) in officer_page
