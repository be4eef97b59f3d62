"""Who may browse and who may change the agency tree (which agencies: ``restrict``)."""

import rules

from apps.core.rules import is_steering_admin, reads_registries

VIEW_AGENCIES = "agencies.view_agencies"
MANAGE_AGENCIES = "agencies.manage_agencies"

rules.add_perm(VIEW_AGENCIES, reads_registries)
rules.add_perm(MANAGE_AGENCIES, is_steering_admin)

#: Whose role ``restrict(user, CHANGE)`` keeps agencies for: the tree is the steering admins' own.
TREE_WRITERS = is_steering_admin
