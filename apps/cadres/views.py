"""Cadre registry views: they check access, call a selector or service, and respond."""

import os

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2.views import SingleTableMixin

from apps.core.audit import audit_record, client_ip, logged_filters
from apps.core.exports import export_start
from apps.core.forms import apply_service_errors
from apps.core.pages import edit_page
from apps.core.permissions import may, require
from apps.core.scoping import CHANGE, VIEW, get_scoped_or_404

from . import services
from .export import cadre_export_xlsx
from .filtersets import CadreFilter
from .forms import CadreForm, LanguageForm, PositionForm, TrainingRecordForm
from .identifiers import mask_identifier
from .models import Cadre, LanguageSkill, PositionHistory, TrainingRecord
from .permissions import (
    ADD_CADRE,
    CHANGE_CADRE,
    EXPORT_IDENTIFIERS,
    REVEAL_IDENTIFIERS,
    VIEW_OWN_RECORD,
    VIEW_REGISTRY,
)
from .profile import profile_sections
from .selectors import cadre_detail_queryset, cadre_history, cadre_list
from .tables import CadreTable


class CadreListView(SingleTableMixin, FilterView):
    template_name = "cadres/cadre_list.html"
    table_class = CadreTable
    filterset_class = CadreFilter
    paginate_by = 25

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW_REGISTRY)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return cadre_list(fetched_by=self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "user": self.request.user}

    def get_table_pagination(self, table):
        pagination = super().get_table_pagination(table)
        per_page = self.request.GET.get("per_page", "")
        if per_page in {"10", "25", "50", "100"}:
            pagination["per_page"] = int(per_page)
        return pagination

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "cadre-results":
            return ["cadres/_cadre_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = may(self.request.user, ADD_CADRE)
        context["can_export_identifiers"] = may(self.request.user, EXPORT_IDENTIFIERS)
        context["query"] = self.request.GET.urlencode()
        return context


cadre_list_view = CadreListView.as_view()


def cadre_export(request):
    """Small lists download at once; large ones are built by the worker with progress shown."""
    require(request.user, VIEW_REGISTRY)
    filterset = CadreFilter(
        request.GET, queryset=cadre_list(fetched_by=request.user), user=request.user
    )
    if not filterset.is_valid():
        messages.error(request, _("The filters are not valid; nothing was exported."))
        return redirect("cadres:cadre_list")
    params = request.GET.dict()
    full = params.get("identifiers") == "full" and may(request.user, EXPORT_IDENTIFIERS)
    rows = filterset.qs.count()
    audit_record(
        actor=request.user,
        action="cadres.export",
        detail={"rows": rows, "filters": logged_filters(params), "full_identifiers": full},
        ip_address=client_ip(request),
    )
    file_name = f"can-bo-{timezone.localdate():%Y%m%d}.xlsx"
    if rows > settings.EXPORT_INLINE_MAX_ROWS:
        job = export_start(
            actor=request.user,
            kind="cadres",
            title=_("Export of %(rows)s cadres") % {"rows": f"{rows:,}".replace(",", ".")},
            params=params,
            total_rows=rows,
            file_name=file_name,
        )
        return redirect("core:export_detail", pk=job.pk)
    path, _count = cadre_export_xlsx(filterset.qs, full_identifiers=full)
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=file_name,
    )
    os.unlink(path)  # the open handle keeps the data readable until the response is sent
    return response


def cadre_detail(request, pk):
    cadre = get_scoped_or_404(cadre_detail_queryset(fetched_by=request.user), request.user, pk=pk)
    can_edit = may(request.user, CHANGE_CADRE, cadre)
    return render(
        request,
        "cadres/cadre_detail.html",
        {
            "cadre": cadre,
            "masked_national_id": mask_identifier(cadre.national_id),
            "masked_passport": mask_identifier(cadre.passport_number),
            "can_reveal": may(request.user, REVEAL_IDENTIFIERS, cadre),
            "can_edit": can_edit,
            "history": cadre_history(cadre=cadre),
            "position_form": PositionForm(user=request.user) if can_edit else None,
            "language_form": LanguageForm() if can_edit else None,
            "training_form": TrainingRecordForm() if can_edit else None,
            "profile_sections": profile_sections(cadre=cadre, user=request.user),
        },
    )


@require_POST
def cadre_reveal(request, pk):
    """Show the full identifiers to a role that needs them, and log that they were seen."""
    cadre = get_scoped_or_404(Cadre.objects, request.user, VIEW, pk=pk)
    require(request.user, REVEAL_IDENTIFIERS, cadre)
    audit_record(
        actor=request.user,
        action="cadres.reveal_identifiers",
        obj=cadre,
        detail={"fields": ["national_id", "passport_number"]},
        ip_address=client_ip(request),
    )
    return render(request, "cadres/_identifiers.html", {"cadre": cadre, "revealed": True})


def my_record(request):
    if not may(request.user, VIEW_OWN_RECORD):
        raise Http404
    return redirect("cadres:cadre_detail", pk=request.user.cadre_id)


def cadre_create(request):
    require(request.user, ADD_CADRE)

    def save(data):
        fields = {name: value for name, value in data.items() if name != "version"}
        return services.cadre_create(actor=request.user, **fields)

    return edit_page(
        request,
        CadreForm(request.POST or None, user=request.user),
        save=save,
        template="cadres/cadre_form.html",
        context={"cadre": None},
        success_message=_("The cadre “%(name)s” was added."),
    )


def cadre_edit(request, pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    form = CadreForm(request.POST or None, instance=cadre, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        version = form.cleaned_data.get("version") or 0
        try:
            services.cadre_update(actor=request.user, cadre=cadre, version=version, **data)
        except services.StaleVersionError as error:
            messages.error(request, error.message)
            return render(
                request, "cadres/cadre_form.html", {"form": form, "cadre": cadre, "stale": True}
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(cadre)
    return render(request, "cadres/cadre_form.html", {"form": form, "cadre": cadre})


def _add_to_record(request, cadre, form, save, *, done: str, failed: str):
    """Validate a small form of the detail page, save it through ``save``, report, go back."""
    if form.is_valid():
        try:
            save(actor=request.user, cadre=cadre, **form.cleaned_data)
            messages.success(request, done)
        except ValidationError as error:
            apply_service_errors(form, error)
    if form.errors:
        messages.error(request, failed % {"errors": _flatten(form)})
    return redirect(cadre)


@require_POST
def position_add(request, pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    return _add_to_record(
        request,
        cadre,
        PositionForm(request.POST, user=request.user),
        services.position_add,
        done=_("The position was added to the history."),
        failed=_("The position was not added: %(errors)s"),
    )


@require_POST
def position_delete(request, pk, position_pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    position = get_scoped_or_404(
        PositionHistory.objects.filter(cadre=cadre), request.user, CHANGE, pk=position_pk
    )
    services.position_delete(actor=request.user, position=position)
    messages.success(request, _("The position was removed from the history."))
    return redirect(cadre)


@require_POST
def training_add(request, pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    return _add_to_record(
        request,
        cadre,
        TrainingRecordForm(request.POST),
        services.training_add,
        done=_("The training was added to the history."),
        failed=_("The training was not added: %(errors)s"),
    )


@require_http_methods(["GET", "POST"])
def training_edit(request, pk, record_pk):
    """Correct a line of the training history entered or imported by hand (a line filled by a
    course of this programme follows the course and is not edited here)."""
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    require(request.user, CHANGE_CADRE, cadre)
    record = get_scoped_or_404(
        TrainingRecord.objects.filter(cadre=cadre), request.user, CHANGE, pk=record_pk
    )
    return edit_page(
        request,
        TrainingRecordForm(request.POST or None, instance=TrainingRecord.objects.get(pk=record.pk)),
        save=lambda data: services.training_update(actor=request.user, record=record, **data),
        title=_("Training history: %(course)s") % {"course": record.course_name},
        template="cadres/training_form.html",
        context={"cadre": cadre},
        success_message=_("The training was saved."),
        success_url=cadre.get_absolute_url(),
    )


@require_POST
def training_delete(request, pk, record_pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    record = get_scoped_or_404(
        TrainingRecord.objects.filter(cadre=cadre), request.user, CHANGE, pk=record_pk
    )
    services.training_delete(actor=request.user, record=record)
    messages.success(request, _("The training was removed from the history."))
    return redirect(cadre)


@require_POST
def language_add(request, pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    return _add_to_record(
        request,
        cadre,
        LanguageForm(request.POST),
        services.language_set,
        done=_("The language was saved."),
        failed=_("The language was not saved: %(errors)s"),
    )


@require_POST
def language_delete(request, pk, skill_pk):
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=pk)
    skill = get_scoped_or_404(
        LanguageSkill.objects.filter(cadre=cadre), request.user, CHANGE, pk=skill_pk
    )
    services.language_delete(actor=request.user, skill=skill)
    messages.success(request, _("The language was removed."))
    return redirect(cadre)


def _flatten(form) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return "; ".join(parts)
