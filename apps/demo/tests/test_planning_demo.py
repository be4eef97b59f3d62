"""The planning demo data: calls 2022–2027, approved plans 2022–2026, totals near the targets."""

import pytest
from django.db import transaction

from apps.demo.generators import run_generators
from apps.planning.models import (
    AnnualPlan,
    NeedsCall,
    NeedsRegistration,
    PlanStatus,
    PlanTransition,
    Quota,
)
from apps.planning.quota import quota_states
from apps.planning.selectors import approved_plan, consolidation, plan_totals


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_generators(seed=3, options={"cadres": 50})
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_calls_registrations_and_plans_for_every_year(demo):
    assert list(NeedsCall.objects.order_by("year").values_list("year", flat=True)) == list(
        range(2022, 2028)
    )
    for year in range(2022, 2027):
        plan = approved_plan(year)
        assert plan is not None
        assert plan.transitions.filter(to_status="approved").exists()
    assert approved_plan(2027) is None
    assert AnnualPlan.objects.filter(status=PlanStatus.SUPERSEDED).count() == 2
    agencies = NeedsRegistration.objects.filter(call__year=2026).count()
    assert 60 <= agencies <= 100
    assert 0 < NeedsRegistration.objects.filter(call__year=2027).count() < agencies


@pytest.mark.django_db
def test_numbers_sit_around_the_targets_and_realism_has_history(demo):
    for row in plan_totals(approved_plan(2026)):
        assert row.target * 0.85 <= row.capacity <= row.target * 1.15
        assert row.pool >= 0
    data = consolidation(year=2026)
    short = data.totals[0]
    assert 250 <= short <= 500
    ratios = [r.ratio for row in data.rows for r in row.realism if r.ratio is not None]
    assert len(ratios) >= 60
    assert all(ratio >= 0 for ratio in ratios)  # cadres sent ÷ places allocated, uncapped
    assert any(ratio > 0 for ratio in ratios)
    assert any(row.flag for row in data.rows)


@pytest.mark.django_db
def test_places_used_are_what_the_quota_module_counts(demo):
    quotas = list(
        Quota.objects.filter(plan__status=PlanStatus.APPROVED).select_related("plan", "agency")
    )
    states = quota_states((q.agency, q.form_id, q.plan.year) for q in quotas)
    assert sum(q.used for q in quotas) > 0
    for q in quotas:
        assert q.used == min(states[(q.agency_id, q.form_id, q.plan.year)].used, q.places)


@pytest.mark.django_db
def test_demo_histories_follow_the_workflow_tables(demo):
    from apps.core.workflow import workflow_for
    from apps.courses.models import CourseTransition
    from apps.nominations.models import NominationTransition

    for record in (PlanTransition, CourseTransition, NominationTransition):
        table = workflow_for(record._meta.get_field(record.subject_field).related_model)
        steps = set(record.objects.exclude(from_status="").values_list("from_status", "to_status"))
        assert steps
        assert [step for step in steps if table.step(*step) is None] == []
