"""Reads of the documents app: who may read a course's documents, and the course page's part."""

from django.utils.translation import gettext_lazy as _

from apps.core.roles import Role
from apps.core.sections import Section
from apps.nominations.choices import PLACE_STATUSES

from .models import IssuedDocument


def participant_may_read(user, course) -> bool:
    """A participant reads a course's documents once they hold a place on it."""
    return course.nominations.filter(cadre_id=user.cadre_id, status__in=PLACE_STATUSES).exists()


def may_read_documents(user, course) -> bool:
    return user.role != Role.PARTICIPANT or participant_may_read(user, course)


def course_documents_section(course, user) -> Section:
    """The "Documents" part of the course page: issued documents, downloads, the issue button."""
    documents = (
        list(IssuedDocument.objects.filter(course=course).select_related("issued_by"))
        if may_read_documents(user, course)
        else []
    )
    may_issue = user.role == Role.STEERING_ADMIN
    return Section(
        _("Documents"),
        "documents/_course_documents.html",
        documents,
        {
            "course": course,
            "may_build_summary_list": user.role != Role.PARTICIPANT,
            "may_issue": may_issue,
            "has_members": may_issue
            and course.nominations.filter(status__in=PLACE_STATUSES).exists(),
        },
    )
