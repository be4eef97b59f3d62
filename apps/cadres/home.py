"""What the cadre registry puts on the home page (registered in ``CadresConfig.ready()``)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from apps.core.home import Panel, StatCard
from apps.core.permissions import may

from .models import Cadre
from .permissions import VIEW_OWN_RECORD, VIEW_REGISTRY
from .selectors import profile_completeness


def home_items(user):
    if may(user, VIEW_REGISTRY):
        yield StatCard(_("Cadres"), Cadre.objects.restrict(user).count(), "cadres:cadre_list")
    if may(user, VIEW_OWN_RECORD) and user.cadre_id:
        percent, missing = profile_completeness(user.cadre)
        yield Panel(
            render_to_string(
                "cadres/_home_my_record.html", {"percent": percent, "missing": missing}
            )
        )
