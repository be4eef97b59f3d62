"""A participant's courses on the home page: what is coming, what is due, the documents.

Registered in ``NominationsConfig.ready()``.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from apps.core.home import Panel
from apps.core.rules import is_participant

from .choices import NominationStatus
from .selectors import nominations_of_cadre

#: nominations whose course the participant goes or went to (a decision may have been issued)
GOING = (NominationStatus.APPROVED, NominationStatus.DEPARTED)
WITH_DOCUMENTS = (*GOING, NominationStatus.COMPLETED)


def home_items(user):
    if not is_participant(user) or not user.cadre_id:
        return
    today = timezone.localdate()
    nominations = nominations_of_cadre(cadre_id=user.cadre_id, fetched_by=user)
    rows = []
    for nomination in nominations:
        course = nomination.course
        upcoming = course.end >= today
        rows.append(
            {
                "nomination": nomination,
                "course": course,
                "upcoming": upcoming,
                "days_to_start": (course.start - today).days if course.start > today else None,
                "documents": list(course.documents.all())
                if nomination.status in WITH_DOCUMENTS
                else [],
                "going": nomination.status in GOING and upcoming,
            }
        )
    context = {
        "upcoming": [row for row in rows if row["upcoming"]],
        "past": [row for row in rows if not row["upcoming"]][:3],
    }
    yield Panel(render_to_string("nominations/_home_participant.html", context))
