"""What the agency tree puts on the home page (registered in ``AgenciesConfig.ready()``)."""

from django.utils.translation import gettext as _

from apps.core.home import StatCard
from apps.core.rules import reads_registries

from .models import Agency


def home_items(user):
    if reads_registries(user):
        visible = Agency.objects.restrict(user).filter(successor__isnull=True)
        yield StatCard(_("Agencies"), visible.count(), "agencies:agency_tree")
