from django.urls import path
from django.views.i18n import set_language

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("otp/verify/", views.otp_verify, name="otp_verify"),
    path("otp/setup/", views.otp_setup, name="otp_setup"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/export/", views.audit_log_export, name="audit_log_export"),
    path("account/api-token/", views.api_token, name="api_token"),
    path("exports/<int:pk>/", views.export_detail, name="export_detail"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
    path("health/", views.health, name="health"),
    path("i18n/setlang/", set_language, name="set_language"),
]
