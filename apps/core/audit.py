"""Writing audit entries from services (in the caller's transaction)."""

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
        detail=detail or {},
        ip_address=ip_address,
    )


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None
