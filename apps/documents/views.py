"""Document pages: they check access, call a service and send the file."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.permissions import may, require
from apps.core.scoping import VIEW, get_scoped_or_404
from apps.courses.models import Course

from . import services
from .models import IssuedDocument
from .permissions import BUILD_SUMMARY_LIST, ISSUE_DECISION, READ_COURSE_DOCUMENTS


class _SentThenDeleted(FileResponse):
    """A temporary file, deleted once sent."""

    def __init__(self, path: Path, *args, **kwargs):
        self._temporary = path
        super().__init__(open(path, "rb"), *args, **kwargs)  # noqa: SIM115

    def close(self):
        super().close()
        self._temporary.unlink(missing_ok=True)


def _send(path: Path, file_name: str, *, temporary: bool):
    if temporary:
        return _SentThenDeleted(path, as_attachment=True, filename=file_name)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=file_name)


@require_POST
def decision_issue(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, VIEW, pk=pk)
    require(request.user, ISSUE_DECISION)
    try:
        document = services.decision_issue(actor=request.user, course=course)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(course)
    messages.success(request, _("Decision %(number)s was issued.") % {"number": document.reference})
    return redirect(course)


def document_download(request, pk):
    document = get_scoped_or_404(
        IssuedDocument.objects.select_related("course"), request.user, pk=pk
    )
    if not may(request.user, READ_COURSE_DOCUMENTS, document.course):
        raise Http404
    path, temporary = services.issued_document_for(actor=request.user, document=document)
    return _send(path, document.file_name, temporary=temporary)


def summary_list_docx(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, pk=pk)
    require(request.user, BUILD_SUMMARY_LIST)
    path = services.summary_list_build(actor=request.user, course=course)
    return _send(path, f"danh-sach-trich-ngang-{course.code}.docx", temporary=True)


def programme_docx(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, pk=pk)
    path = services.programme_build(actor=request.user, course=course)
    return _send(path, f"chuong-trinh-{course.code}.docx", temporary=True)
