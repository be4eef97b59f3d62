"""The audit log reads as sentences, filters, exports (itself logged) and records addresses."""

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from apps.core.audit import audit_record
from apps.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_vietnamese(settings):
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        yield


def test_an_entry_reads_who_what_which_object_with_its_link(
    client_for, auditor, steering_admin, ministry
):
    audit_record(
        actor=steering_admin,
        action="agencies.update",
        obj=ministry,
        detail={"before": {"name": "Bộ Thử Nghiệm"}, "after": {"name": "Bộ Thử nghiệm"}},
        ip_address="10.0.0.7",
    )
    text = client_for(auditor).get(reverse("core:audit_log")).text
    assert "Trần Quản Trị</strong> đã sửa thông tin" in text
    assert f'<a href="{ministry.get_absolute_url()}">cơ quan Bộ Thử nghiệm</a>' in text
    assert "Tên: Bộ Thử Nghiệm → Bộ Thử nghiệm" in text
    assert "từ địa chỉ 10.0.0.7" in text
    assert ">agencies.update" not in text


def test_a_long_change_is_summarised_and_expandable(client_for, auditor, steering_admin, ministry):
    audit_record(
        actor=steering_admin,
        action="agencies.update",
        obj=ministry,
        detail={
            "before": {f"field_{n}": n for n in range(12)},
            "after": {f"field_{n}": n + 1 for n in range(12)},
        },
    )
    text = client_for(auditor).get(reverse("core:audit_log")).text
    assert "<details" in text
    assert "Tổng cộng 12 thay đổi: xem thêm" in text


def test_an_empty_log_says_so(client_for, auditor):
    text = client_for(auditor).get(reverse("core:audit_log")).text
    assert "Nhật ký hệ thống chưa có mục nào." in text


def test_filters_by_person_and_date(client_for, auditor, steering_admin, agency_officer):
    audit_record(actor=steering_admin, action="cadres.export", detail={"rows": 3})
    audit_record(actor=agency_officer, action="cadres.export", detail={"rows": 4})
    client = client_for(auditor)
    page = client.get(reverse("core:audit_log"), {"actor": agency_officer.pk})
    assert [view.entry.actor for view in page.context["entries"]] == [agency_officer]
    page = client.get(reverse("core:audit_log"), {"since": "01/01/2000", "until": "31/12/2000"})
    assert page.context["entries"] == []
    assert "Không có mục nào phù hợp với điều kiện lọc." in page.text


def test_the_page_costs_the_same_queries_whatever_its_size(
    client_for, auditor, steering_admin, ministry
):
    client = client_for(auditor)
    audit_record(actor=steering_admin, action="agencies.update", obj=ministry)
    client.get(reverse("core:audit_log"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("core:audit_log"))
    for _ in range(30):
        audit_record(actor=steering_admin, action="agencies.update", obj=ministry)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("core:audit_log"))
    assert len(many) == len(few)


def test_export_is_an_xlsx_with_real_dates_and_is_logged(client_for, auditor, steering_admin):
    audit_record(actor=steering_admin, action="cadres.export", detail={"rows": 3})
    response = client_for(auditor).get(reverse("core:audit_log_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, row = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert header[:3] == ["Thời gian", "Người thực hiện", "Thao tác"]
    assert row[2] == "đã xuất danh sách cán bộ"
    assert sheet.cell(row=2, column=1).is_date
    assert AuditEntry.objects.filter(action="core.audit_export", actor=auditor).exists()


def test_a_service_records_the_address_of_the_request(
    client_for, steering_admin, programme_settings
):
    client_for(steering_admin).post(
        reverse("planning:call_create"),
        {"year": 2028, "deadline": "30/06/2027", "note": ""},
        REMOTE_ADDR="192.0.2.10",
    )
    entry = AuditEntry.objects.get(action="planning.call_open")
    assert entry.ip_address == "192.0.2.10"


def test_forwarded_address_is_believed_only_from_a_trusted_proxy(
    client_for, steering_admin, settings, programme_settings
):
    url = reverse("planning:call_create")
    client = client_for(steering_admin)
    forged = {"REMOTE_ADDR": "198.51.100.5", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    client.post(url, {"year": 2028, "deadline": "30/06/2027"}, **forged)
    settings.DE165_TRUSTED_PROXIES = ["127.0.0.1"]
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9, 192.0.2.44"}
    client.post(url, {"year": 2029, "deadline": "30/06/2028"}, **proxied)
    addresses = list(
        AuditEntry.objects.filter(action="planning.call_open")
        .order_by("id")
        .values_list("ip_address", flat=True)
    )
    assert addresses == ["198.51.100.5", "192.0.2.44"]
