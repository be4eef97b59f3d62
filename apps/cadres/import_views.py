"""Excel import views: upload and list of imports, template download, a job's status.

Only steering admins and agency officers may import (403 for everyone else); a job outside the
user's scope is a 404. The import itself runs in the task worker; these views only check,
start it and show where it is.
"""

import datetime
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.importing import ImportIssue, import_job_start, stream_check
from apps.core.scoping import get_scoped_or_404

from .import_template import import_template_write
from .importing import CADRE_IMPORTER, user_may_import
from .models import ImportJob

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_FILE_NAME = "mau-nhap-danh-sach-can-bo.xlsx"
JOBS_PER_PAGE = 20
ERRORS_PER_PAGE = 100
STALLED_AFTER = datetime.timedelta(hours=1)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx) filled in from the template"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_TYPE}"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        issues = stream_check(name=upload.name, size=upload.size, stream=upload)
        if issues:
            raise ValidationError([issue.message for issue in issues])
        return upload


def _require_importer(user) -> None:
    if not user_may_import(user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def import_list(request):
    _require_importer(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_start(CADRE_IMPORTER, actor=request.user, upload=form.cleaned_data["file"])
        messages.info(
            request,
            _("“%(name)s” was received. Every row is checked before anything is imported.")
            % {"name": job.file_name},
        )
        return redirect("cadres:import_detail", pk=job.pk)
    jobs = ImportJob.objects.restrict(request.user).select_related("created_by")
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cadres/import_list.html", {"form": form, "page": page})


@require_GET
def import_template(request):
    _require_importer(request.user)
    buffer = io.BytesIO()
    import_template_write(buffer, actor=request.user)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILE_NAME}"'
    return response


def _job(request, pk: int) -> ImportJob:
    _require_importer(request.user)
    return get_scoped_or_404(ImportJob.objects.select_related("created_by"), request.user, pk=pk)


def _status_context(job: ImportJob) -> dict:
    phase_unknown = job.status == ImportJob.Status.IMPORTING and job.processed_rows == 0
    # Imports take seconds to minutes; an unfinished job this old lost its worker (restarted or
    # killed), and its transaction was rolled back: say so instead of polling for ever.
    stalled = not job.is_finished and job.created_at < timezone.now() - STALLED_AFTER
    return {
        "job": job,
        "percent": 100 if phase_unknown else job.percent,
        "busy": phase_unknown,
        "stalled": stalled,
    }


@require_GET
def import_detail(request, pk: int):
    job = _job(request, pk)
    issues = [ImportIssue.from_dict(data) for data in job.errors]
    general = [issue for issue in issues if issue.row is None and issue.code != "more_errors"]
    row_issues = [issue for issue in issues if issue.row is not None]
    more = [issue for issue in issues if issue.code == "more_errors"]
    errors_page = Paginator(row_issues, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    hidden = sum(issue.params["count"] for issue in more)
    context = {
        **_status_context(job),
        "general_issues": general,
        "more_issues": more,
        "errors_page": errors_page,
        "error_count": len([issue for issue in issues if not issue.is_note]) + hidden,
    }
    return render(request, "cadres/import_detail.html", context)


@require_GET
def import_status(request, pk: int):
    job = _job(request, pk)
    context = _status_context(job)
    response = render(request, "cadres/import_status.html", context)
    if (job.is_finished or context["stalled"]) and request.htmx:
        # The page was showing progress: reload it once to show the result and the errors.
        response["HX-Refresh"] = "true"
    return response
