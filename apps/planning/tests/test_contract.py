"""The contract other apps use: approved_plan(year) and quota_for(agency, form_code, year)."""

from apps.planning.models import PlanStatus
from apps.planning.selectors import approved_plan, quota_for

from .factories import make_plan


def test_quota_for_is_none_without_an_approved_plan(reference_data, ministry, steering_admin):
    make_plan(year=2027, by=steering_admin, capacity={"SHORT": 40}, quotas={(ministry, "SHORT"): 5})
    assert approved_plan(2027) is None
    assert quota_for(agency=ministry, form_code="SHORT", year=2027) is None


def test_quota_for_reads_the_approved_plan(reference_data, ministry, steering_admin):
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
