"""The quota module alone: the approved plan and the nearest holder of a unit's places."""

from apps.planning.models import PlanStatus
from apps.planning.quota import quota_state
from apps.planning.selectors import approved_plan

from .factories import form, make_plan


def quota_for(*, agency, form_code: str, year: int) -> int | None:
    return quota_state(agency=agency, form_id=form(form_code).pk, year=year).places


def test_quota_state_is_none_without_an_approved_plan(reference_data, ministry, steering_admin):
    make_plan(year=2027, by=steering_admin, capacity={"SHORT": 40}, quotas={(ministry, "SHORT"): 5})
    assert approved_plan(2027) is None
    assert quota_for(agency=ministry, form_code="SHORT", year=2027) is None


def test_quota_state_reads_the_approved_plan(reference_data, ministry, steering_admin):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 5},
    )
    assert approved_plan(2027) == plan
    assert quota_for(agency=ministry, form_code="SHORT", year=2027) == 5
    assert quota_for(agency=ministry, form_code="MEDIUM", year=2027) == 0


def test_a_unit_shares_its_parent_quota_unless_it_holds_one(
    reference_data, ministry, ministry_unit, other_agency, steering_admin
):
    make_plan(
        year=2027,
        by=steering_admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 5, (other_agency, "SHORT"): 3},
    )
    assert quota_for(agency=ministry_unit, form_code="SHORT", year=2027) == 5
    make_plan(
        year=2028,
        by=steering_admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 5, (ministry_unit, "SHORT"): 2},
    )
    assert quota_for(agency=ministry_unit, form_code="SHORT", year=2028) == 2


def test_the_holder_is_the_nearest_agency_with_a_quota(
    reference_data, ministry, ministry_unit, steering_admin
):
    make_plan(
        year=2027,
        by=steering_admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 5, (ministry_unit, "SHORT"): 2},
    )
    short = form("SHORT").pk
    assert quota_state(agency=ministry_unit, form_id=short, year=2027).holder_id == ministry_unit.pk
    assert quota_state(agency=ministry, form_id=short, year=2027).holder_id == ministry.pk
    medium = quota_state(agency=ministry_unit, form_id=form("MEDIUM").pk, year=2027)
    assert (medium.holder_id, medium.places) == (ministry.pk, 0)
