"""Cadres: the registry of people, their positions, languages and sensitive identifiers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.home import register_home


class CadresConfig(AppConfig):
    name = "apps.cadres"
    label = "cadres"
    verbose_name = _("Cadres")

    def ready(self) -> None:
        # Models are importable only once apps are ready. The export and importing modules
        # register the cadre export builder and the cadre importer for the background worker.
        from apps.agencies.selectors import register_people

        from . import (
            export,  # noqa: F401
            home,
            importing,  # noqa: F401
        )
        from .models import Cadre

        register_home(home.home_items, order=10)
        register_people(lambda user: Cadre.objects.restrict(user))
