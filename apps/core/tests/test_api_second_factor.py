"""The second-factor rule: the API honours it (session and token alike); its redirect stays here."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from conftest import PASSWORD

API = "/api/agencies/"


@pytest.fixture
def two_factor_on(settings):
    settings.DE165_REQUIRE_2FA = True


def _token_client(token: Token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.mark.parametrize("persona", ["steering_admin", "finance_officer"])
def test_a_password_only_session_cannot_use_the_api(client, personas, persona, two_factor_on):
    user = personas[persona]
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("core:login"), {"username": user.username, "password": PASSWORD})
    assert client.get(API).status_code in (401, 403)
    assert client.patch(API + "1/", {}, content_type="application/json").status_code in (401, 403)
    client.post(reverse("core:otp_verify"), {"token": f"{totp(device.bin_key):06d}"})
    assert client.get(API).status_code == 200


def test_an_officer_session_needs_no_second_factor(client, agency_officer, two_factor_on):
    client.post(reverse("core:login"), {"username": "officer", "password": PASSWORD})
    assert client.get(API).status_code == 200


def test_a_token_issued_before_enrolment_is_refused(steering_admin, two_factor_on):
    token = Token.objects.create(user=steering_admin)
    assert _token_client(token).get(API).status_code == 401
    device = TOTPDevice.objects.create(user=steering_admin, name="app", confirmed=True)
    device.created_at = token.created + timedelta(seconds=1)
    device.save(update_fields=["created_at"])
    assert _token_client(token).get(API).status_code == 401


def test_a_token_issued_after_verification_works(client_for, steering_admin, two_factor_on):
    client = client_for(steering_admin)  # verified session
    client.post(reverse("core:api_token"))
    token = Token.objects.get(user=steering_admin)
    assert _token_client(token).get(API).status_code == 200


def test_an_unconfirmed_device_does_not_make_a_token_count(steering_admin, two_factor_on):
    TOTPDevice.objects.create(user=steering_admin, name="app", confirmed=False)
    token = Token.objects.create(user=steering_admin)
    assert _token_client(token).get(API).status_code == 401


def test_officer_tokens_need_no_second_factor(agency_officer, two_factor_on):
    token = Token.objects.create(user=agency_officer)
    assert _token_client(token).get(API).status_code == 200


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_the_second_factor_never_redirects_off_the_site(client, steering_admin, target):
    device = TOTPDevice.objects.create(user=steering_admin, name="app", confirmed=True)
    client.post(reverse("core:login"), {"username": "admin", "password": PASSWORD})
    response = client.post(
        f"{reverse('core:otp_verify')}?next={target}", {"token": f"{totp(device.bin_key):06d}"}
    )
    assert response.status_code == 302
    assert response.url == reverse("core:home")


def test_the_second_factor_follows_a_next_on_this_site(client, steering_admin):
    device = TOTPDevice.objects.create(user=steering_admin, name="app", confirmed=True)
    client.post(reverse("core:login"), {"username": "admin", "password": PASSWORD})
    response = client.post(
        f"{reverse('core:otp_verify')}?next=/cadres/", {"token": f"{totp(device.bin_key):06d}"}
    )
    assert response.url == "/cadres/"
