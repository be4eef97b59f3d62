"""An officer nominates a cadre, the steering admin approves and downloads the decision."""

import datetime

import pytest
from docx import Document

from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.tests.factories import CourseFactory
from apps.nominations.models import Nomination
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_nominate_review_approve_and_download_the_decision(
    page, agency_officer, steering_admin, ministry_unit, reference_data
):
    course = CourseFactory(title="Chính phủ số và dữ liệu", capacity=2)
    CadreFactory(
        agency=ministry_unit,
        full_name="Đỗ Minh Khôi",
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2040, 1, 1),
    )
    log_in(page, "officer", PASSWORD)
    page.goto(f"{page.base_url}/courses/{course.pk}/")
    page.locator(f"a[href='/nominations/course/{course.pk}/nominate/']").click()
    page.fill("#id_q", "do minh khoi")
    page.wait_for_selector("#cadre-results button")
    page.locator("#cadre-results button").first.click()
    page.wait_for_selector("#eligibility [data-rule='R1'][data-outcome='pass']")
    assert page.locator("#eligibility [data-rule='R8'][data-outcome='warning']").count() == 1
    page.check("#id_confirm_warnings")
    page.click("#nominate-submit")
    page.wait_for_selector("#nomination-status")
    nomination = Nomination.objects.get()
    assert nomination.status == "submitted"

    page.context.clear_cookies()
    log_in(page, "admin", PASSWORD)
    page.goto(f"{page.base_url}/courses/{course.pk}/")
    page.locator("#review-table button[value='approved']").click()
    page.wait_for_selector("#course-places")
    nomination.refresh_from_db()
    assert nomination.status == "approved"

    page.on("dialog", lambda dialog: dialog.accept())
    page.locator(f"form[action='/courses/{course.pk}/decision/'] button").click()
    link = page.locator("a[href^='/courses/documents/']").first
    link.wait_for()
    with page.expect_download() as download_info:
        link.click()
    path = download_info.value.path()
    text = "\n".join(
        [p.text for p in Document(path).paragraphs]
        + [c.text for t in Document(path).tables for r in t.rows for c in r.cells]
    )
    assert (
        "-QĐ/BTCTW" in text
    )  # drafted without a number until the office issues it (issue 18 item 9)
    assert "Đỗ Minh Khôi" in text
    assert page.console_errors == []
