"""Who may read and who may change the programme settings (settings are global: no scoping)."""

import rules

from apps.core.rules import is_steering_admin, reads_registries

VIEW_SETTINGS = "programme.view_settings"
CHANGE_SETTINGS = "programme.change_settings"

rules.add_perm(VIEW_SETTINGS, reads_registries)
rules.add_perm(CHANGE_SETTINGS, is_steering_admin)
