"""Shared fixtures: reference data and the named personas every test speaks of."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.agencies.models import Agency
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.core.roles import Role
from apps.core.tests.factories import UserFactory

PASSWORD = "mat-khau-manh-165"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids are reused after a rolled-back test."""
    cache.clear()


@pytest.fixture(autouse=True)
def _settings_language():
    """Each test starts in the settings' language: the LanguageMiddleware leaves the language
    of a request (e.g. a "vi" cookie) active in the thread after the response."""
    translation.deactivate()


@pytest.fixture
def reference_data(db):
    call_command("seed_reference_data", verbosity=0)


@pytest.fixture
def programme_settings(db):
    """Programme settings only (levels, forms, targets, rules): lighter than reference_data."""
    from apps.programme.reference import load_programme

    load_programme()


@pytest.fixture
def ministry(db):
    """A ministry with one unit below it; the agency officer's scope."""
    return AgencyFactory(code="BTEST", name="Bộ Thử nghiệm", kind="bo_nganh")


@pytest.fixture
def ministry_unit(ministry):
    return AgencyFactory(code="BTEST_V1", name="Vụ Tổ chức cán bộ", kind="vu", parent=ministry)


@pytest.fixture
def other_agency(db):
    return AgencyFactory(code="TKHAC", name="Tỉnh Khác", kind="tinh")


@pytest.fixture
def steering_admin(db):
    return UserFactory(username="admin", role=Role.STEERING_ADMIN, full_name="Trần Quản Trị")


@pytest.fixture
def agency_officer(ministry):
    return UserFactory(username="officer", role=Role.AGENCY_OFFICER, agency=ministry)


@pytest.fixture
def other_officer(other_agency):
    return UserFactory(username="other", role=Role.AGENCY_OFFICER, agency=other_agency)


@pytest.fixture
def finance_officer(db):
    return UserFactory(username="finance", role=Role.FINANCE_OFFICER)


@pytest.fixture
def auditor(db):
    return UserFactory(username="auditor", role=Role.AUDITOR)


@pytest.fixture
def own_cadre(ministry_unit):
    return CadreFactory(agency=ministry_unit, full_name="Lê Thị Học Viên")


@pytest.fixture
def participant(own_cadre):
    return UserFactory(username="participant", role=Role.PARTICIPANT, cadre=own_cadre)


@pytest.fixture
def personas(steering_admin, agency_officer, other_officer, finance_officer, auditor, participant):
    return {
        "steering_admin": steering_admin,
        "agency_officer": agency_officer,
        "other_officer": other_officer,
        "finance_officer": finance_officer,
        "auditor": auditor,
        "participant": participant,
    }


def login(client, user):
    """Log a user in, with a verified second factor when their role needs one."""
    client.force_login(user)
    if user.needs_two_factor:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def client_for(client):
    def make(user):
        return login(client, user)

    return make


@pytest.fixture
def root_agencies(db):
    return Agency.objects.filter(parent__isnull=True)


@pytest.fixture
def api_for():
    """An API client authenticated with the user's token."""

    def make(user):
        client = APIClient()
        if user.needs_two_factor:  # a 2FA role's token counts once the user has enrolled
            TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make
