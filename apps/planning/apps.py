"""Planning: calls for needs, agencies' registrations, the annual plan and quotas (C3, R9)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "apps.planning"
    label = "planning"
    verbose_name = _("Planning")
