"""Planning: calls for needs, agencies' registrations, the annual plan and quotas (C3, R9)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.home import register_home
from apps.core.navigation import register_nav

from .permissions import VIEW_PLANNING


class PlanningConfig(AppConfig):
    name = "apps.planning"
    label = "planning"
    verbose_name = _("Planning")

    def ready(self) -> None:
        from . import (
            home,  # models are importable only once apps are ready
            workflow,  # noqa: F401 - registers the plan's workflow table
        )

        register_home(home.home_items, order=30)
        register_nav(_("Planning"), "planning:call_list", perm=VIEW_PLANNING, order=30)
