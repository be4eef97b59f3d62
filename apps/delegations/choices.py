"""Closed lists of delegations: the life cycle states (DOMAIN.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    DEPARTED = "departed", _("Departed")
    RETURNED = "returned", _("Returned")
