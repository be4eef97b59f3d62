"""Partners: training institutions and the experts courses are run with (đối tác, chuyên gia)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "apps.partners"
    label = "partners"
    verbose_name = _("Partners and experts")
