"""Who may do what with nominations (which nominations: ``Nomination.objects.restrict``).

Steering admins and agency officers nominate (an officer the cadres of its subtree), submit and
withdraw; only a steering admin decides (approve, reject, waitlist), overrides a failed rule and
records the exit test of a language course; finance officers and auditors read.
"""

import rules

from apps.core.rules import is_steering_admin, keeps_registers, reads_registries
from apps.core.scoping import CHANGE

from .models import Nomination

#: Browse the nominations.
VIEW_NOMINATIONS = "nominations.view_nominations"
#: Nominate cadres, submit and withdraw nominations (on a nomination, when given, in scope).
NOMINATE = "nominations.nominate"
#: Approve, reject or waitlist a nomination.
DECIDE = "nominations.decide"
#: Let a nominee through a failed rule with a written reason.
OVERRIDE = "nominations.override"
#: Record a member's exit test of a language course's domestic phase.
RECORD_GATE = "nominations.record_gate"


@rules.predicate
def nomination_in_change_scope(user, nomination) -> bool:
    """No nomination named, or one the user may change (``restrict(user, CHANGE)``)."""
    return (
        nomination is None
        or Nomination.objects.restrict(user, CHANGE).filter(pk=nomination.pk).exists()
    )


rules.add_perm(VIEW_NOMINATIONS, reads_registries)
rules.add_perm(NOMINATE, keeps_registers & nomination_in_change_scope)
rules.add_perm(DECIDE, is_steering_admin)
rules.add_perm(OVERRIDE, is_steering_admin)
rules.add_perm(RECORD_GATE, is_steering_admin)
