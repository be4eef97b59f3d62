"""Delegations (C7): approved short-course nominees grouped into homogeneous delegations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "apps.delegations"
    label = "delegations"
    verbose_name = _("Delegations")
