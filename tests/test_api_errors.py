"""Every API error has one shape: {"detail": "<sentence>", "errors": {field: [messages]}}."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from apps.cadres.tests.factories import CadreFactory

pytestmark = pytest.mark.django_db


def raising(error: Exception):
    class View(APIView):
        permission_classes = []
        authentication_classes = []

        def post(self, request):
            raise error

    return View.as_view()(APIRequestFactory().post("/api/x/", {}, format="json"))


def test_a_service_error_on_fields_goes_to_errors():
    response = raising(DjangoValidationError({"name": "Taken.", "__all__": "Overall."}))
    assert response.status_code == 400
    assert response.data == {"detail": "Overall.", "errors": {"name": ["Taken."]}}


def test_a_service_error_without_fields_is_the_detail():
    response = raising(DjangoValidationError(["One.", "Two."]))
    assert response.status_code == 400
    assert response.data == {"detail": "One. Two.", "errors": {}}


def test_a_service_refusal_keeps_its_message():
    response = raising(DjangoPermissionDenied("Only the steering admin may do this."))
    assert response.status_code == 403
    assert response.data == {"detail": "Only the steering admin may do this.", "errors": {}}


def test_serializer_errors_401_404_405_and_409_share_the_shape(api_for, agency_officer, ministry):
    anonymous = APIClient().get("/api/cadres/")
    assert (anonymous.status_code, anonymous.json()) == (
        401,
        {"detail": "Authentication credentials were not provided.", "errors": {}},
    )
    client = api_for(agency_officer)
    missing = client.get("/api/cadres/999999/")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not found.", "errors": {}})
    assert client.delete("/api/cadres/999999/").json()["errors"] == {}
    invalid = client.post("/api/cadres/", {}, format="json")
    assert invalid.status_code == 400
    assert invalid.json()["detail"] == "The data sent is not valid."
    assert invalid.json()["errors"]["full_name"] == ["This field is required."]
    cadre = CadreFactory(agency=ministry)
    url = f"/api/cadres/{cadre.pk}/"
    assert client.patch(url, {"position_title": "A", "version": cadre.version}).status_code == 200
    stale = client.patch(url, {"position_title": "B", "version": cadre.version}, format="json")
    assert stale.status_code == 409
    assert set(stale.json()) == {"detail", "errors"}
    assert stale.json()["errors"] == {}


def test_messages_are_vietnamese_for_drf_and_for_our_own(api_for, agency_officer, other_agency):
    anonymous = APIClient()
    anonymous.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert anonymous.get("/api/cadres/").json()["detail"] == "Chưa cung cấp thông tin xác thực."
    client = api_for(agency_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    invalid = client.post("/api/cadres/", {"agency": other_agency.pk}, format="json").json()
    assert invalid["detail"] == "Dữ liệu gửi lên không hợp lệ."
    assert invalid["errors"]["full_name"] == ["Trường này là bắt buộc."]
    assert client.get("/api/cadres/999999/").json()["detail"] == "Không tìm thấy."
