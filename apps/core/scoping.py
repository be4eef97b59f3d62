"""One place decides visibility: every list, detail, export, count and search starts here.

A model's queryset inherits ``ScopedQuerySet`` and names the lookups that lead to its agency and
(for rows hanging from a person) its cadre. ``restrict(user, action)`` narrows it:

* steering admin: everything;
* finance officer and auditor: read everything, change nothing (finance's own areas override);
* agency officer: rows of its agency and the agencies below it, including merged predecessors;
* participant: rows of their own cadre record only;
* anyone else (no role, inactive): nothing.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.http import Http404

from .rules import (
    is_agency_officer,
    is_participant,
    is_steering_admin,
    keeps_registers,
    reads_everything,
)

VIEW = "view"
CHANGE = "change"


#: How to find the agencies an agency officer works for. The agency tree lives in the agencies
#: app above core, so that app registers the lookup in its ``AppConfig.ready()``.
_agency_scope: Callable[[object], models.QuerySet] | None = None


def register_agency_scope(lookup: Callable[[object], models.QuerySet]) -> None:
    """Set the function giving an agency officer's agency ids (a ``values("pk")`` queryset)."""
    global _agency_scope
    _agency_scope = lookup


def agency_scope_ids(user) -> models.QuerySet:
    """Ids of the agencies an agency officer works for: its subtree, merged predecessors and
    their units."""
    if _agency_scope is None:
        raise ImproperlyConfigured("No agency scope registered: is apps.agencies installed?")
    return _agency_scope(user)


def restrict_queryset(
    queryset: models.QuerySet,
    user,
    action: str,
    *,
    agency_lookup: str | None,
    cadre_lookup: str | None = None,
    writable_by: Callable[[object], bool] = keeps_registers,
) -> models.QuerySet:
    """``writable_by``: a role predicate of ``core.rules`` (or an app's policy) saying whose
    role may change such rows at all; the rows are then narrowed as for viewing."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or not user.role:
        return queryset.none()
    if is_steering_admin(user):
        return queryset
    if action != VIEW and not writable_by(user):
        return queryset.none()
    if action == VIEW and reads_everything(user):
        return queryset
    if is_agency_officer(user) and agency_lookup is not None:
        return queryset.filter(**{f"{agency_lookup}__in": agency_scope_ids(user)})
    if is_participant(user) and cadre_lookup is not None and user.cadre_id:
        return queryset.filter(**{cadre_lookup: user.cadre_id})
    return queryset.none()


class ScopedQuerySet(models.QuerySet):
    """Base queryset with ``restrict(user, action)``; subclasses set the lookups."""

    scope_agency_lookup: str | None = "agency"
    scope_cadre_lookup: str | None = None
    #: Whose role may change such rows (a role predicate); officers then only in their subtree.
    scope_writable_by: Callable[[object], bool] = keeps_registers

    def restrict(self, user, action: str = VIEW):
        return restrict_queryset(
            self,
            user,
            action,
            agency_lookup=self.scope_agency_lookup,
            cadre_lookup=self.scope_cadre_lookup,
            writable_by=self.scope_writable_by,
        )


def get_scoped_or_404(queryset: ScopedQuerySet, user, action: str = VIEW, **lookup):
    """The object if the user may act on it; 404 if they may not even see it, 403 if read-only."""
    visible = queryset.restrict(user, VIEW)
    try:
        obj = visible.get(**lookup)
    except (visible.model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    if action != VIEW and not queryset.restrict(user, action).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj
