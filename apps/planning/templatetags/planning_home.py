"""The planning card of the home page: the open call for officers, target/plan/actual chart."""

from django import template

from apps.core.roles import Role

from .. import selectors

register = template.Library()


@register.inclusion_tag("planning/_home_card.html")
def planning_home(user):
    if user.role not in (
        Role.STEERING_ADMIN,
        Role.AGENCY_OFFICER,
        Role.FINANCE_OFFICER,
        Role.AUDITOR,
    ):
        return {"show": False}
    call = selectors.open_call()
    own = None
    if call is not None and user.role == Role.AGENCY_OFFICER:
        own = call.registrations.filter(agency_id=user.agency_id).first()
    year = selectors.today().year
    return {
        "show": True,
        "user": user,
        "call": call,
        "own": own,
        "dashboard": selectors.plan_dashboard(year=year)
        if user.role != Role.AGENCY_OFFICER
        else None,
    }
