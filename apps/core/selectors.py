"""Reads for the home page."""

from django.utils.translation import gettext as _


def home_summary(*, user) -> list[dict]:
    """Counts the user may see, each with a link; every count starts from ``restrict``."""
    from apps.agencies.models import Agency
    from apps.cadres.models import Cadre

    cards = []
    if user.role == "participant":
        return cards
    cards.append(
        {
            "label": _("Cadres"),
            "value": Cadre.objects.restrict(user).count(),
            "url_name": "cadres:cadre_list",
        }
    )
    cards.append(
        {
            "label": _("Agencies"),
            "value": Agency.objects.restrict(user).filter(successor__isnull=True).count(),
            "url_name": "agencies:agency_tree",
        }
    )
    return cards
