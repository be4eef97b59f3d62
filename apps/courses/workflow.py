"""The course's life cycle table (one format: ``apps.core.workflow``).

The steps are taken by whoever holds ``permissions.CHANGE_COURSE``, on a course in their scope
(``Course.objects.restrict(user, CHANGE)``): a steering admin any, an agency officer the
decentralised courses of its subtree. What happens
to the members when a course moves is subscribed to by the nominations app.
"""

from django.utils.translation import gettext_lazy

from apps.core import workflow
from apps.core.scoping import CHANGE
from apps.core.workflow import Step

from .choices import CourseStatus
from .models import Course
from .permissions import CHANGE_COURSE

S = CourseStatus
MOVERS = CHANGE_COURSE


def may_move(course: Course, user) -> bool:
    return Course.objects.restrict(user, CHANGE).filter(pk=course.pk).exists()


COURSE_WORKFLOW = workflow.register(
    workflow.Workflow(
        model="courses.Course",
        record="courses.CourseTransition",
        steps=[
            Step(S.PLANNED, S.OPEN, MOVERS),
            Step(S.OPEN, S.CLOSED, MOVERS),
            Step(S.CLOSED, S.OPEN, MOVERS),
            Step(S.CLOSED, S.DEPARTED, MOVERS),
            Step(S.DEPARTED, S.COMPLETED, MOVERS),
            *(
                Step(
                    source,
                    S.CANCELLED,
                    MOVERS,
                    reason_required=True,
                    reason_message=gettext_lazy("Give the reason for cancelling the course."),
                )
                for source in (S.PLANNED, S.OPEN, S.CLOSED)
            ),
        ],
        may_act=may_move,
    )
)
