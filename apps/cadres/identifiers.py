"""Sensitive identifiers (citizen ID, passport): masking and search by digits. Who may see them
in full, or search by them, is the cadre policy's to say (``permissions.py``)."""

from apps.core.audit import audit_record
from apps.core.permissions import may

from .permissions import SEARCH_IDENTIFIERS


def mask_identifier(value: str) -> str:
    """Keep the last three characters: enough to tell records apart, not to misuse them."""
    if not value:
        return ""
    visible = 3 if len(value) > 6 else 1
    return "•" * (len(value) - visible) + value[-visible:]


def search_by_identifier(queryset, *, user, digits: str, ip_address: str | None = None):
    """Cadres whose citizen ID ends with ``digits``; refused (empty) for masked-only roles.

    Each search is written to the audit log (the number of digits, not the digits).
    """
    if user is None or not may(user, SEARCH_IDENTIFIERS):
        return queryset.none()
    audit_record(
        actor=user,
        action="cadres.identifier_search",
        detail={"digits": len(digits)},
        ip_address=ip_address,
    )
    return queryset.filter(national_id__endswith=digits)
