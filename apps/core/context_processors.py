"""The navigation of the UI shell, built from what the user's role may open."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import Role

#: (label, url name, roles that see the entry; None = every role)
NAVIGATION = [
    (_("Home"), "core:home", None),
    (
        _("Agencies"),
        "agencies:agency_tree",
        (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR),
    ),
    (
        _("Cadres"),
        "cadres:cadre_list",
        (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR),
    ),
    (_("My record"), "cadres:my_record", (Role.PARTICIPANT,)),
    (
        _("Planning"),
        "planning:call_list",
        (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR),
    ),
    (
        _("Courses"),
        "courses:course_list",
        (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR),
    ),
    (
        _("Nominations"),
        "nominations:nomination_list",
        (Role.STEERING_ADMIN, Role.AGENCY_OFFICER, Role.FINANCE_OFFICER, Role.AUDITOR),
    ),
    (_("My courses"), "courses:my_courses", (Role.PARTICIPANT,)),
    (
        _("Programme settings"),
        "programme:settings",
        (Role.STEERING_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR, Role.AGENCY_OFFICER),
    ),
    (_("Audit log"), "core:audit_log", (Role.STEERING_ADMIN, Role.AUDITOR)),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    current = request.path
    items = []
    for label, url_name, roles in NAVIGATION:
        if roles is not None and user.role not in roles:
            continue
        url = reverse(url_name)
        active = current == url if url == "/" else current.startswith(url)
        items.append({"label": label, "url": url, "active": active})
    return {"nav_items": items}
