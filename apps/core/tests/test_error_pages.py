"""The demo shows Vietnamese error pages, never Django's technical page."""

import os
import subprocess
import sys

from django.conf import settings
from django.test import RequestFactory
from django.views import defaults


def test_the_demo_settings_run_with_debug_off():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import "
            "settings; print(settings.DEBUG)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_not_found_is_a_vietnamese_page(client_for, agency_officer, settings):
    settings.LANGUAGE_CODE = "vi"
    response = client_for(agency_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "URLconf" not in response.content.decode()


def test_server_error_page_is_vietnamese_and_technical_free(db):
    response = defaults.server_error(RequestFactory().get("/"))
    content = response.content.decode()
    assert response.status_code == 500
    assert "Lỗi hệ thống" in content
    assert "Traceback" not in content
