"""Writing audit entries from services (in the caller's transaction)."""

import ipaddress
import re
from typing import Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

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
        ip_address=ip_address or _current_client_ip(),
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


def _current_client_ip() -> str | None:
    """The address of the request being served, when a service records without being told it.

    django-simple-history's middleware already keeps the current request for its own records
    (who changed a row); the audit log reads the same one, so entries written by services from
    a page or an API call have their address too. Commands and workers have none.
    """
    request = getattr(HistoricalRecords.context, "request", None)
    return client_ip(request) if request is not None else None


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for proxy in settings.DE165_TRUSTED_PROXIES:
        try:
            if ip in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a trusted proxy, the address it forwarded.

    X-Forwarded-For is read only when the connection comes from a proxy listed in
    ``DE165_TRUSTED_PROXIES``, from the right, skipping the trusted proxies: the first address
    left is the one the nearest untrusted hop connected from (a client cannot forge it by
    sending its own header, which only adds addresses on the left).
    """
    remote = request.META.get("REMOTE_ADDR") or None
    if remote is None or not _trusted(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for address in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote
