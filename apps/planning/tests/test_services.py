"""Services of planning: registration, workflow by role, quotas, moves, releases, bad input."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.cadres.tests.factories import CadreFactory
from apps.core.models import AuditEntry
from apps.planning import services
from apps.planning.models import (
    AnnualPlan,
    NeedsLine,
    NeedsRegistration,
    PlanStatus,
    PlanTransition,
    Quota,
    QuotaMove,
)

from .factories import form, group, make_call, make_plan

FAR = datetime.date(2099, 12, 31)


@pytest.fixture
def call(reference_data, steering_admin):
    return make_call(year=2027, by=steering_admin, deadline=FAR)


def places(**by_code):
    return {(form(code).pk, group(1).pk): value for code, value in by_code.items()}


# --- calls -----------------------------------------------------------------------------------


def test_it_opens_a_call_with_audit(reference_data, steering_admin):
    call = services.needs_call_open(actor=steering_admin, year=2027, deadline=FAR, note="Gấp")
    assert call.year == 2027
    assert AuditEntry.objects.filter(action="planning.call_open").exists()


def test_it_refuses_a_call_outside_the_phase(reference_data, steering_admin):
    with pytest.raises(ValidationError, match="outside every programme phase") as error:
        services.needs_call_open(actor=steering_admin, year=2045, deadline=FAR)
    assert "outside every programme phase" in str(error.value)


def test_an_agency_officer_cannot_open_a_call(reference_data, agency_officer):
    with pytest.raises(PermissionDenied, match="Only a steering admin may do this"):
        services.needs_call_open(actor=agency_officer, year=2027, deadline=FAR)


# --- registrations ---------------------------------------------------------------------------


def test_registering_twice_merges_into_one_registration(call, agency_officer, ministry):
    services.needs_register(
        actor=agency_officer, call=call, agency=ministry, places=places(SHORT=5, MEDIUM=1)
    )
    services.needs_register(
        actor=agency_officer, call=call, agency=ministry, places=places(SHORT=7, MEDIUM=0)
    )
    registration = NeedsRegistration.objects.get()
    assert registration.version == 1
    assert list(registration.lines.values_list("form__code", "places")) == [("SHORT", 7)]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (-1, "cannot be negative"),
        ("2.5", "not a whole number"),
        ("abc", "not a whole number"),
        (1.5, "not a whole number"),
    ],
)
def test_it_refuses_bad_numbers_and_changes_nothing(call, agency_officer, ministry, bad, message):
    with pytest.raises(ValidationError, match=message):
        services.needs_register(
            actor=agency_officer, call=call, agency=ministry, places=places(SHORT=bad)
        )
    assert not NeedsRegistration.objects.exists()


def test_an_officer_cannot_register_for_another_agency(call, agency_officer, other_agency):
    with pytest.raises(PermissionDenied, match="only register needs for your own agency"):
        services.needs_register(
            actor=agency_officer, call=call, agency=other_agency, places=places(SHORT=1)
        )
    assert not NeedsRegistration.objects.exists()


def test_an_officer_may_register_for_a_unit_below(call, agency_officer, ministry_unit):
    registration = services.needs_register(
        actor=agency_officer, call=call, agency=ministry_unit, places=places(SHORT=1)
    )
    assert registration.agency == ministry_unit


def test_candidates_must_come_from_the_agency_subtree(
    call, agency_officer, ministry, own_cadre, other_agency
):
    stranger = CadreFactory(agency=other_agency)
    with pytest.raises(ValidationError, match="does not work in"):
        services.needs_register(
            actor=agency_officer,
            call=call,
            agency=ministry,
            places=places(SHORT=1),
            candidates=[own_cadre, stranger],
        )
    registration = services.needs_register(
        actor=agency_officer,
        call=call,
        agency=ministry,
        places=places(SHORT=1),
        candidates=[own_cadre],
    )
    assert list(registration.candidates.all()) == [own_cadre]


def test_registration_is_locked_after_the_deadline_until_reopened(
    reference_data, steering_admin, agency_officer, ministry
):
    call = make_call(year=2027, by=steering_admin, deadline=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="deadline for registering needs") as error:
        services.needs_register(
            actor=agency_officer, call=call, agency=ministry, places=places(SHORT=1)
        )
    assert "deadline" in str(error.value)
    registration = NeedsRegistration.objects.create(
        call=call, agency=ministry, created_by=agency_officer
    )
    services.needs_reopen(actor=steering_admin, registration=registration, until=FAR)
    services.needs_register(
        actor=agency_officer, call=call, agency=ministry, places=places(SHORT=2)
    )
    assert NeedsLine.objects.get().places == 2


def test_only_a_steering_admin_reopens(call, agency_officer, ministry):
    registration = NeedsRegistration.objects.create(
        call=call, agency=ministry, created_by=agency_officer
    )
    with pytest.raises(PermissionDenied, match="Only a steering admin may do this"):
        services.needs_reopen(actor=agency_officer, registration=registration, until=FAR)


# --- workflow --------------------------------------------------------------------------------


def test_the_plan_goes_draft_submitted_returned_submitted_approved(reference_data, steering_admin):
    plan = services.plan_create(actor=steering_admin, year=2027)
    services.plan_transition(actor=steering_admin, plan=plan, to_status="submitted")
    with pytest.raises(ValidationError, match="Say why the plan is returned"):
        services.plan_transition(actor=steering_admin, plan=plan, to_status="returned")
    services.plan_transition(
        actor=steering_admin, plan=plan, to_status="returned", reason="Thiếu khóa ngoại ngữ"
    )
    services.plan_transition(actor=steering_admin, plan=plan, to_status="submitted")
    plan = services.plan_transition(actor=steering_admin, plan=plan, to_status="approved")
    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_at is not None
    steps = list(PlanTransition.objects.values_list("from_status", "to_status", "reason"))
    assert steps == [
        ("draft", "submitted", ""),
        ("submitted", "returned", "Thiếu khóa ngoại ngữ"),
        ("returned", "submitted", ""),
        ("submitted", "approved", ""),
    ]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("draft", "approved"),
        ("approved", "draft"),
        ("draft", "returned"),
        ("approved", "submitted"),
    ],
)
def test_illegal_transitions_are_refused(reference_data, steering_admin, start, target):
    plan = make_plan(year=2027, by=steering_admin, status=start)
    with pytest.raises(ValidationError, match="cannot go from"):
        services.plan_transition(actor=steering_admin, plan=plan, to_status=target)
    plan.refresh_from_db()
    assert plan.status == start
    assert not PlanTransition.objects.exists()


@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor"])
def test_other_roles_cannot_take_workflow_steps(reference_data, steering_admin, persona, request):
    user = request.getfixturevalue(persona)
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    with pytest.raises(PermissionDenied, match="Your role may not move"):
        services.plan_transition(actor=user, plan=plan, to_status="approved")
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_an_approved_plan_is_frozen(reference_data, steering_admin, ministry):
    plan = make_plan(year=2027, by=steering_admin, status="approved", capacity={"SHORT": 10})
    with pytest.raises(ValidationError, match="cannot be changed") as error:
        services.plan_quotas_set(
            actor=steering_admin, plan=plan, places={(ministry.pk, form("SHORT").pk): 2}
        )
    assert "cannot be changed" in str(error.value)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.plan_course_add(
            actor=steering_admin,
            plan=plan,
            form=form("SHORT"),
            content_group=group(1),
            topic="x",
            quarter=1,
            capacity=5,
        )
    assert not Quota.objects.exists()


def test_a_revision_is_version_two_and_replaces_the_first_when_approved(
    reference_data, steering_admin, ministry
):
    v1 = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 10},
        quotas={(ministry, "SHORT"): 4},
    )
    v2 = services.plan_revise(actor=steering_admin, plan=v1)
    assert (v2.version, v2.status, v2.previous) == (2, "draft", v1)
    with pytest.raises(ValidationError, match="revision of this plan is already in progress"):
        services.plan_revise(actor=steering_admin, plan=v1)
    services.plan_quotas_set(
        actor=steering_admin, plan=v2, places={(ministry.pk, form("SHORT").pk): 6}
    )
    services.plan_transition(actor=steering_admin, plan=v2, to_status="submitted")
    services.plan_transition(actor=steering_admin, plan=v2, to_status="approved")
    v1.refresh_from_db()
    assert v1.status == "superseded"
    assert AnnualPlan.objects.get(status="approved") == v2
    from apps.planning.quota import quota_state
    from apps.planning.selectors import plan_diff

    assert quota_state(agency=ministry, form_id=form("SHORT").pk, year=2027).places == 6
    diff = plan_diff(v2)
    assert [(a, f.code, b, c) for a, f, b, c in diff.quotas_changed] == [(ministry, "SHORT", 4, 6)]


# --- quotas ----------------------------------------------------------------------------------


def test_quotas_cannot_exceed_the_planned_capacity(
    reference_data, steering_admin, ministry, other_agency
):
    plan = make_plan(year=2027, by=steering_admin, capacity={"SHORT": 10})
    short = form("SHORT").pk
    with pytest.raises(ValidationError, match="hold 10") as error:
        services.plan_quotas_set(
            actor=steering_admin,
            plan=plan,
            places={(ministry.pk, short): 6, (other_agency.pk, short): 5},
        )
    assert "hold 10" in str(error.value)
    assert not Quota.objects.exists()
    services.plan_quotas_set(
        actor=steering_admin,
        plan=plan,
        places={(ministry.pk, short): 6, (other_agency.pk, short): 4},
    )
    assert Quota.objects.count() == 2


def test_it_refuses_negative_and_fractional_quotas(reference_data, steering_admin, ministry):
    plan = make_plan(year=2027, by=steering_admin, capacity={"SHORT": 10})
    for bad, message in [
        ("-2", "cannot be negative"),
        ("1.5", "not a whole number"),
        ("x", "not a whole number"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.plan_quotas_set(
                actor=steering_admin, plan=plan, places={(ministry.pk, form("SHORT").pk): bad}
            )
    assert not Quota.objects.exists()


# The suggestion's realism is tested with sent cadres in apps/nominations/tests/test_realism.py.


def _approved_plan(admin, ministry, other_agency):
    return make_plan(
        year=2027,
        by=admin,
        status="approved",
        capacity={"SHORT": 20},
        quotas={(ministry, "SHORT"): (8, 3), (other_agency, "SHORT"): (6, 0)},
    )


def test_moving_places_is_recorded_and_conserves_the_total(
    reference_data, steering_admin, ministry, other_agency
):
    plan = _approved_plan(steering_admin, ministry, other_agency)
    services.quota_move(
        actor=steering_admin,
        plan=plan,
        form=form("SHORT"),
        from_agency=ministry,
        to_agency=other_agency,
        places=5,
        reason="Bộ không đủ người",
    )
    quotas = dict(Quota.objects.values_list("agency_id", "places"))
    assert quotas == {ministry.pk: 3, other_agency.pk: 11}
    move = QuotaMove.objects.get()
    assert (move.places, move.reason, move.actor) == (5, "Bộ không đủ người", steering_admin)


def test_a_move_cannot_take_used_places_or_lack_a_reason(
    reference_data, steering_admin, ministry, other_agency
):
    plan = _approved_plan(steering_admin, ministry, other_agency)
    kwargs = {"actor": steering_admin, "plan": plan, "form": form("SHORT"), "from_agency": ministry}
    with pytest.raises(ValidationError, match="only 5 unused places") as error:
        services.quota_move(**kwargs, to_agency=other_agency, places=6, reason="x")
    assert "only 5 unused places" in str(error.value)
    with pytest.raises(ValidationError, match="Give the reason for the move"):
        services.quota_move(**kwargs, to_agency=other_agency, places=1, reason=" ")
    with pytest.raises(ValidationError, match="cannot be negative"):
        services.quota_move(**kwargs, to_agency=other_agency, places=-1, reason="x")
    assert not QuotaMove.objects.exists()


def test_moves_need_an_approved_plan(reference_data, steering_admin, ministry, other_agency):
    plan = make_plan(year=2027, by=steering_admin, quotas={(ministry, "SHORT"): 2})
    with pytest.raises(ValidationError, match="only be moved or released in an approved plan"):
        services.quota_move(
            actor=steering_admin,
            plan=plan,
            form=form("SHORT"),
            from_agency=ministry,
            to_agency=other_agency,
            places=1,
            reason="x",
        )


def test_releasing_unused_quotas_fills_the_pool(
    reference_data, steering_admin, ministry, other_agency
):
    plan = _approved_plan(steering_admin, ministry, other_agency)
    with pytest.raises(ValidationError, match="released on or after the cut-off date"):
        services.quota_release_unused(actor=steering_admin, plan=plan, cut_off=FAR)
    released = services.quota_release_unused(
        actor=steering_admin, plan=plan, cut_off=datetime.date(2020, 6, 30)
    )
    assert released == 11
    assert dict(Quota.objects.values_list("agency_id", "places")) == {
        ministry.pk: 3,
        other_agency.pk: 0,
    }
    assert QuotaMove.objects.filter(kind="release", to_agency=None).count() == 2
    services.quota_move(
        actor=steering_admin,
        plan=plan,
        form=form("SHORT"),
        from_agency=None,
        to_agency=other_agency,
        places=17,
        reason="Bổ sung",
    )
    with pytest.raises(ValidationError, match="the pool has only 0 unused places"):
        services.quota_move(
            actor=steering_admin,
            plan=plan,
            form=form("SHORT"),
            from_agency=None,
            to_agency=ministry,
            places=1,
            reason="Hết chỗ",
        )


def test_a_stale_form_does_not_overwrite_someone_elses_changes(call, agency_officer, ministry):
    first = services.needs_register(
        actor=agency_officer, call=call, agency=ministry, places=places(SHORT=5), version=-1
    )
    services.needs_register(
        actor=agency_officer, call=call, agency=ministry, places=places(SHORT=6), version=0
    )
    with pytest.raises(ValidationError, match="changed by someone else") as error:
        services.needs_register(
            actor=agency_officer, call=call, agency=ministry, places=places(SHORT=9), version=0
        )
    assert "changed by someone else" in str(error.value)
    assert first.lines.get().places == 6


def test_it_refuses_a_second_call_and_a_past_deadline(reference_data, steering_admin):
    services.needs_call_open(actor=steering_admin, year=2027, deadline=FAR)
    with pytest.raises(ValidationError, match="already exists"):
        services.needs_call_open(actor=steering_admin, year=2027, deadline=FAR)
    with pytest.raises(ValidationError, match="in the past"):
        services.needs_call_open(
            actor=steering_admin, year=2028, deadline=datetime.date(2020, 1, 1)
        )


def test_finance_and_auditors_cannot_register_or_plan(
    call, finance_officer, auditor, ministry, steering_admin
):
    for user in (finance_officer, auditor):
        with pytest.raises(PermissionDenied, match="Your role cannot register needs"):
            services.needs_register(actor=user, call=call, agency=ministry, places={})
        with pytest.raises(PermissionDenied, match="Only a steering admin may do this"):
            services.plan_create(actor=user, year=2027)
    services.plan_create(actor=steering_admin, year=2027)
    with pytest.raises(ValidationError, match="already exists"):
        services.plan_create(actor=steering_admin, year=2027)


def test_removing_a_course_is_refused_while_its_places_are_given(
    reference_data, steering_admin, ministry
):
    plan = make_plan(
        year=2027, by=steering_admin, capacity={"SHORT": 10}, quotas={(ministry, "SHORT"): 4}
    )
    course = plan.courses.get()
    with pytest.raises(ValidationError, match="lower the quotas first"):
        services.plan_course_delete(actor=steering_admin, course=course)
    Quota.objects.all().delete()
    services.plan_course_delete(actor=steering_admin, course=course)
    assert not plan.courses.exists()


def test_a_quota_cannot_drop_below_the_places_used(reference_data, steering_admin, ministry):
    plan = make_plan(
        year=2027, by=steering_admin, capacity={"SHORT": 10}, quotas={(ministry, "SHORT"): (4, 3)}
    )
    with pytest.raises(ValidationError, match="already used"):
        services.plan_quotas_set(
            actor=steering_admin, plan=plan, places={(ministry.pk, form("SHORT").pk): 2}
        )
    assert Quota.objects.get().places == 4
