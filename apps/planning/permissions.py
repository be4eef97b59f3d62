"""Who may do what in planning (which rows: the querysets' ``restrict``).

Needs are registered by agency officers for their agency and the units below it, and by the
steering admin for any agency; the plan, its quotas and its workflow are the steering admin's
(the standing office, DECISIONS.md §12); finance officers and auditors read them; an agency
officer sees only its approved quotas.
"""

import rules

from apps.core.rules import (
    is_agency_officer,
    is_steering_admin,
    reads_everything,
    reads_registries,
)
from apps.core.scoping import agency_scope_ids

#: Open the planning area (calls for needs; what each role sees inside is narrowed below).
VIEW_PLANNING = "planning.view_planning"
#: Read calls for needs and registrations (an officer: its subtree's registrations only).
VIEW_NEEDS = "planning.view_needs"
#: Register or edit needs (for an agency, when given, in the user's scope).
REGISTER_NEEDS = "planning.register_needs"
#: Register needs for one's own agency (an officer) rather than for an agency one picks.
REGISTER_OWN_NEEDS = "planning.register_own_needs"
#: Open a call for needs and reopen an agency's registration after the deadline.
MANAGE_CALLS = "planning.manage_calls"
#: Read the consolidation and the plans (the finance officer plans the budget from them).
VIEW_PLANS = "planning.view_plans"
#: Build plans, take their workflow steps, move and release quotas.
MANAGE_PLANS = "planning.manage_plans"
#: Read approved quotas (an officer: its subtree's).
VIEW_QUOTAS = "planning.view_quotas"
#: See one's own agency's quota use (the officer's home card).
VIEW_OWN_QUOTAS = "planning.view_own_quotas"


@rules.predicate
def agency_in_scope(user, agency) -> bool:
    """No agency named, or one the officer works for (its subtree and merged predecessors)."""
    return agency is None or agency_scope_ids(user).filter(pk=agency.pk).exists()


rules.add_perm(VIEW_PLANNING, reads_registries)
rules.add_perm(VIEW_NEEDS, reads_registries)
rules.add_perm(REGISTER_NEEDS, is_steering_admin | (is_agency_officer & agency_in_scope))
rules.add_perm(REGISTER_OWN_NEEDS, is_agency_officer)
rules.add_perm(MANAGE_CALLS, is_steering_admin)
rules.add_perm(VIEW_PLANS, reads_everything)
rules.add_perm(MANAGE_PLANS, is_steering_admin)
rules.add_perm(VIEW_QUOTAS, reads_registries)
rules.add_perm(VIEW_OWN_QUOTAS, is_agency_officer)

#: Whose role may change calls, plans and quotas at all (``restrict(user, CHANGE)``).
PLAN_KEEPERS = is_steering_admin
