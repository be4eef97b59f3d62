"""Cadres: the registry of people, their positions, languages and sensitive identifiers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.home import register_home
from apps.core.navigation import register_nav


class CadresConfig(AppConfig):
    name = "apps.cadres"
    label = "cadres"
    verbose_name = _("Cadres")

    def ready(self) -> None:
        # Models are importable only once apps are ready. The export and importing modules
        # register the cadre export builder and the cadre importer for the background worker.
        from django.db.models.signals import post_save

        from apps.agencies.selectors import register_people
        from apps.programme.models import RuleSetting

        from . import (
            export,  # noqa: F401
            home,
            importing,  # noqa: F401
        )
        from .models import Cadre
        from .permissions import VIEW_OWN_RECORD, VIEW_REGISTRY
        from .services import on_rule_setting_saved

        register_home(home.home_items, order=10)
        register_people(lambda user: Cadre.objects.restrict(user))
        register_nav(_("Cadres"), "cadres:cadre_list", perm=VIEW_REGISTRY, order=20)
        register_nav(_("My record"), "cadres:my_record", perm=VIEW_OWN_RECORD, order=25)
        # The stored expected retirement dates follow the roadmap setting when it changes.
        post_save.connect(on_rule_setting_saved, sender=RuleSetting, dispatch_uid="cadres-roadmap")
