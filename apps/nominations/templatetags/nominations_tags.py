"""Template tags of nominations: the review table shown on a course page."""

from django import template

from ..choices import NominationStatus
from ..selectors import nomination_list
from ..tables import outcome_badge

register = template.Library()

REVIEW_LIMIT = 300


@register.inclusion_tag("nominations/_review_table.html", takes_context=True)
def review_table(context, course, user):
    request = context.get("request")
    rows = nomination_list(fetched_by=user).filter(course=course)
    outcome = request.GET.get("outcome", "") if request else ""
    if outcome:
        rows = rows.filter(outcome=outcome)
    rows = list(rows.order_by("status", "waitlisted_at", "created_at", "pk")[:REVIEW_LIMIT])
    for row in rows:
        row.badge = outcome_badge(row)
    return {
        "rows": rows,
        "course": course,
        "can_decide": user.role == "steering_admin",
        "decidable": (NominationStatus.SUBMITTED, NominationStatus.WAITLISTED),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
