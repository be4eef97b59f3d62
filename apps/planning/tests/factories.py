"""Builders for planning tests: calls, registrations, approved plans with quotas."""

import datetime

from apps.planning.models import (
    AnnualPlan,
    NeedsCall,
    NeedsLine,
    NeedsRegistration,
    PlannedCourse,
    PlanStatus,
    Quota,
)
from apps.programme.models import ContentGroup, TrainingForm


def form(code: str) -> TrainingForm:
    return TrainingForm.objects.get(code=code)


def group(code: int = 1) -> ContentGroup:
    return ContentGroup.objects.get(code=code)


def make_call(*, year: int, by, deadline: datetime.date | None = None) -> NeedsCall:
    return NeedsCall.objects.create(
        year=year, deadline=deadline or datetime.date(year - 1, 12, 31), opened_by=by
    )


def make_registration(*, call, agency, by, places: dict[str, int]) -> NeedsRegistration:
    """``places`` by form code, all in content group 1."""
    registration = NeedsRegistration.objects.create(call=call, agency=agency, created_by=by)
    for code, count in places.items():
        NeedsLine.objects.create(
            registration=registration, form=form(code), content_group=group(1), places=count
        )
    return registration


def make_plan(
    *,
    year: int,
    by,
    status: str = PlanStatus.DRAFT,
    capacity: dict[str, int] | None = None,
    quotas: dict | None = None,
    version: int = 1,
) -> AnnualPlan:
    """A plan with a course per form of ``capacity``; quotas {(agency, code): places or
    (places, used)}."""
    plan = AnnualPlan.objects.create(year=year, status=status, created_by=by, version=version)
    for code, places in (capacity or {}).items():
        PlannedCourse.objects.create(
            plan=plan,
            form=form(code),
            content_group=group(1),
            topic=f"Quản trị quốc gia hiện đại ({form(code).name.lower()})",
            quarter=2,
            capacity=places,
        )
    for (agency, code), value in (quotas or {}).items():
        places, used = value if isinstance(value, tuple) else (value, 0)
        Quota.objects.create(plan=plan, agency=agency, form=form(code), places=places, used=used)
    return plan


def permission_world(*, admin, agency) -> dict:
    """Planning objects for the permission matrix: a call with the agency's registration, an
    approved plan (v1) and its draft revision (v2) with one course."""
    from apps.planning.services import plan_revise

    call = make_call(year=2027, by=admin, deadline=datetime.date(2099, 12, 31))
    registration = make_registration(call=call, agency=agency, by=admin, places={"SHORT": 3})
    plan = make_plan(
        year=2027,
        by=admin,
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 20},
        quotas={(agency, "SHORT"): 3},
    )
    revision = plan_revise(actor=admin, plan=plan)
    return {
        "needs_call": call,
        "registration": registration,
        "plan": plan,
        "revision": revision,
        "planned_course": revision.courses.first(),
    }
