"""A steering admin records a merger; the successor's officer then finds the old agency's cadres."""

import pytest

from apps.agencies.models import Agency
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.core.roles import Role
from apps.core.tests.factories import UserFactory
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_merges_an_agency_and_nothing_moves(page, steering_admin, settings):
    new = AgencyFactory(code="TMOI", name="Tỉnh Hợp Nhất", kind="tinh")
    old = AgencyFactory(code="TCU", name="Tỉnh Cũ", kind="tinh")
    cadre = CadreFactory(agency=old, full_name="Hoàng Văn Sáp Nhập")
    UserFactory(username="canbo.moi", role=Role.AGENCY_OFFICER, agency=new)

    log_in(page, "admin", PASSWORD)
    page.goto(f"{page.base_url}/agencies/{old.pk}/merge/")
    page.select_option("select[name=successor]", str(new.pk))
    page.fill("input[name=merged_on]", "01/07/2025")
    page.fill("textarea[name=note]", "Nghị quyết 202/2025/QH15")
    page.click("main form button[type=submit]")
    page.click("button[name=confirm]")
    page.wait_for_url(f"**/agencies/{old.pk}/")
    assert "01/07/2025" in page.inner_text("main")
    old.refresh_from_db()
    assert old.successor == new
    assert cadre.agency_id == old.pk  # the cadre stays with the old agency

    page.context.clear_cookies()
    log_in(page, "canbo.moi", PASSWORD)
    page.goto(f"{page.base_url}/cadres/?q=sap+nhap")
    page.wait_for_selector("#cadre-results tbody tr a")
    assert "Hoàng Văn Sáp Nhập" in page.inner_text("#cadre-results")
    assert Agency.objects.get(pk=old.pk).cadres.count() == 1
    assert page.console_errors == []
