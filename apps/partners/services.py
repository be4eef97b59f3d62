"""Writes of the partner and expert registries. Each takes the acting user, one transaction."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require

from .models import Expert, Partner
from .permissions import CHANGE_REGISTRY


def _save(obj: Partner | Expert, *, actor: User, fields: dict[str, Any]):
    require(
        actor,
        CHANGE_REGISTRY,
        message=_("Only a steering admin may change the partner and expert registries."),
    )
    m2m = {"content_groups": fields.pop("content_groups")} if "content_groups" in fields else {}
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    created = obj.pk is None
    obj.save()
    for name, values in m2m.items():
        getattr(obj, name).set(values)
    kind = obj._meta.model_name
    audit_record(
        actor=actor, action=f"partners.{kind}_{'create' if created else 'update'}", obj=obj
    )
    return obj


@transaction.atomic
def partner_save(*, actor: User, partner: Partner | None = None, **fields: Any) -> Partner:
    return _save(partner or Partner(), actor=actor, fields=fields)


@transaction.atomic
def expert_save(*, actor: User, expert: Expert | None = None, **fields: Any) -> Expert:
    return _save(expert or Expert(), actor=actor, fields=fields)
