"""Document pages: they check access, call a service and send the file."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.core.pages import edit_page
from apps.core.permissions import may, require
from apps.core.scoping import VIEW, get_scoped_or_404
from apps.courses.models import Course

from . import services
from .choices import Relation
from .forms import DecisionIssueForm, IssuerProfileForm
from .models import IssuedDocument, IssuerProfile
from .permissions import BUILD_SUMMARY_LIST, ISSUE_DECISION, MANAGE_ISSUERS, READ_COURSE_DOCUMENTS


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
def decision_draft(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, VIEW, pk=pk)
    require(request.user, ISSUE_DECISION)
    relation = request.POST.get("relation") or Relation.REPLACES
    try:
        document = services.decision_draft(actor=request.user, course=course, relation=relation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(course)
    messages.success(
        request,
        _(
            "The decision was drafted without a number: download it, then enter the number and "
            "date of the register to issue it."
        ),
    )
    return redirect("documents:decision_issue", pk=document.pk)


@require_http_methods(["GET", "POST"])
def decision_issue(request, pk):
    """Enter the number and date of the issuing body's register and issue the draft."""
    document = get_scoped_or_404(
        IssuedDocument.objects.select_related("course", "issuer__agency", "cites"),
        request.user,
        pk=pk,
    )
    require(request.user, ISSUE_DECISION)
    if not document.is_draft:
        messages.info(request, _("This decision is already issued."))
        return redirect(document.course)
    today = timezone.localdate()
    issuer = document.issuer or services.issuer_for(document.course)
    form = DecisionIssueForm(
        request.POST or None,
        initial={
            "number": services.suggested_number(issuer=issuer, year=today.year),
            "issued_on": today,
        },
    )
    return edit_page(
        request,
        form,
        save=lambda data: services.decision_issue(
            actor=request.user,
            document=document,
            number=data["number"],
            on=data["issued_on"],
        ),
        title=_("Issue the decision"),
        template="documents/decision_issue.html",
        context={"document": document, "issuer": issuer},
        success_message=_("Decision %(name)s was issued."),
        success_url=document.course.get_absolute_url(),
    )


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


# --- issuer profiles ---------------------------------------------------------------------------


@require_GET
def issuer_list(request):
    require(request.user, MANAGE_ISSUERS)
    issuers = IssuerProfile.objects.select_related("agency")
    return render(request, "documents/issuer_list.html", {"issuers": issuers})


@require_http_methods(["GET", "POST"])
def issuer_create(request):
    require(request.user, MANAGE_ISSUERS)
    return edit_page(
        request,
        IssuerProfileForm(request.POST or None),
        save=lambda data: services.issuer_save(
            actor=request.user, agency=data["agency"], data=data
        ),
        title=_("New issuing body"),
        cancel="documents:issuer_list",
        success_url="documents:issuer_list",
    )


@require_http_methods(["GET", "POST"])
def issuer_edit(request, pk):
    require(request.user, MANAGE_ISSUERS)
    issuer = get_object_or_404(IssuerProfile.objects.select_related("agency"), pk=pk)
    return edit_page(
        request,
        IssuerProfileForm(request.POST or None, instance=IssuerProfile.objects.get(pk=pk)),
        save=lambda data: services.issuer_save(
            actor=request.user,
            agency=issuer.agency,
            data=data,
            issuer=issuer,
            version=data.get("version"),
        ),
        title=str(issuer),
        cancel="documents:issuer_list",
        success_url="documents:issuer_list",
    )
