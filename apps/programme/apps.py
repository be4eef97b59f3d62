"""Programme settings (C2): phases and targets, forms, content groups, levels, rule settings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.navigation import register_nav
from apps.core.reference import register_reference_loader

from .permissions import VIEW_SETTINGS


class ProgrammeConfig(AppConfig):
    name = "apps.programme"
    label = "programme"
    verbose_name = _("Programme settings")

    def ready(self) -> None:
        from . import reference  # models are importable only once apps are ready

        register_reference_loader(reference.load_reference, order=10)
        register_nav(_("Programme settings"), "programme:settings", perm=VIEW_SETTINGS, order=70)
