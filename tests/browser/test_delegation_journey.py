"""The steering admin forms delegations, reads them, moves a person with the rules re-checked
live, chooses the head and confirms; screenshots kept for a look."""

import pytest

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.courses.tests.factories import CourseFactory
from apps.delegations.models import Delegation
from apps.nominations.tests.factories import NominationFactory
from apps.programme.models import PositionLevel, WorkField
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_form_view_move_and_confirm(page, steering_admin, programme_settings, tmp_path):
    course = CourseFactory(code="KT-DOAN")
    high = PositionLevel.objects.get(code="PROVINCIAL_STANDING")
    low = PositionLevel.objects.get(code="DEPARTMENT_CENTRAL")
    field = WorkField.objects.get(code="TCCB")
    for i in range(32):
        cadre = CadreFactory(
            agency=AgencyFactory(kind="tinh" if i % 2 else "bo_nganh"),
            position_level=high if i < 16 else low,
            work_field=field,
        )
        NominationFactory(course=course, cadre=cadre, status="approved")
    year = course.start.year
    log_in(page, "admin", PASSWORD)

    page.goto(f"{page.base_url}/delegations/?year={year}")
    page.click("#formation-form button[type=submit]")
    page.wait_for_selector("#job-status .alert-success")
    page.screenshot(path=str(tmp_path / "1-job.png"), full_page=True)
    page.click("#job-status a.btn-primary")
    page.wait_for_selector("#delegations tbody tr")
    page.screenshot(path=str(tmp_path / "2-list.png"), full_page=True)
    text = page.inner_text("main")
    assert str(high) in text
    assert "PROVINCIAL_STANDING" not in text

    first, second = Delegation.objects.filter(year=year).order_by("number")
    page.goto(f"{page.base_url}{first.get_absolute_url()}")
    member = first.members.first()
    page.select_option(f"#move-{member.pk}", str(second.pk))
    page.wait_for_selector(f"#move-check-{member.pk} .text-success")
    page.click(f"#move-{member.pk} ~ button")
    page.wait_for_selector(".alert-success, .alert")
    assert second.members.count() == 17

    other = first.members.first()
    page.select_option(f"#move-{other.pk}", str(second.pk))
    page.wait_for_selector(f"#move-check-{other.pk} .text-danger")
    assert "14" in page.inner_text(f"#move-check-{other.pk}")
    page.screenshot(path=str(tmp_path / "3-move-refused.png"), full_page=True)

    page.goto(f"{page.base_url}{second.get_absolute_url()}")
    page.click("#head-form button[type=submit]")
    page.select_option("#id_to_status", "confirmed")
    page.click("#transition-form button[type=submit]")
    page.wait_for_selector("#delegation-status")
    page.screenshot(path=str(tmp_path / "4-confirmed.png"), full_page=True)
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert second.head_id
    assert page.console_errors == []
