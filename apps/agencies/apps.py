"""Agencies: the tree of central bodies, provinces and their units, with mergers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core import scoping
from apps.core.home import register_home
from apps.core.navigation import register_nav
from apps.core.reference import register_reference_loader

from .permissions import VIEW_AGENCIES


class AgenciesConfig(AppConfig):
    name = "apps.agencies"
    label = "agencies"
    verbose_name = _("Agencies")

    def ready(self) -> None:
        # Models are importable only once apps are ready.
        from . import home, reference
        from .scoping import agency_scope_ids

        scoping.register_agency_scope(agency_scope_ids)
        register_home(home.home_items, order=20)
        register_reference_loader(reference.load_reference, order=20)
        register_nav(_("Agencies"), "agencies:agency_tree", perm=VIEW_AGENCIES, order=10)
