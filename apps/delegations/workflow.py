"""The delegation's life cycle table (one format: ``apps.core.workflow``).

Proposed by a formation run (or changed by hand), confirmed by the steering committee, then
departed and returned with its course. A confirmed delegation may be reopened while it has not
left. The steps are taken by whoever holds ``permissions.FORM_DELEGATIONS`` (the steering admin).
"""

from apps.core import workflow
from apps.core.workflow import Step

from .choices import DelegationStatus
from .permissions import FORM_DELEGATIONS

S = DelegationStatus
MOVERS = FORM_DELEGATIONS

DELEGATION_WORKFLOW = workflow.register(
    workflow.Workflow(
        model="delegations.Delegation",
        record="delegations.DelegationTransition",
        steps=[
            Step(S.PROPOSED, S.CONFIRMED, MOVERS),
            Step(S.CONFIRMED, S.PROPOSED, MOVERS),
            Step(S.CONFIRMED, S.DEPARTED, MOVERS),
            Step(S.DEPARTED, S.RETURNED, MOVERS),
        ],
    )
)
