"""The workflow core (``apps.core.workflow``) through the plan's table: table checks, reasons,
roles with Vietnamese messages, the audit entry's name, guards, followers, locking, history."""

from importlib import import_module

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, migrations
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from apps.core import workflow
from apps.core.models import AuditEntry
from apps.planning.models import AnnualPlan, PlanTransition
from apps.planning.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_a_step_is_saved_recorded_and_audited_under_one_name(reference_data, steering_admin):
    plan = make_plan(year=2027, by=steering_admin)
    workflow.transition(plan, "submitted", actor=steering_admin, reason="  Đủ hồ sơ ")
    plan.refresh_from_db()
    assert plan.status == "submitted"
    record = PlanTransition.objects.get()
    assert (record.from_status, record.to_status, record.actor, record.reason) == (
        "draft",
        "submitted",
        steering_admin,
        "Đủ hồ sơ",
    )
    assert record.get_to_status_display() == "Submitted"
    entry = AuditEntry.objects.get(action="planning.annualplan.submitted")
    assert entry.detail == {"from": "draft", "to": "submitted", "reason": "Đủ hồ sơ"}
    assert entry.object_id == str(plan.pk)


def test_a_step_outside_the_table_is_refused_in_vietnamese(reference_data, steering_admin):
    plan = make_plan(year=2027, by=steering_admin)
    with translation.override("vi"), pytest.raises(ValidationError, match="Không thể chuyển"):
        workflow.transition(plan, "approved", actor=steering_admin)
    assert AnnualPlan.objects.get().status == "draft"
    assert not PlanTransition.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="planning.annualplan.").exists()


def test_a_role_outside_the_step_is_refused_in_vietnamese(
    reference_data, steering_admin, finance_officer
):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    with translation.override("vi"), pytest.raises(PermissionDenied, match="Vai trò của đồng chí"):
        workflow.transition(plan, "approved", actor=finance_officer)
    assert AnnualPlan.objects.get().status == "submitted"
    assert not PlanTransition.objects.exists()


def test_a_step_that_needs_a_reason_is_refused_without_one(reference_data, steering_admin):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    with pytest.raises(ValidationError, match="Say why the plan is returned"):
        workflow.transition(plan, "returned", actor=steering_admin, reason="   ")
    with translation.override("vi"), pytest.raises(ValidationError, match="Cần nêu lý do trả lại"):
        workflow.transition(plan, "returned", actor=steering_admin)
    assert AnnualPlan.objects.get().status == "submitted"


def test_the_status_is_read_again_under_the_lock(reference_data, steering_admin):
    """A stale copy cannot take a step its row no longer allows."""
    plan = make_plan(year=2027, by=steering_admin)
    stale = AnnualPlan.objects.get(pk=plan.pk)
    workflow.transition(plan, "submitted", actor=steering_admin)
    workflow.transition(plan, "approved", actor=steering_admin)
    with pytest.raises(ValidationError, match="cannot go from “Approved” to “Submitted”"):
        workflow.transition(stale, "submitted", actor=steering_admin)
    assert stale.status == "approved"


@pytest.mark.skipif(
    not connection.features.has_select_for_update, reason="the database has no row locks"
)
def test_the_row_is_locked_before_the_checks(reference_data, steering_admin):
    plan = make_plan(year=2027, by=steering_admin)
    with CaptureQueriesContext(connection) as queries:
        workflow.transition(plan, "submitted", actor=steering_admin)
    plan_queries = [q["sql"] for q in queries.captured_queries if "planning_annualplan" in q["sql"]]
    assert plan_queries[0].startswith("SELECT")
    assert "FOR UPDATE" in plan_queries[0]


def test_followers_and_guards_are_called_in_order(reference_data, steering_admin, monkeypatch):
    calls = []
    monkeypatch.setitem(
        workflow._guards,
        "planning.annualplan",
        [*workflow._guards["planning.annualplan"], lambda c: calls.append(("guard", c.target))],
    )
    monkeypatch.setitem(
        workflow._followers,
        "planning.annualplan",
        [lambda c: calls.append(("follower", c.source, c.target, c.obj.status, c.reason))],
    )
    plan = make_plan(year=2027, by=steering_admin)
    workflow.transition(plan, "submitted", actor=steering_admin, reason="x")
    assert calls == [("guard", "submitted"), ("follower", "draft", "submitted", "submitted", "x")]


def test_a_failing_follower_undoes_the_step(reference_data, steering_admin, monkeypatch):
    def refuse(change):
        raise ValidationError("no")

    monkeypatch.setitem(workflow._followers, "planning.annualplan", [refuse])
    plan = make_plan(year=2027, by=steering_admin)
    with pytest.raises(ValidationError, match="no"):
        workflow.transition(plan, "submitted", actor=steering_admin)
    assert AnnualPlan.objects.get().status == "draft"
    assert not PlanTransition.objects.exists()


def test_approval_supersedes_the_previous_version_through_the_core(reference_data, steering_admin):
    v1 = make_plan(year=2027, by=steering_admin, status="approved")
    v2 = make_plan(year=2027, by=steering_admin, status="submitted", version=2)
    workflow.transition(v2, "approved", actor=steering_admin)
    v1.refresh_from_db()
    assert v1.status == "superseded"
    assert v2.approved_at is not None
    assert list(
        PlanTransition.objects.order_by("pk").values_list("plan_id", "from_status", "to_status")
    ) == [(v1.pk, "approved", "superseded"), (v2.pk, "submitted", "approved")]
    assert AuditEntry.objects.filter(action="planning.annualplan.superseded").count() == 1


@pytest.mark.parametrize("persona", ["finance_officer", "auditor"])
def test_a_role_not_allowed_sees_no_button_and_is_refused_on_post(
    reference_data, steering_admin, persona, request, client_for
):
    user = request.getfixturevalue(persona)
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    assert workflow.available_transitions(plan, user) == []
    client = client_for(user)
    page = client.get(reverse("planning:plan_detail", args=[plan.pk])).content.decode()
    assert 'id="plan-workflow"' not in page
    response = client.post(
        reverse("planning:plan_transition", args=[plan.pk]), {"to_status": "approved"}
    )
    assert response.status_code == 403
    assert AnnualPlan.objects.get().status == "submitted"


def test_the_steering_admin_is_offered_the_table_s_steps(
    reference_data, steering_admin, client_for
):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    steps = workflow.available_transitions(plan, steering_admin)
    assert [(s.target, s.reason_required) for s in steps] == [
        ("approved", False),
        ("returned", True),
    ]
    page = client_for(steering_admin).get(reverse("planning:plan_detail", args=[plan.pk]))
    html = page.content.decode()
    assert 'value="approved"' in html
    assert 'value="returned"' in html
    assert 'value="superseded"' not in html


def test_the_api_offers_the_same_steps(reference_data, steering_admin, auditor, api_for):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    url = f"/api/planning/plans/{plan.pk}/"
    assert api_for(steering_admin).get(url).json()["available_transitions"] == [
        "approved",
        "returned",
    ]
    assert api_for(auditor).get(url).json()["available_transitions"] == []


def test_the_plan_history_s_comment_is_renamed_not_dropped():
    """The existing comments survive as reasons: the migration renames the column in place."""
    migration = import_module("apps.planning.migrations.0003_plantransition_reason").Migration
    renames = [op for op in migration.operations if isinstance(op, migrations.RenameField)]
    assert [(op.model_name, op.old_name, op.new_name) for op in renames] == [
        ("plantransition", "comment", "reason")
    ]
    assert not [op for op in migration.operations if isinstance(op, migrations.RemoveField)]
