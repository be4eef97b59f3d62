"""Views of the UI shell: home, login with a second factor, audit log."""

import base64
import io
import os

import django_filters
import django_filters.widgets
import django_tables2 as tables
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_filters.views import FilterView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tables2.views import SingleTableMixin

from .audit import audit_record, client_ip
from .forms import TokenForm
from .home import home_items
from .models import AuditEntry, ExportJob
from .permissions import VIEW_AUDIT_LOG, require
from .redirects import safe_next_url


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


class AuditFilter(django_filters.FilterSet):
    action = django_filters.CharFilter(
        label=gettext_lazy("Action"),
        lookup_expr="startswith",
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    actor__username = django_filters.CharFilter(
        label=gettext_lazy("User name"),
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"),
        widget=django_filters.widgets.RangeWidget(
            attrs={
                "class": "form-control form-control-sm d-inline-block w-auto",
                "placeholder": "dd/mm/yyyy",
            }
        ),
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "actor__username", "at"]


class AuditTable(tables.Table):
    at = tables.DateTimeColumn(format="d/m/Y H:i:s")
    actor = tables.Column(accessor="actor__username")

    class Meta:
        model = AuditEntry
        fields = ["at", "actor", "action", "object_type", "object_repr", "ip_address", "detail"]
        attrs = {"class": "table table-sm table-striped"}


class AuditLogView(SingleTableMixin, FilterView):
    template_name = "core/audit_log.html"
    table_class = AuditTable
    filterset_class = AuditFilter
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW_AUDIT_LOG)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AuditEntry.objects.select_related("actor")
