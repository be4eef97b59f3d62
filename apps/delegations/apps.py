"""Delegations (C7): approved short-course nominees grouped into homogeneous delegations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.navigation import register_nav


class DelegationsConfig(AppConfig):
    name = "apps.delegations"
    label = "delegations"
    verbose_name = _("Delegations")

    def ready(self) -> None:
        from . import permissions, workflow  # noqa: F401 - the policy and the life cycle table

        register_nav(
            _("Delegations"),
            "delegations:delegation_list",
            perm=permissions.VIEW_DELEGATIONS,
            order=45,
        )
