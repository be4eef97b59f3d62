"""Courses (C4): courses and their phases, agenda and official documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.navigation import register_nav


class CoursesConfig(AppConfig):
    name = "apps.courses"
    label = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from apps.partners.sections import expert_section, partner_section

        from . import workflow  # noqa: F401 - registers the course's life cycle table
        from .permissions import (  # reads models: imported once apps are ready
            VIEW_COURSES,
            VIEW_OWN_COURSES,
        )
        from .selectors import expert_sessions_section, partner_courses_section

        partner_section(partner_courses_section)
        expert_section(expert_sessions_section)
        register_nav(_("Courses"), "courses:course_list", perm=VIEW_COURSES, order=40)
        register_nav(_("My courses"), "courses:my_courses", perm=VIEW_OWN_COURSES, order=60)
