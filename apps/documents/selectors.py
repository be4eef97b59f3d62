"""Reads of the documents app: the course page's part."""

from django.utils.translation import gettext_lazy as _

from apps.core.permissions import may
from apps.core.sections import Section
from apps.nominations.choices import PLACE_STATUSES

from .choices import DocumentKind
from .models import IssuedDocument
from .permissions import BUILD_SUMMARY_LIST, ISSUE_DECISION, READ_COURSE_DOCUMENTS


def course_documents_section(course, user) -> Section:
    """The "Documents" part of the course page: issued documents, downloads, the issue button."""
    documents = (
        list(IssuedDocument.objects.filter(course=course).select_related("issued_by", "cites"))
        if may(user, READ_COURSE_DOCUMENTS, course)
        else []
    )
    may_issue = may(user, ISSUE_DECISION)
    # the decision in force: a new one replaces or amends it (documents are newest first)
    in_force = next(
        (d for d in documents if d.kind == DocumentKind.DECISION and not d.is_draft), None
    )
    return Section(
        _("Documents"),
        "documents/_course_documents.html",
        documents,
        {
            "course": course,
            "may_build_summary_list": may(user, BUILD_SUMMARY_LIST),
            "may_issue": may_issue,
            "in_force": in_force,
            "has_members": may_issue
            and course.nominations.filter(status__in=PLACE_STATUSES).exists(),
        },
    )
