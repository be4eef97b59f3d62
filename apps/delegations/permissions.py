"""Who may do what with delegations (DECISIONS.md §32).

Delegations are formed by the standing office of the Steering Committee (steering admins: run
the optimiser, move members by hand, confirm); finance officers and auditors read them.
"""

import rules

from apps.core.rules import is_steering_admin, reads_everything

#: Read the year's delegations and formation runs.
VIEW_DELEGATIONS = "delegations.view_delegations"
#: Run the formation, move members between proposed delegations, take the life cycle's steps.
FORM_DELEGATIONS = "delegations.form_delegations"

rules.add_perm(VIEW_DELEGATIONS, reads_everything)
rules.add_perm(FORM_DELEGATIONS, is_steering_admin)
