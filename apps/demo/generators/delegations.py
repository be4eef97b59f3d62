"""Delegations of the short courses, as the steering admin would form them on the page: every
short course of the past years and of the current year with enough approved nominees is formed
(the optimiser, with its bound), the suggested head kept, and the delegations confirmed; those
whose course has ended have departed and returned."""

from django.db.models import Count, Q

from apps.core import workflow
from apps.courses.models import Course
from apps.delegations.choices import DelegationStatus
from apps.delegations.models import Delegation
from apps.delegations.optimiser import InfeasibleError
from apps.delegations.selectors import SHORT_FORM, formation_rules
from apps.delegations.services import form_delegations
from apps.nominations.choices import NominationStatus

from .base import DemoContext, Generator, register
from .planning import PlanningGenerator

APPROVED = NominationStatus.APPROVED


@register
class DelegationGenerator(Generator):
    name = "delegations"
    order = 60

    def run(self, ctx: DemoContext) -> dict[str, int]:
        admin = PlanningGenerator._admin()
        rules = formation_rules()
        courses = (
            Course.objects.filter(form__code=SHORT_FORM, start__year__lte=ctx.reference_date.year)
            .annotate(
                approved=Count(
                    "nominations", filter=Q(nominations__status=NominationStatus.APPROVED)
                )
            )
            .filter(approved__gte=rules.min_size)
            .order_by("start", "pk")
        )
        figures = {"delegations": 0, "courses without delegations": 0}
        for course in courses:
            try:
                run = form_delegations(
                    course.start.year,
                    courses=[course.pk],
                    seed=ctx.seed,
                    seconds_per_course=1.0,
                    workers=1,
                    user=admin,
                )
            except InfeasibleError:
                figures["courses without delegations"] += 1
                continue
            ended = course.end < ctx.reference_date
            for delegation in Delegation.objects.filter(run=run):
                workflow.transition(delegation, DelegationStatus.CONFIRMED, actor=admin)
                if ended:
                    workflow.transition(delegation, DelegationStatus.DEPARTED, actor=admin)
                    workflow.transition(delegation, DelegationStatus.RETURNED, actor=admin)
                figures["delegations"] += 1
        return figures
