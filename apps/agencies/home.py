"""What the agency tree puts on the home page (registered in ``AgenciesConfig.ready()``)."""

from django.utils.translation import gettext as _

from apps.core.home import StatCard
from apps.core.permissions import may

from .models import Agency
from .permissions import VIEW_AGENCIES


def home_items(user):
    if may(user, VIEW_AGENCIES):
        visible = Agency.objects.restrict(user).filter(successor__isnull=True)
        yield StatCard(_("Agencies"), visible.count(), "agencies:agency_tree")
