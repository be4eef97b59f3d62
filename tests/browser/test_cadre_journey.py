"""An agency officer finds a cadre without typing accents, opens the record and edits it."""

import pytest

from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_searches_opens_reveals_and_edits_a_cadre(
    page, agency_officer, ministry, other_agency
):
    cadre = CadreFactory(agency=ministry, full_name="Nguyễn Văn Đức", national_id="001080000777")
    CadreFactory(agency=other_agency, full_name="Nguyễn Văn Đức Anh")
    log_in(page, "officer", PASSWORD)

    page.click("nav a[href='/cadres/']")
    page.fill("input[name=q]", "nguyen van duc")
    page.wait_for_selector("#cadre-results tbody tr >> nth=0")
    page.wait_for_function("document.querySelectorAll('#cadre-results tbody tr').length === 1")
    rows = page.locator("#cadre-results tbody tr")
    assert rows.count() == 1
    assert "Nguyễn Văn Đức" in rows.first.inner_text()
    assert "001080000777" not in page.content()

    rows.first.locator("a").first.click()
    page.wait_for_url(f"**/cadres/{cadre.pk}/")
    page.locator("#identifiers button").click()
    page.wait_for_selector("#identifiers >> text=001080000777")

    page.locator(f"a[href='/cadres/{cadre.pk}/edit/']").click()
    page.fill("input[name=position_title]", "Vụ trưởng")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**/cadres/{cadre.pk}/")
    assert "Vụ trưởng" in page.inner_text("main")
    assert Cadre.objects.get(pk=cadre.pk).position_title == "Vụ trưởng"
    assert page.console_errors == []
