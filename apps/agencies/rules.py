"""Who may browse and who may change the agency tree (role level; objects via restrict)."""

import rules

from apps.core.rules import is_steering_admin, reads_registries

rules.add_perm("agencies.view_agencies", reads_registries)
rules.add_perm("agencies.manage_agencies", is_steering_admin)
