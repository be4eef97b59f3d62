"""An agency officer uploads a file with mistakes, reads every error, fixes it and imports."""

import pytest

from apps.cadres.models import Cadre
from apps.cadres.tests.factories import _field, _level
from apps.cadres.tests.test_importing import cadre_row, write_xlsx
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_imports_after_fixing_the_errors_the_page_lists(
    page, agency_officer, ministry, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    _level()
    _field()
    bad = write_xlsx(
        tmp_path / "sai.xlsx",
        [
            cadre_row(1),
            cadre_row(2, national_id="12345", date_of_birth="31/02/1980"),
            cadre_row(3, agency="KHONG_CO"),
        ],
    )
    good = write_xlsx(tmp_path / "dung.xlsx", [cadre_row(1), cadre_row(2), cadre_row(3)])
    log_in(page, "officer", PASSWORD)

    page.goto(f"{page.base_url}/cadres/import/")
    page.set_input_files("input[type=file]", str(bad))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("#import-status .alert-danger")
    errors = page.inner_text("main")
    for expected in ["12345", "31/02/1980", "KHONG_CO"]:
        assert expected in errors
    assert not Cadre.objects.exists()

    page.goto(f"{page.base_url}/cadres/import/")
    page.set_input_files("input[type=file]", str(good))
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector("#import-status .alert-success")
    assert Cadre.objects.filter(agency=ministry).count() == 3

    page.goto(f"{page.base_url}/cadres/?q=tran+thi+binh")
    page.wait_for_function("document.querySelectorAll('#cadre-results tbody tr').length === 3")
    assert page.console_errors == []
