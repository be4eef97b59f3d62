"""An officer registers needs, the admin consolidates, builds and approves the plan, and the
officer sees its quota."""

import datetime

import pytest
from playwright.sync_api import expect

from apps.planning.models import AnnualPlan, NeedsRegistration, Quota
from apps.planning.tests.factories import form, group, make_call
from conftest import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_needs_to_approved_quota(
    page, browser, reference_data, steering_admin, agency_officer, ministry
):
    call = make_call(year=2027, by=steering_admin, deadline=datetime.date(2099, 12, 31))
    short, medium, first = form("SHORT"), form("MEDIUM"), group(1)

    # the officer finds the open call on its home page and registers its needs
    log_in(page, "officer", PASSWORD)
    page.click("#open-call a")
    page.wait_for_url(f"**/planning/calls/{call.pk}/register/")
    page.fill(f"input[name=places_{short.pk}_{first.pk}]", "5")
    page.fill(f"input[name=places_{medium.pk}_{first.pk}]", "1")
    page.fill("textarea[name=topics]", "Chuyển đổi số")
    page.locator("main form button[type=submit]").click()
    registration = NeedsRegistration.objects.get()
    page.wait_for_url(f"**/planning/needs/{registration.pk}/")

    # the admin consolidates, builds a plan with a course, takes the suggested quotas
    admin = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN").new_page()
    admin.base_url = page.base_url
    errors = []
    admin.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(admin, "admin", PASSWORD)
    admin.wait_for_selector("#plan-chart")
    admin.goto(f"{page.base_url}/planning/consolidation/2027/")
    assert ministry.name in admin.inner_text("#consolidation-rows")
    admin.click("main form[action='/planning/plans/new/'] button")
    admin.wait_for_url("**/planning/plans/*/")
    plan = AnnualPlan.objects.get()
    admin.select_option("#course-form select[name=form]", str(short.pk))
    admin.select_option("#course-form select[name=content_group]", str(first.pk))
    admin.fill("#course-form input[name=topic]", "Quản trị quốc gia hiện đại")
    admin.fill("#course-form input[name=country]", "Singapore")
    admin.select_option("#course-form select[name=quarter]", "2")
    admin.fill("#course-form input[name=capacity]", "20")
    admin.click("#course-form button[type=submit]")
    admin.wait_for_selector("#plan-courses >> text=Quản trị quốc gia hiện đại")
    admin.click("main form[action$='/quotas/suggest/'] button")
    quota_input = admin.locator(f"input[name=quota_{ministry.pk}_{short.pk}]")
    assert quota_input.input_value() == "5"

    # live totals while typing, then save, submit and approve
    quota_input.fill("4")
    expect(admin.locator("#plan-totals tbody tr").first).to_contain_text("16")
    admin.click("#quota-form button[type=submit]")
    admin.wait_for_load_state()
    assert Quota.objects.get(plan=plan, form=short).places == 4
    admin.click("#plan-workflow button[value=submitted]")
    admin.wait_for_selector("[data-status=submitted]")
    admin.click("#plan-workflow button[value=approved]")
    admin.wait_for_selector("[data-status=approved]")
    plan.refresh_from_db()
    assert plan.status == "approved"
    assert errors == []

    # the officer sees the approved quota
    page.goto(f"{page.base_url}/planning/quotas/")
    table = page.inner_text("#quota-table")
    assert ministry.name in table
    assert "4" in table
    assert page.console_errors == []
