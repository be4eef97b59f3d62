"""What the cadre registry puts on the home page (registered in ``CadresConfig.ready()``)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from apps.core.home import Panel, StatCard
from apps.core.rules import is_participant, reads_registries

from .models import Cadre


def home_items(user):
    if reads_registries(user):
        yield StatCard(_("Cadres"), Cadre.objects.restrict(user).count(), "cadres:cadre_list")
    if is_participant(user):
        yield Panel(render_to_string("cadres/_home_my_record.html"))
