"""Courses (C4): partners, experts, courses and their phases, agenda and official documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "apps.courses"
    label = "courses"
    verbose_name = _("Courses")
