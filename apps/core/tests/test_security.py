import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(ROOT.glob("apps/**/templates/**/*.html"))


def test_anonymous_user_is_sent_to_login(client, db):
    response = client.get(reverse("cadres:cadre_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("core:login"))


def test_login_works_with_the_right_password(client, agency_officer):
    response = client.post(reverse("core:login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_login_is_throttled_after_repeated_failures(client, agency_officer):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("core:login"), {"username": "officer", "password": "wrong"})
    response = client.post(reverse("core:login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 429
    assert "core/lockout.html" in [t.name for t in response.templates]


def test_pages_send_a_strict_content_security_policy(client_for, agency_officer):
    response = client_for(agency_officer).get(reverse("core:home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_have_no_inline_script_style_or_external_resource(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\sstyle\s*=", text), "style attribute"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"(src|href)\s*=\s*[\"']https?://", text), "external resource"


def test_steering_admin_must_enrol_and_pass_a_second_factor(client, steering_admin, settings):
    settings.DE165_REQUIRE_2FA = True
    client.post(reverse("core:login"), {"username": "admin", "password": PASSWORD})
    assert client.get(reverse("cadres:cadre_list")).url == reverse("core:otp_verify")
    assert client.get(reverse("core:otp_verify")).url == reverse("core:otp_setup")
    client.get(reverse("core:otp_setup"))
    device = TOTPDevice.objects.get(user=steering_admin)
    wrong = client.post(reverse("core:otp_setup"), {"token": "000000"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors
    device.refresh_from_db()
    device.throttle_reset()  # django-otp delays the next try after a failure
    token = f"{totp(device.bin_key):06d}"
    assert client.post(reverse("core:otp_setup"), {"token": token}).status_code == 302
    assert client.get(reverse("cadres:cadre_list")).status_code == 200


def test_enrolled_admin_is_asked_for_the_code_at_login(client, steering_admin, settings):
    settings.DE165_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=steering_admin, name="app", confirmed=True)
    client.post(reverse("core:login"), {"username": "admin", "password": PASSWORD})
    assert client.get(reverse("core:home")).url == reverse("core:otp_verify")
    client.post(reverse("core:otp_verify"), {"token": f"{totp(device.bin_key):06d}"})
    assert client.get(reverse("core:home")).status_code == 200


def test_agency_officer_needs_no_second_factor(client, agency_officer, settings):
    settings.DE165_REQUIRE_2FA = True
    client.post(reverse("core:login"), {"username": "officer", "password": PASSWORD})
    assert client.get(reverse("core:home")).status_code == 200


def test_logout_ends_the_session(client_for, agency_officer):
    client = client_for(agency_officer)
    client.post(reverse("core:logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_password_change_applies_validators(client_for, agency_officer):
    response = client_for(agency_officer).post(
        reverse("core:password_change"),
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


def _run_production(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    inherited = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_overrides})
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


GOOD_PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "de165.example.vn",
    "DATABASE_URL": "sqlite:///var/deploy-check.sqlite3",
}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in GOOD_PRODUCTION_ENV.items() if k != missing}
    env.setdefault("DATABASE_URL", "")
    result = _run_production(env, "check")
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = _run_production({**GOOD_PRODUCTION_ENV, "SECRET_KEY": "short"}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = _run_production(GOOD_PRODUCTION_ENV, "check", "--deploy")
    assert result.returncode == 0, result.stderr
    # Every security warning counts, not only errors (API naming notes are not security).
    assert "(security." not in result.stdout + result.stderr


def test_user_can_create_and_replace_an_api_token(client_for, agency_officer):
    from rest_framework.authtoken.models import Token

    client = client_for(agency_officer)
    client.post(reverse("core:api_token"))
    first = Token.objects.get(user=agency_officer).key
    client.post(reverse("core:api_token"))
    assert Token.objects.get(user=agency_officer).key != first
    assert first not in client.get(reverse("core:api_token")).content.decode()


def test_interface_is_vietnamese_whatever_the_browser_asks(client_for, agency_officer, settings):
    settings.LANGUAGE_CODE = "vi"
    response = client_for(agency_officer).get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.headers["Content-Language"] == "vi"


def test_user_can_switch_the_interface_language(client_for, agency_officer, settings):
    settings.LANGUAGE_CODE = "vi"
    client = client_for(agency_officer)
    client.post(reverse("core:set_language"), {"language": "en", "next": "/"})
    assert client.get(reverse("core:home")).headers["Content-Language"] == "en"


def test_the_api_schema_generates_without_warnings():
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "spectacular", "--file", os.devnull, "--fail-on-warn"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
