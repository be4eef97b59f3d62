"""The agency quotas of the annual plan (apps.planning), read and locked through small functions.

The import is lazy so nominations keep working where planning is not installed: a missing app or
an unapproved plan means "no quota configured", which the eligibility engine reports as a
warning, never as a silent pass.
"""

from django.apps import apps


def quota_for(*, agency, form_code: str, year: int) -> int | None:
    """Places of ``form_code`` the plan of ``year`` gives ``agency``; None when not configured."""
    if not apps.is_installed("apps.planning"):
        return None
    from apps.planning.selectors import quota_for as planning_quota_for

    return planning_quota_for(agency=agency, form_code=form_code, year=year)


def _quota_rows(*, agency, form_code: str, year: int):
    if not apps.is_installed("apps.planning"):
        return None
    from apps.planning.models import Quota
    from apps.planning.selectors import approved_plan

    plan = approved_plan(year)
    if plan is None:
        return None
    chain = [*agency.ancestor_ids, agency.pk]
    return Quota.objects.filter(plan=plan, form__code=form_code, agency_id__in=chain)


def quota_lock(*, agency, form_code: str, year: int) -> None:
    """Serialise approvals that count against one agency's quota.

    Locks the quota holder's agency row and the plan's quota rows of its branch. Every approval
    locks the course row first, then these, always in this order: two admins approving at once
    wait for each other instead of both passing the check.
    """
    from apps.agencies.models import Agency

    list(Agency.objects.select_for_update().filter(pk=agency.pk).values_list("pk", flat=True))
    rows = _quota_rows(agency=agency, form_code=form_code, year=year)
    if rows is not None:
        list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))


def _nearest(rows, agency):
    chain = [*agency.ancestor_ids, agency.pk]
    by_agency = {row.agency_id: row for row in rows}
    for agency_id in reversed(chain):
        if agency_id in by_agency:
            return by_agency[agency_id]
    return None


def quota_record_departure(*, actor, agency, form_code: str, year: int, sent: int) -> None:
    """Record in the plan's quota how many places the agency used (planning's own service).

    Called when a course departs: ``Quota.used`` feeds the realism ratio of later plans.
    """
    rows = _quota_rows(agency=agency, form_code=form_code, year=year)
    quota = _nearest(rows, agency) if rows is not None else None
    if quota is None:
        return
    from apps.planning.services import quota_record_use

    quota_record_use(actor=actor, quota=quota, used=min(sent, quota.places))


def quotas_for(keys) -> dict[tuple[int, str, int], int | None]:
    """``quota_for`` of many (agency, form code, year) at once, in a few queries whatever their
    number (one per year for the approved plan, one for the quota rows)."""
    keys = list(keys)
    answer: dict[tuple[int, str, int], int | None] = {
        (agency.pk, code, year): None for agency, code, year in keys
    }
    if not keys or not apps.is_installed("apps.planning"):
        return answer
    from apps.planning.models import Quota
    from apps.planning.selectors import approved_plan

    plans = {year: approved_plan(year) for year in {year for _a, _c, year in keys}}
    plan_ids = {plan.pk: year for year, plan in plans.items() if plan is not None}
    if not plan_ids:
        return answer
    chains = {agency.pk: [*agency.ancestor_ids, agency.pk] for agency, _c, _y in keys}
    wanted = {pk for chain in chains.values() for pk in chain}
    places: dict[tuple[int, int, str], int] = {}
    for plan_id, agency_id, code, value in Quota.objects.filter(
        plan_id__in=plan_ids, agency_id__in=wanted, form__code__in={c for _a, c, _y in keys}
    ).values_list("plan_id", "agency_id", "form__code", "places"):
        places[(plan_ids[plan_id], agency_id, code)] = value
    for agency, code, year in keys:
        if plans.get(year) is None:
            continue
        found = 0
        for agency_id in reversed(chains[agency.pk]):
            if (year, agency_id, code) in places:
                found = places[(year, agency_id, code)]
                break
        answer[(agency.pk, code, year)] = found
    return answer
