"""The planning panel of the home page: the open call for officers, target/plan/actual chart.

Registered in ``PlanningConfig.ready()``.
"""

from django.template.loader import render_to_string

from apps.core.home import Panel
from apps.core.roles import Role

from . import selectors


def home_items(user):
    if user.role not in (
        Role.STEERING_ADMIN,
        Role.AGENCY_OFFICER,
        Role.FINANCE_OFFICER,
        Role.AUDITOR,
    ):
        return
    call = selectors.open_call()
    own = None
    if call is not None and user.role == Role.AGENCY_OFFICER:
        own = call.registrations.filter(agency_id=user.agency_id).first()
    year = selectors.today().year
    quota_year, quota_rows = (
        selectors.quota_use(fetched_by=user) if user.role == Role.AGENCY_OFFICER else (None, [])
    )
    context = {
        "quota_year": quota_year,
        "quota_rows": quota_rows,
        "user": user,
        "call": call,
        "own": own,
        "dashboard": selectors.plan_dashboard(year=year)
        if user.role != Role.AGENCY_OFFICER
        else None,
    }
    yield Panel(render_to_string("planning/_home_card.html", context))
