"""Role-level permissions (may the user do X at all?) declared with django-rules."""

import rules

from .roles import Role


@rules.predicate
def is_steering_admin(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.STEERING_ADMIN))


@rules.predicate
def is_agency_officer(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.AGENCY_OFFICER))


@rules.predicate
def is_finance_officer(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.FINANCE_OFFICER))


@rules.predicate
def is_auditor(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.AUDITOR))


@rules.predicate
def is_participant(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.PARTICIPANT))


has_any_role = (
    is_steering_admin | is_agency_officer | is_finance_officer | is_auditor | is_participant
)
reads_registries = is_steering_admin | is_agency_officer | is_finance_officer | is_auditor
#: Roles that read every agency's rows (``roles.READ_ALL_ROLES``).
reads_everything = is_steering_admin | is_finance_officer | is_auditor
#: Roles that keep registers for agencies (the steering admin for all, an officer for its own).
keeps_registers = is_steering_admin | is_agency_officer
