"""Who may do what with nominations (which nominations: ``Nomination.objects.restrict``)."""

import rules

from apps.core.rules import reads_registries

#: Browse the nominations.
VIEW_NOMINATIONS = "nominations.view_nominations"

rules.add_perm(VIEW_NOMINATIONS, reads_registries)
