"""Writes to the agency tree. Each checks the acting user against the policy and records an audit
entry; ``actor=None`` is the system loading reference data."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.core.text import normalize_vi

from .choices import LOCAL_ROOT_KINDS, ROOT_KINDS
from .models import Agency
from .permissions import MANAGE_AGENCIES

EDITABLE_FIELDS = ("code", "name", "short_name", "kind", "parent", "is_active", "note")


def _require_manager(actor: User | None) -> None:
    require(actor, MANAGE_AGENCIES, message=_("Only a steering admin may change the agency tree."))


def _audit_value(value) -> str:
    return "" if value is None else str(value)


def _path_for(agency: Agency) -> str:
    parent_path = agency.parent.path if agency.parent_id else ""
    return f"{parent_path}{agency.pk:06d}/"


def _validate(agency: Agency) -> None:
    errors: dict[str, str] = {}
    if agency.parent_id is None and agency.kind not in ROOT_KINDS:
        errors["parent"] = _("A unit of kind “%(kind)s” must belong to a parent agency.") % {
            "kind": agency.get_kind_display()
        }
    if agency.parent_id is not None:
        if agency.pk and agency.parent.path.startswith(agency.path or "\0"):
            errors["parent"] = _("An agency cannot be placed under itself or its own units.")
        elif agency.parent.is_merged:
            errors["parent"] = _("“%(name)s” has been merged; choose its successor instead.") % {
                "name": agency.parent.name
            }
    clash = Agency.objects.filter(code=agency.code).exclude(pk=agency.pk)
    if clash.exists():
        errors["code"] = _("The code “%(code)s” is already used by another agency.") % {
            "code": agency.code
        }
    if errors:
        raise ValidationError(errors)


def _derive(agency: Agency) -> None:
    """Set depth, central/local and (once the row has an id) the path from the parent."""
    if agency.parent_id:
        agency.depth = agency.parent.depth + 1
        agency.is_central = agency.parent.is_central
    else:
        agency.depth = 0
        agency.is_central = agency.kind not in LOCAL_ROOT_KINDS
    if agency.pk:
        agency.path = _path_for(agency)


def _replace_subtree(agency: Agency, *, old_path: str, old_depth: int) -> None:
    """Carry a move or a central/local change down to every unit below, in one statement."""
    Agency.objects.filter(path__startswith=old_path).exclude(pk=agency.pk).update(
        path=Concat(Value(agency.path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + (agency.depth - old_depth),
        is_central=agency.is_central,
    )


@transaction.atomic
def agency_create(*, actor: User | None, **fields) -> Agency:
    _require_manager(actor)
    agency = Agency(**fields)
    agency.search_key = normalize_vi(f"{agency.code} {agency.name} {agency.short_name}")
    _validate(agency)
    _derive(agency)
    agency.path = ""
    if actor is not None:
        agency._history_user = actor
    agency.save()
    # The path needs the new id; derived columns are not history, so no second record.
    agency.path = _path_for(agency)
    Agency.objects.filter(pk=agency.pk).update(path=agency.path)
    if actor is not None:
        audit_record(actor=actor, action="agencies.create", obj=agency)
    return agency


@transaction.atomic
def agency_update(*, actor: User, agency: Agency, **fields) -> Agency:
    _require_manager(actor)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = {name: _audit_value(getattr(agency, name)) for name in fields}
    moved = "parent" in fields and fields["parent"] != agency.parent
    if moved and fields["parent"] is not None:
        # Lock and re-read the new parent: its path decides the subtree's new paths.
        fields["parent"] = Agency.objects.select_for_update().get(pk=fields["parent"].pk)
    for name, value in fields.items():
        setattr(agency, name, value)
    agency.search_key = normalize_vi(f"{agency.code} {agency.name} {agency.short_name}")
    _validate(agency)
    old_path, old_depth, old_central = agency.path, agency.depth, agency.is_central
    _derive(agency)
    agency._history_user = actor
    agency.save()
    if moved or agency.is_central != old_central:
        _replace_subtree(agency, old_path=old_path, old_depth=old_depth)
    after = {name: _audit_value(getattr(agency, name)) for name in fields}
    audit_record(
        actor=actor, action="agencies.update", obj=agency, detail={"before": before, "after": after}
    )
    return agency


@transaction.atomic
def agency_merge(
    *,
    actor: User | None,
    predecessor: Agency,
    successor: Agency,
    merged_on: datetime.date,
    note: str = "",
) -> Agency:
    """Record that ``predecessor`` was merged into ``successor`` on ``merged_on``.

    Nothing moves: the predecessor's cadres, units and history stay attached to it, and it stays
    findable; the successor's officers see it as part of their scope.
    """
    _require_manager(actor)
    predecessor = Agency.objects.select_for_update().get(pk=predecessor.pk)
    if predecessor.pk == successor.pk:
        raise ValidationError({"successor": _("An agency cannot be merged into itself.")})
    if predecessor.is_merged:
        raise ValidationError(
            {
                "successor": _("“%(name)s” was already merged into “%(successor)s” on %(date)s.")
                % {
                    "name": predecessor.name,
                    "successor": predecessor.successor.name,
                    "date": predecessor.merged_on.strftime("%d/%m/%Y"),
                }
            }
        )
    if successor.is_merged:
        raise ValidationError(
            {"successor": _("“%(name)s” has itself been merged.") % {"name": successor.name}}
        )
    if successor.path.startswith(predecessor.path):
        raise ValidationError(
            {"successor": _("An agency cannot be merged into one of its own units.")}
        )
    predecessor.successor = successor
    predecessor.merged_on = merged_on
    predecessor.is_active = False
    if note:
        predecessor.note = f"{predecessor.note}\n{note}".strip()
    if actor is not None:
        predecessor._history_user = actor
    predecessor.save()
    if actor is not None:
        audit_record(
            actor=actor,
            action="agencies.merge",
            obj=predecessor,
            detail={"successor": successor.pk, "merged_on": merged_on.isoformat(), "note": note},
        )
    return predecessor
