"""Closed lists of delegations: the life cycle (DOMAIN.md) and its transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    DEPARTED = "departed", _("Departed")
    RETURNED = "returned", _("Returned")


S = DelegationStatus
#: The allowed transitions; a new formation run replaces only PROPOSED delegations.
DELEGATION_TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.CONFIRMED}),
    S.CONFIRMED: frozenset({S.PROPOSED, S.DEPARTED}),
    S.DEPARTED: frozenset({S.RETURNED}),
    S.RETURNED: frozenset(),
}
