"""The planning panel of the home page: the open call for officers, target/plan/actual chart.

Registered in ``PlanningConfig.ready()``.
"""

from django.template.loader import render_to_string

from apps.core.home import Panel
from apps.core.permissions import may

from . import selectors
from .permissions import REGISTER_OWN_NEEDS, VIEW_OWN_QUOTAS, VIEW_PLANNING, VIEW_PLANS


def home_items(user):
    if not may(user, VIEW_PLANNING):
        return
    call = selectors.open_call()
    registers_own = may(user, REGISTER_OWN_NEEDS)
    own = reminder = None
    if call is not None and registers_own:
        own = call.registrations.filter(agency_id=user.agency_id).first()
        if own is None:
            reminder = selectors.latest_reminder(call=call, agency_id=user.agency_id)
    year = selectors.today().year
    own_quotas = may(user, VIEW_OWN_QUOTAS)
    quota_year, quota_rows = selectors.quota_use(fetched_by=user) if own_quotas else (None, [])
    context = {
        "quota_year": quota_year,
        "quota_rows": quota_rows,
        "user": user,
        "call": call,
        "own": own,
        "registers_own": registers_own,
        "own_quotas": own_quotas,
        "reminder": reminder,
        "dashboard": selectors.plan_dashboard(year=year) if may(user, VIEW_PLANS) else None,
    }
    yield Panel(render_to_string("planning/_home_card.html", context))
