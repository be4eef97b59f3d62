"""The five roles of PRODUCT.md and what each may do at the coarsest level."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STEERING_ADMIN = "steering_admin", _("Steering admin")
    AGENCY_OFFICER = "agency_officer", _("Agency officer")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    PARTICIPANT = "participant", _("Participant")
    AUDITOR = "auditor", _("Auditor")


#: Roles that must use a TOTP second factor (QUALITY.md, security).
TWO_FACTOR_ROLES = frozenset({Role.STEERING_ADMIN, Role.FINANCE_OFFICER})

#: Roles that read every agency's data.
READ_ALL_ROLES = frozenset({Role.STEERING_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR})
