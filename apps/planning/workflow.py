"""The plan's workflow table (one format: ``apps.core.workflow``) and its special step.

Plans are prepared and approved by the standing office of the Steering Committee (steering
admins; DECISIONS.md §12). Approving version N+1 supersedes the approved version N.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core import workflow
from apps.core.workflow import Change, Step

from .models import AnnualPlan, PlanStatus
from .permissions import MANAGE_PLANS
from .quota import record_plan

S = PlanStatus
WRITERS = MANAGE_PLANS

PLAN_WORKFLOW = workflow.register(
    workflow.Workflow(
        model="planning.AnnualPlan",
        record="planning.PlanTransition",
        steps=[
            Step(S.DRAFT, S.SUBMITTED, WRITERS),
            Step(S.RETURNED, S.SUBMITTED, WRITERS),
            Step(S.SUBMITTED, S.APPROVED, WRITERS),
            Step(
                S.SUBMITTED,
                S.RETURNED,
                WRITERS,
                reason_required=True,
                reason_message=gettext_lazy("Say why the plan is returned."),
            ),
            Step(S.RETURNED, S.DRAFT, WRITERS),
            # Taken when a newer version is approved (below), never offered as a button.
            Step(S.APPROVED, S.SUPERSEDED, WRITERS, offered=False),
        ],
        conflict_message=lambda plan: (
            _("Another version of the %(year)s plan is already approved or open.")
            % {"year": plan.year}
        ),
    )
)


def _supersede_on_approval(change: Change) -> None:
    """The approved version of the same year becomes superseded; the new one is stamped."""
    if change.target != S.APPROVED:
        return
    plan = change.obj
    for older in AnnualPlan.objects.select_for_update().filter(year=plan.year, status=S.APPROVED):
        workflow.transition(
            older,
            S.SUPERSEDED,
            actor=change.actor,
            reason=_("Replaced by %(plan)s") % {"plan": plan},
        )
    plan.approved_at = timezone.now()


def _count_places_on_approval(change: Change) -> None:
    """Places taken before this version was approved count against its quotas."""
    if change.target == S.APPROVED:
        record_plan(change.obj)


workflow.add_guard("planning.AnnualPlan", _supersede_on_approval)
workflow.follow("planning.AnnualPlan", _count_places_on_approval)
