"""The shared policy machinery: ``require``, the ``may`` filter and the menu built from policies."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from apps.core.navigation import nav_items
from apps.core.permissions import VIEW_AUDIT_LOG, may, require


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("steering_admin", True),
        ("auditor", True),
        ("agency_officer", False),
        ("finance_officer", False),
        ("participant", False),
    ],
)
def test_the_audit_log_is_for_steering_admins_and_auditors(persona, allowed, personas):
    assert may(personas[persona], VIEW_AUDIT_LOG) is allowed


def test_require_refuses_in_vietnamese(agency_officer):
    with translation.override("vi"), pytest.raises(PermissionDenied, match="không có quyền"):
        require(agency_officer, VIEW_AUDIT_LOG)


def test_require_lets_the_system_act(db):
    require(None, VIEW_AUDIT_LOG)  # loading reference data acts on no one's behalf


def test_an_inactive_user_may_do_nothing(steering_admin):
    steering_admin.is_active = False
    assert not may(steering_admin, VIEW_AUDIT_LOG)


def test_templates_ask_the_policy(auditor, agency_officer):
    template = Template('{% load policy %}{% if user|may:"core.view_audit_log" %}yes{% endif %}')
    assert template.render(Context({"user": auditor})) == "yes"
    assert template.render(Context({"user": agency_officer})) == ""


def test_the_menu_shows_what_each_policy_allows(participant, auditor):
    with translation.override("en"):
        participant_menu = [item["label"] for item in nav_items(participant, "/")]
        auditor_menu = [str(item["label"]) for item in nav_items(auditor, "/")]
    assert [str(label) for label in participant_menu] == ["Home", "My record", "My courses"]
    assert auditor_menu == [
        "Home",
        "Agencies",
        "Cadres",
        "Planning",
        "Courses",
        "Delegations",
        "Nominations",
        "Programme settings",
        "Audit log",
    ]


def test_the_current_entry_is_marked(auditor):
    items = nav_items(auditor, reverse("cadres:cadre_list"))
    assert [item["url"] for item in items if item["active"]] == [reverse("cadres:cadre_list")]
