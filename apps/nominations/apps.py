"""Nominations (C5): cadres put forward for courses, eligibility, review, waitlist."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "apps.nominations"
    label = "nominations"
    verbose_name = _("Nominations")
