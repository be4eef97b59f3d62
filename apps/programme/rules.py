"""Who may read and who may change the programme settings (role level; settings are global)."""

import rules

from apps.core.rules import is_steering_admin, reads_registries

rules.add_perm("programme.view_settings", reads_registries)
rules.add_perm("programme.change_settings", is_steering_admin)
