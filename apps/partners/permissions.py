"""Who may do what with the partner and expert registries (rows: ``RegistryQuerySet.restrict``)."""

import rules

from apps.core.rules import is_steering_admin, reads_registries

#: Browse partners and experts, on the pages and through the API.
VIEW_REGISTRY = "partners.view_registry"
#: Add and change partners and experts.
CHANGE_REGISTRY = "partners.change_registry"

rules.add_perm(VIEW_REGISTRY, reads_registries)
rules.add_perm(CHANGE_REGISTRY, is_steering_admin)
