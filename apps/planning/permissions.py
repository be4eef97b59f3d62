"""Who may do what in planning, at the level of roles; objects are narrowed by ``restrict``."""

import rules
from django.core.exceptions import PermissionDenied

from apps.core.roles import Role
from apps.core.rules import reads_registries

#: Open the planning area (calls for needs; what each role sees inside is narrowed below).
VIEW_PLANNING = "planning.view_planning"

rules.add_perm(VIEW_PLANNING, reads_registries)

#: Read calls and registrations (officers: their subtree's registrations only).
NEEDS_READERS = (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR)
#: Register needs.
NEEDS_WRITERS = (Role.STEERING_ADMIN, Role.AGENCY_OFFICER)
#: Read the consolidation and the plans (the finance officer plans the budget from them).
PLAN_READERS = (Role.STEERING_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR)
#: Build plans, take workflow steps, move and release quotas.
PLAN_WRITERS = (Role.STEERING_ADMIN,)


def require(user, roles) -> None:
    if user.role not in roles:
        raise PermissionDenied


def can_manage_plans(user) -> bool:
    return user.role in PLAN_WRITERS
