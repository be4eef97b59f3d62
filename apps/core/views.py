"""Views of the UI shell: home, login with a second factor, audit log."""

import base64
import io
import os

import django_filters
import django_filters.widgets
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import audit_record, client_ip, logged_filters
from .audit_display import ACTIONS, action_name, model_name, present
from .forms import TokenForm
from .home import home_items
from .models import AuditEntry, ExportJob, User
from .permissions import VIEW_AUDIT_LOG, require
from .redirects import safe_next_url
from .spreadsheets import HEADER_STYLE, XLSX_TYPE, Workbook


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/password_change.html"
    success_url = reverse_lazy("core:home")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


def home(request):
    return render(request, "core/home.html", {"items": home_items(user=request.user)})


def _confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def otp_verify(request):
    device = _confirmed_device(request.user)
    if device is None:
        return redirect("core:otp_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next_url(request, reverse("core:home")))
    return render(request, "core/otp_verify.html", {"form": form})


def _qr_data_uri(url: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def otp_setup(request):
    """Enrol a TOTP device: show the secret and QR code, confirm with a first code."""
    if not request.user.needs_two_factor:
        raise PermissionDenied
    if _confirmed_device(request.user) is not None and not request.user.is_verified():
        return redirect("core:otp_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "de165"}
    )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.devices_for_user(request.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on for your account."))
        return redirect("core:home")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "core/otp_setup.html",
        {"form": form, "secret": secret, "qr": _qr_data_uri(device.config_url)},
    )


def api_token(request):
    """Show the user's API token; POST replaces it (the old one stops working at once)."""
    from rest_framework.authtoken.models import Token

    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        Token.objects.create(user=request.user)
        audit_record(
            actor=request.user,
            action="core.api_token_reset",
            obj=request.user,
            ip_address=client_ip(request),
        )
        messages.success(request, _("A new API token was created; the old one no longer works."))
        return redirect("core:api_token")
    token = Token.objects.filter(user=request.user).first()
    return render(request, "core/api_token.html", {"token": token})


def _own_export(request, pk) -> ExportJob:
    return get_object_or_404(ExportJob, pk=pk, created_by=request.user)


def export_detail(request, pk):
    job = _own_export(request, pk)
    template = "core/_export_status.html" if request.htmx else "core/export_detail.html"
    return render(request, template, {"job": job})


def export_download(request, pk):
    job = _own_export(request, pk)
    if job.status != ExportJob.Status.SUCCEEDED or not os.path.exists(job.file_path):
        raise Http404
    audit_record(
        actor=request.user, action="core.export_download", obj=job, ip_address=client_ip(request)
    )
    return FileResponse(
        open(job.file_path, "rb"),
        as_attachment=True,
        filename=job.file_name,
    )


@require_GET
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _audit_action_choices():
    groups = sorted({code.split(".")[0] for code in ACTIONS})
    named = sorted(
        ((code, f"{str(action_name(code)).capitalize()}") for code in ACTIONS),
        key=lambda item: item[1],
    )
    return [("", _("All actions"))] + [
        (
            str(APP_GROUPS.get(group, group)),
            [
                (group, _("All of them")),
                *[(code, label) for code, label in named if code.startswith(f"{group}.")],
            ],
        )
        for group in groups
    ]


#: the application areas actions are grouped under in the filter
APP_GROUPS = {
    "agencies": gettext_lazy("Agencies"),
    "cadres": gettext_lazy("Cadres"),
    "core": gettext_lazy("System"),
    "courses": gettext_lazy("Courses"),
    "documents": gettext_lazy("Official documents"),
    "nominations": gettext_lazy("Nominations"),
    "partners": gettext_lazy("Partners and experts"),
    "planning": gettext_lazy("Needs and plans"),
    "programme": gettext_lazy("Programme settings"),
}


class AuditFilter(django_filters.FilterSet):
    """Person, the person's agency, object type, action and dates (dd/mm/yyyy)."""

    actor = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Person"),
        queryset=User.objects.filter(audit_entries__isnull=False).distinct().order_by("full_name"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    agency = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Agency"),
        field_name="actor__agency",
        queryset=User.objects.none(),  # the agencies of people who acted, set per request
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    object_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Object type"),
        choices=[],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    action = django_filters.CharFilter(
        label=gettext_lazy("Action"),
        method="filter_action",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    since = django_filters.DateFilter(
        label=gettext_lazy("From"),
        field_name="at",
        lookup_expr="date__gte",
        input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"class": "form-control form-control-sm", "placeholder": "dd/mm/yyyy"},
        ),
    )
    until = django_filters.DateFilter(
        label=gettext_lazy("To"),
        field_name="at",
        lookup_expr="date__lte",
        input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"class": "form-control form-control-sm", "placeholder": "dd/mm/yyyy"},
        ),
    )

    class Meta:
        model = AuditEntry
        fields = ["actor", "agency", "object_type", "action", "since", "until"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = AuditEntry.objects.exclude(object_type="").values_list("object_type", flat=True)
        self.filters["object_type"].extra["choices"] = sorted(
            ((label, model_name(label) or label) for label in set(types.distinct())),
            key=lambda item: item[1],
        )
        self.form.fields["action"].widget.choices = _audit_action_choices()
        # The agency model lives above core: reached through the user's field, never imported.
        agencies = User._meta.get_field("agency").related_model.objects
        self.form.fields["agency"].queryset = agencies.filter(
            pk__in=User.objects.filter(audit_entries__isnull=False).values("agency")
        ).order_by("name")

    def filter_action(self, queryset, name, value):
        if "." in value:
            return queryset.filter(action=value)
        return queryset.filter(action__startswith=f"{value}.")


AUDIT_PAGE_SIZE = 50


def _audit_entries(request):
    entries = AuditEntry.objects.select_related("actor").order_by("-at", "-id")
    return AuditFilter(request.GET or None, queryset=entries, request=request)


def audit_log(request):
    """The audit log as sentences, filtered, a page at a time."""
    require(request.user, VIEW_AUDIT_LOG)  # before the method: others are refused either way
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    filterset = _audit_entries(request)
    paginator = Paginator(filterset.qs, AUDIT_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {
            "filter": filterset,
            "page": page,
            "entries": present(page.object_list),
            "query": query.urlencode(),
        },
    )


def audit_log_export(request):
    """The filtered audit log as .xlsx, itself recorded in the log."""
    require(request.user, VIEW_AUDIT_LOG)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    filterset = _audit_entries(request)
    entries = list(filterset.qs[:AUDIT_EXPORT_LIMIT])
    content = audit_workbook(present(entries))
    audit_record(
        actor=request.user,
        action="core.audit_export",
        detail={"rows": len(entries), "filters": logged_filters(request.GET.dict())},
        ip_address=client_ip(request),
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="nhat-ky-he-thong.xlsx"'
    return response


#: rows an export of the log holds at most (a narrower filter gets the rest)
AUDIT_EXPORT_LIMIT = 20000


def audit_workbook(views) -> bytes:
    workbook = Workbook()
    sheet = workbook.sheet(_("Audit log"))
    sheet.widths([18, 28, 40, 50, 16, 60])
    sheet.append(
        [_("Time"), _("Person"), _("Action"), _("Object"), _("IP address"), _("Changes")],
        HEADER_STYLE,
    )
    for view in views:
        changes = "\n".join(
            f"{change.label}: {change.before} → {change.after}"
            if not change.value
            else f"{change.label}: {change.value}"
            for change in view.changes
        )
        sheet.append(
            [
                view.entry.at,
                view.actor,
                view.action,
                view.subject,
                view.entry.ip_address or "",
                changes,
            ]
        )
    return workbook.close()
