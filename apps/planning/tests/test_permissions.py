"""The planning policy (``apps/planning/permissions.py``): each role × each permission, own and
other agency, and the services and pages asking it (refusals in Vietnamese)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from apps.core.permissions import may
from apps.planning import permissions as p
from apps.planning import services
from apps.planning.models import NeedsCall, NeedsRegistration

from .factories import make_call, make_plan

FAR = datetime.date(2099, 12, 31)

ROLES = ["steering_admin", "agency_officer", "finance_officer", "auditor", "participant"]
#: permission → the roles holding it (no object named).
TABLE = {
    p.VIEW_PLANNING: {"steering_admin", "agency_officer", "finance_officer", "auditor"},
    p.VIEW_NEEDS: {"steering_admin", "agency_officer", "finance_officer", "auditor"},
    p.REGISTER_NEEDS: {"steering_admin", "agency_officer"},
    p.REGISTER_OWN_NEEDS: {"agency_officer"},
    p.MANAGE_CALLS: {"steering_admin"},
    p.VIEW_PLANS: {"steering_admin", "finance_officer", "auditor"},
    p.MANAGE_PLANS: {"steering_admin"},
    p.VIEW_QUOTAS: {"steering_admin", "agency_officer", "finance_officer", "auditor"},
    p.VIEW_OWN_QUOTAS: {"agency_officer"},
}


@pytest.mark.parametrize("perm", sorted(TABLE))
def test_each_role_holds_exactly_its_planning_permissions(perm, personas):
    assert {role for role in ROLES if may(personas[role], perm)} == TABLE[perm]


def test_needs_are_registered_for_agencies_in_scope_only(
    personas, ministry, ministry_unit, other_agency
):
    officer, admin = personas["agency_officer"], personas["steering_admin"]
    assert may(officer, p.REGISTER_NEEDS, ministry_unit)
    assert not may(officer, p.REGISTER_NEEDS, other_agency)
    assert may(personas["other_officer"], p.REGISTER_NEEDS, other_agency)
    assert may(admin, p.REGISTER_NEEDS, other_agency)
    assert not may(personas["auditor"], p.REGISTER_NEEDS, ministry)


@pytest.fixture
def call(reference_data, steering_admin):
    return make_call(year=2027, by=steering_admin, deadline=FAR)


def test_registering_for_another_agency_is_refused_in_vietnamese(
    call, agency_officer, other_agency, auditor
):
    with translation.override("vi"), pytest.raises(PermissionDenied, match="Đồng chí chỉ được"):
        services.needs_register(actor=agency_officer, call=call, agency=other_agency, places={})
    with translation.override("vi"), pytest.raises(PermissionDenied, match="Vai trò của đồng chí"):
        services.needs_register(actor=auditor, call=call, agency=other_agency, places={})
    assert not NeedsRegistration.objects.exists()


@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor"])
def test_calls_and_plans_are_the_steering_admins(persona, personas, reference_data):
    actor = personas[persona]
    with translation.override("vi"), pytest.raises(PermissionDenied, match="Văn phòng Ban Chỉ đạo"):
        services.needs_call_open(actor=actor, year=2027, deadline=FAR)
    with pytest.raises(PermissionDenied, match="steering admin"):
        services.plan_create(actor=actor, year=2027)
    assert not NeedsCall.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("steering_admin", 302),
        ("agency_officer", 403),
        ("finance_officer", 403),
        ("auditor", 403),
        ("participant", 403),
    ],
)
def test_only_the_steering_admin_opens_a_call_by_post(
    persona, status, personas, client_for, reference_data
):
    response = client_for(personas[persona]).post(
        reverse("planning:call_create"), {"year": 2027, "deadline": "31/12/2099"}
    )
    assert response.status_code == status
    assert NeedsCall.objects.exists() is (status == 302)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("finance_officer", 403), ("auditor", 403), ("participant", 403), ("agency_officer", 403)],
)
def test_plan_steps_are_refused_by_post_to_every_other_role(
    persona, status, personas, client_for, reference_data, steering_admin
):
    plan = make_plan(year=2027, by=steering_admin)
    response = client_for(personas[persona]).post(
        reverse("planning:plan_transition", args=[plan.pk]), {"to_status": "submitted"}
    )
    assert response.status_code == status
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_home_card_follows_the_policy(call, agency_officer, finance_officer, client_for):
    officer_page = client_for(agency_officer).get(reverse("core:home")).text
    assert reverse("planning:registration_edit", args=[call.pk]) in officer_page
    assert 'id="quota-card"' in officer_page
    assert 'id="plan-chart"' not in officer_page
    finance_page = client_for(finance_officer).get(reverse("core:home")).text
    assert reverse("planning:registration_edit", args=[call.pk]) not in finance_page
    assert 'id="quota-card"' not in finance_page
    assert 'id="plan-chart"' in finance_page


def test_the_plans_link_is_for_readers_of_plans(call, agency_officer, auditor, client_for):
    plans = reverse("planning:plan_list")
    assert plans not in client_for(agency_officer).get(reverse("planning:call_list")).text
    assert plans in client_for(auditor).get(reverse("planning:call_list")).text
