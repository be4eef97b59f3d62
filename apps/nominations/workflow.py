"""The nomination's life cycle table (one format: ``apps.core.workflow``) and its subscriptions
to the course's steps: members move with their course (DECISIONS.md §16).

Who takes each step is a permission of ``permissions.py``: a decider (``DECIDE``) approves,
rejects and waitlists; a nominator (``NOMINATE``, within its scope) submits and withdraws.
Departing, completing and not continuing are never buttons: they follow the course, or the exit
test (``services.gate_record``).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import workflow
from apps.core.scoping import CHANGE
from apps.core.workflow import Change, Step
from apps.courses.choices import CourseStatus

from .choices import PLACE_STATUSES, NominationStatus
from .models import Nomination
from .permissions import DECIDE, NOMINATE

S = NominationStatus
REJECT_REASON = gettext_lazy("Give the reason for rejecting the nomination.")
DECIDERS = DECIDE
NOMINATORS = NOMINATE


def may_act(nomination: Nomination, user) -> bool:
    return Nomination.objects.restrict(user, CHANGE).filter(pk=nomination.pk).exists()


def _stamp_waitlisted(nomination: Nomination) -> None:
    nomination.waitlisted_at = timezone.now()


NOMINATION_WORKFLOW = workflow.register(
    workflow.Workflow(
        model="nominations.Nomination",
        record="nominations.NominationTransition",
        steps=[
            Step(S.DRAFT, S.SUBMITTED, NOMINATORS),
            Step(S.DRAFT, S.WITHDRAWN, NOMINATORS),
            *(
                step
                for source in (S.SUBMITTED, S.WAITLISTED)
                for step in (
                    Step(source, S.APPROVED, DECIDERS),
                    Step(
                        source,
                        S.REJECTED,
                        DECIDERS,
                        reason_required=True,
                        reason_message=REJECT_REASON,
                    ),
                    Step(source, S.WITHDRAWN, NOMINATORS),
                )
            ),
            Step(S.SUBMITTED, S.WAITLISTED, DECIDERS),
            Step(S.APPROVED, S.WITHDRAWN, NOMINATORS),
            # Taken with the course (as a consequence of its step, whoever moved it).
            Step(S.APPROVED, S.DEPARTED, DECIDERS, offered=False),
            Step(S.DEPARTED, S.COMPLETED, DECIDERS, offered=False),
            Step(S.DEPARTED, S.NOT_COMPLETED, DECIDERS, offered=False),
            # Taken by the exit test of the language course's domestic phase.
            Step(S.APPROVED, S.NOT_CONTINUING, DECIDERS, offered=False),
        ],
        may_act=may_act,
        on_enter={S.WAITLISTED: _stamp_waitlisted},
    )
)

#: A course step → (member states that move, the state they move to).
FOLLOW_COURSE = {
    CourseStatus.DEPARTED: ((S.APPROVED,), S.DEPARTED),
    CourseStatus.COMPLETED: ((S.DEPARTED,), S.COMPLETED),
    CourseStatus.CANCELLED: ((S.DRAFT, S.SUBMITTED, S.WAITLISTED, S.APPROVED), S.WITHDRAWN),
}


def places_taken(course) -> int:
    """The course's places held by members (the courses app asks through its hook)."""
    return Nomination.objects.filter(course=course, status__in=PLACE_STATUSES).count()


def require_exit_tests(change: Change) -> None:
    """Guard on the course: a language course departs only when every member's exit test of
    the domestic phase is recorded."""
    course = change.obj
    if change.target != CourseStatus.DEPARTED or not course.phases.exists():
        return
    if course.nominations.filter(status=S.APPROVED, gate_result__isnull=True).exists():
        raise ValidationError(
            _("Record the exit test of every member before the course goes abroad.")
        )


def members_follow_course(change: Change) -> None:
    """Follower of the course: members depart, complete, or are withdrawn when it is cancelled."""
    if change.target not in FOLLOW_COURSE:
        return
    course = change.obj
    sources, target = FOLLOW_COURSE[change.target]
    reason = _("The course is %(status)s.") % {"status": CourseStatus(change.target).label.lower()}
    for nomination in course.nominations.select_for_update().filter(status__in=sources):
        workflow.transition(
            nomination, target, actor=change.actor, reason=reason, locked=True, as_consequence=True
        )
