"""Candidate finder (issue 11): for a course, the cadres who fit best, ranked, with reasons."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    name = "apps.finder"
    label = "finder"
    verbose_name = _("Candidate finder")

    def ready(self) -> None:
        from apps.core.navigation import register_nav
        from apps.courses.sections import course_section

        from . import views
        from .permissions import SUGGEST

        course_section(views.course_finder_section)
        register_nav(_("Not yet trained"), "finder:untrained", perm=SUGGEST, order=55)
