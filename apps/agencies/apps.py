"""Agencies: the tree of central bodies, provinces and their units, with mergers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "apps.agencies"
    label = "agencies"
    verbose_name = _("Agencies")
