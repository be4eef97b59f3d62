"""Template tags of nominations: the review table shown on a course page."""

from django import template

from apps.core.scoping import CHANGE
from apps.core.workflow import available_transitions

from ..choices import NominationStatus
from ..models import Nomination
from ..selectors import nomination_list
from ..tables import outcome_badge

register = template.Library()

REVIEW_LIMIT = 300
#: The steps the review table offers (as buttons of one form per row).
DECISIONS = (NominationStatus.APPROVED, NominationStatus.WAITLISTED, NominationStatus.REJECTED)


@register.inclusion_tag("nominations/_review_table.html", takes_context=True)
def review_table(context, course, user):
    request = context.get("request")
    rows = nomination_list(fetched_by=user).filter(course=course)
    outcome = request.GET.get("outcome", "") if request else ""
    if outcome:
        rows = rows.filter(outcome=outcome)
    rows = list(rows.order_by("status", "waitlisted_at", "created_at", "pk")[:REVIEW_LIMIT])
    changeable = set(
        Nomination.objects.restrict(user, CHANGE)
        .filter(pk__in=[row.pk for row in rows])
        .values_list("pk", flat=True)
    )
    for row in rows:
        row.badge = outcome_badge(row)
        row.next_steps = {
            step.target: step
            for step in available_transitions(row, user, in_scope=row.pk in changeable)
            if step.target in DECISIONS
        }
    return {
        "rows": rows,
        "course": course,
        "can_decide": any(row.next_steps for row in rows),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
