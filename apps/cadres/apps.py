"""Cadres: the registry of people, their positions, languages and sensitive identifiers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CadresConfig(AppConfig):
    name = "apps.cadres"
    label = "cadres"
    verbose_name = _("Cadres")

    def ready(self) -> None:
        # Register the cadre export builder and the cadre importer for the background worker.
        from . import export, importing  # noqa: F401
