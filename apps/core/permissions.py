"""Who may do what: how every app's policy is written, asked and enforced.

Each app keeps its policy in ``apps/<app>/permissions.py``: permission names bound to ``rules``
predicates (role predicates in ``apps.core.rules``; which rows in ``apps.core.scoping``). Views,
the API, templates (``{% load policy %}{% if user|may:"app.name" %}``) and services all ask that
one policy; no other module names a role. Every app's ``permissions`` module is loaded when core
is ready. The policy is asked directly (``may``), not through Django's model permissions.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .rules import is_auditor, is_steering_admin

VIEW_AUDIT_LOG = "core.view_audit_log"

rules.add_perm(VIEW_AUDIT_LOG, is_steering_admin | is_auditor)


def may(user, perm: str, obj=None) -> bool:
    """Whether the policy lets ``user`` do ``perm`` (on ``obj``)."""
    return rules.has_perm(perm, user, obj)


def require(user, perm: str, obj=None, *, message: str | None = None) -> None:
    """Refuse with a Vietnamese sentence unless ``user`` holds ``perm`` (on ``obj``).

    Services call it on their actor. ``user`` None is the system itself (loading reference
    data, generating the demo), which acts on no one's behalf and is not refused.
    """
    if user is None:
        return
    if not may(user, perm, obj):
        raise PermissionDenied(message or _("You are not allowed to do this"))
