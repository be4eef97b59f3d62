"""Writing audit entries from services (in the caller's transaction)."""

import re
from typing import Any

from django.db import models

from .models import AuditEntry, User


def audit_record(
    *,
    actor: User,
    action: str,
    obj: models.Model | None = None,
    detail: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        detail=_storable(detail or {}),
        ip_address=ip_address,
    )


_DIGIT = re.compile(r"\d")


def logged_filters(params: dict[str, str]) -> dict[str, str]:
    """A list's filters as the audit log keeps them: the digits typed in the search box masked.
    A citizen ID searched for must not reach the log's readers (the auditor sees identifiers
    masked only); the identifier search itself is logged with its number of digits."""
    return {
        key: _DIGIT.sub("•", value) if key == "q" and isinstance(value, str) else value
        for key, value in params.items()
    }


def _storable(value: Any) -> Any:
    """The detail without NUL characters: PostgreSQL text and JSON cannot hold them, and a hostile
    filter value (``?q=x%00``) recorded with an export must not turn the export into a 500."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_storable(key): _storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    return value


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
