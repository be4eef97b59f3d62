"""Core app: users and roles, scoping, audit, the UI shell, Vietnamese text utilities."""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from .navigation import register_nav
from .permissions import VIEW_AUDIT_LOG


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Every app's policy registers its permissions with rules (apps/<app>/permissions.py).
        autodiscover_modules("permissions")

        register_nav(_("Home"), "core:home", perm=None, order=0)
        register_nav(_("Audit log"), "core:audit_log", perm=VIEW_AUDIT_LOG, order=100)
