"""An officer opens a course, takes the top suggestion and nominates it; the course shows it."""

import datetime

import pytest

from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.tests.factories import CourseFactory
from apps.nominations.models import Nomination
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_nominates_the_top_suggestion(page, agency_officer, ministry_unit, reference_data):
    course = CourseFactory(title="Quản trị nhà nước hiện đại", capacity=5)
    for name, planned in [("Hà Minh Thường", ""), ("Lý Quy Hoạch", "Thứ trưởng")]:
        CadreFactory(
            agency=ministry_unit,
            full_name=name,
            planned_for=planned,
            position_level=_level("DEPARTMENT_CENTRAL"),
            expected_retirement=datetime.date(2040, 1, 1),
        )
    log_in(page, "officer", PASSWORD)
    page.goto(f"{page.base_url}/courses/{course.pk}/")
    page.locator(f"a[href='/finder/course/{course.pk}/']").click()
    top = page.locator("#suggestion-list li").first
    assert "Lý Quy Hoạch" in top.inner_text()
    assert "In the planning pool: Thứ trưởng" in top.inner_text()
    top.locator("button").click()
    page.wait_for_selector("#eligibility [data-rule='R1'][data-outcome='pass']")
    page.check("#id_confirm_warnings")
    page.click("#nominate-submit")
    page.wait_for_selector("#nomination-status")
    assert Nomination.objects.get().cadre.full_name == "Lý Quy Hoạch"
    page.goto(f"{page.base_url}/courses/{course.pk}/")
    assert "Lý Quy Hoạch" in page.content()
    assert page.console_errors == []
