"""Sensitive identifiers (citizen ID, passport): who may see them in full, and masking."""

from apps.core.audit import audit_record
from apps.core.roles import Role
from apps.core.scoping import CHANGE

from .models import Cadre

#: Roles whose work needs full identifiers: arranging passports and visas, checking duplicates.
IDENTIFIER_ROLES = frozenset({Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.PARTICIPANT})


def mask_identifier(value: str) -> str:
    """Keep the last three characters: enough to tell records apart, not to misuse them."""
    if not value:
        return ""
    visible = 3 if len(value) > 6 else 1
    return "•" * (len(value) - visible) + value[-visible:]


def can_reveal_identifiers(user, cadre: Cadre) -> bool:
    if not user.is_authenticated or user.role not in IDENTIFIER_ROLES:
        return False
    if user.role == Role.PARTICIPANT:
        return user.cadre_id == cadre.pk
    return Cadre.objects.restrict(user, CHANGE).filter(pk=cadre.pk).exists()


def can_export_identifiers(user) -> bool:
    return user.is_authenticated and user.role in {Role.STEERING_ADMIN, Role.AGENCY_OFFICER}


def can_search_identifiers(user) -> bool:
    """Searching by ID digits reveals the digits: only roles that may see full identifiers."""
    return user is not None and user.is_authenticated and user.role in IDENTIFIER_ROLES


def search_by_identifier(queryset, *, user, digits: str, ip_address: str | None = None):
    """Cadres whose citizen ID ends with ``digits``; refused (empty) for masked-only roles.

    Each search is written to the audit log (the number of digits, not the digits).
    """
    if not can_search_identifiers(user):
        return queryset.none()
    audit_record(
        actor=user,
        action="cadres.identifier_search",
        detail={"digits": len(digits)},
        ip_address=ip_address,
    )
    return queryset.filter(national_id__endswith=digits)
