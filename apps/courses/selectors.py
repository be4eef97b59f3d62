"""Reads of the course domain; every one starts from ``restrict``."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from apps.core.sections import Section

from .hooks import taken_annotation
from .models import AgendaItem, Course


def course_list(*, fetched_by) -> QuerySet[Course]:
    return (
        Course.objects.restrict(fetched_by)
        .select_related("form", "content_group", "partner", "organiser")
        .annotate(taken=taken_annotation())
        .order_by("-start", "code")
    )


def course_detail_queryset(*, fetched_by) -> QuerySet[Course]:
    return course_list(fetched_by=fetched_by).prefetch_related(
        Prefetch(
            "agenda",
            queryset=AgendaItem.objects.select_related("expert", "content_group").order_by(
                "date", "start_time", "pk"
            ),
        ),
        "phases__form_phase",
        "transitions__actor",
    )


def partner_courses_section(partner, user) -> Section:
    """The courses run with ``partner`` that ``user`` sees (the partner's page)."""
    courses = course_list(fetched_by=user).filter(partner=partner)[:50]
    return Section(_("Courses"), "courses/_partner_courses.html", list(courses))


def expert_sessions_section(expert, user) -> Section:
    """The agenda items ``expert`` speaks at, on the courses ``user`` sees (the expert's page)."""
    items = (
        AgendaItem.objects.filter(expert=expert, course__in=Course.objects.restrict(user))
        .select_related("course")
        .order_by("-date")[:50]
    )
    return Section(_("Sessions"), "courses/_expert_sessions.html", list(items))
