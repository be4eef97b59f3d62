"""Planning pages as each persona uses them: forms, messages, scope, query counts, exports."""

import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from apps.agencies.tests.factories import AgencyFactory
from apps.planning.models import AnnualPlan, NeedsCall, NeedsRegistration, PlanTransition, Quota

from .factories import form, group, make_call, make_plan, make_registration

FAR = datetime.date(2099, 12, 31)


@pytest.fixture
def call(reference_data, steering_admin):
    return make_call(year=2027, by=steering_admin, deadline=FAR)


FORM_CODES = re.compile(r"\b(SHORT|MEDIUM|LANGUAGE)\b")


def shows_form_names(page: str) -> bool:
    """The page names the training forms and never shows their codes."""
    return "Bồi dưỡng ngắn hạn" in page and not FORM_CODES.search(page)


def grid(**by_code):
    return {f"places_{form(code).pk}_{group(1).pk}": value for code, value in by_code.items()}


def test_steering_admin_opens_a_call(reference_data, steering_admin, client_for):
    client = client_for(steering_admin)
    page = client.get(reverse("planning:call_create")).content.decode()
    assert 'placeholder="dd/mm/yyyy"' in page
    assert 'type="date"' not in page  # a native picker shows mm/dd/yyyy in some browsers
    response = client.post(
        reverse("planning:call_create"), {"year": 2027, "deadline": "31/01/2099", "note": "Gấp"}
    )
    assert response.status_code == 302
    call = NeedsCall.objects.get()
    assert (call.note, call.deadline) == ("Gấp", datetime.date(2099, 1, 31))


def test_a_call_outside_the_phase_is_refused_inline(reference_data, steering_admin, client_for):
    response = client_for(steering_admin).post(
        reverse("planning:call_create"), {"year": 2040, "deadline": "2099-01-31"}
    )
    assert response.status_code == 200
    assert "outside every programme phase" in response.content.decode()
    assert not NeedsCall.objects.exists()


def test_officer_sees_the_open_call_on_the_home_page(call, agency_officer, client_for):
    response = client_for(agency_officer).get(reverse("core:home"))
    assert "Call for needs 2027" in response.content.decode()


def test_officer_registers_needs(call, agency_officer, ministry, client_for):
    url = reverse("planning:registration_edit", args=[call.pk])
    client = client_for(agency_officer)
    assert client.get(url).status_code == 200
    response = client.post(url, {**grid(SHORT=4, LANGUAGE=1), "topics": "Chuyển đổi số"})
    registration = NeedsRegistration.objects.get()
    assert response.url == registration.get_absolute_url()
    assert registration.agency == ministry
    assert sorted(registration.lines.values_list("form__code", "places")) == [
        ("LANGUAGE", 1),
        ("SHORT", 4),
    ]


@pytest.mark.parametrize("bad", ["-3", "2.5", "nhiều"])
def test_bad_numbers_are_shown_inline_and_nothing_is_saved(call, agency_officer, client_for, bad):
    response = client_for(agency_officer).post(
        reverse("planning:registration_edit", args=[call.pk]), grid(SHORT=bad)
    )
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert not NeedsRegistration.objects.exists()


def test_officer_cannot_post_to_another_agency(call, agency_officer, other_agency, client_for):
    response = client_for(agency_officer).post(
        reverse("planning:registration_edit", args=[call.pk]) + f"?agency={other_agency.pk}",
        grid(SHORT=2),
    )
    assert response.status_code == 404
    assert not NeedsRegistration.objects.exists()


def test_officer_cannot_see_another_agency_registration(
    call, agency_officer, other_agency, steering_admin, client_for
):
    registration = make_registration(
        call=call, agency=other_agency, by=steering_admin, places={"SHORT": 1}
    )
    response = client_for(agency_officer).get(registration.get_absolute_url())
    assert response.status_code == 404


def test_registration_after_the_deadline_is_refused(
    reference_data, steering_admin, agency_officer, client_for
):
    call = make_call(year=2027, by=steering_admin, deadline=datetime.date(2020, 1, 1))
    url = reverse("planning:registration_edit", args=[call.pk])
    client = client_for(agency_officer)
    assert "registration is locked" in client.get(url).content.decode()
    response = client.post(url, grid(SHORT=2))
    assert "has passed" in response.content.decode()
    assert not NeedsRegistration.objects.exists()


def test_admin_reopens_one_agency(reference_data, steering_admin, ministry, client_for):
    call = make_call(year=2027, by=steering_admin, deadline=datetime.date(2020, 1, 1))
    registration = make_registration(call=call, agency=ministry, by=steering_admin, places={})
    client_for(steering_admin).post(
        reverse("planning:registration_reopen", args=[registration.pk]), {"until": "2099-01-01"}
    )
    registration.refresh_from_db()
    assert registration.reopened_until == datetime.date(2099, 1, 1)


def test_admin_registers_for_a_chosen_agency(call, steering_admin, ministry, client_for):
    url = reverse("planning:registration_edit", args=[call.pk])
    client = client_for(steering_admin)
    assert "Register needs for an agency" in client.get(url).content.decode()
    client.post(f"{url}?agency={ministry.pk}", grid(MEDIUM=2))
    assert NeedsRegistration.objects.get().agency == ministry


def test_consolidation_page_and_export(
    call, steering_admin, ministry, client_for, django_assert_max_num_queries
):
    for n in range(12):
        agency = AgencyFactory(code=f"TV{n}", name=f"Tỉnh {n}", kind="tinh")
        make_registration(call=call, agency=agency, by=steering_admin, places={"SHORT": n + 1})
    client = client_for(steering_admin)
    url = reverse("planning:consolidation", args=[2027])
    client.get(url)
    with django_assert_max_num_queries(22):
        response = client.get(url)
    assert "Tỉnh 11" in response.content.decode()
    assert shows_form_names(response.content.decode())
    export = client.get(reverse("planning:consolidation_export", args=[2027]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert export.content[:2] == b"PK"


def test_admin_builds_and_approves_a_plan(call, steering_admin, ministry, client_for):
    make_registration(call=call, agency=ministry, by=steering_admin, places={"SHORT": 6})
    client = client_for(steering_admin)
    client.post(reverse("planning:plan_create"), {"year": 2027})
    plan = AnnualPlan.objects.get()
    response = client.post(
        reverse("planning:plan_course_add", args=[plan.pk]),
        {
            "form": form("SHORT").pk,
            "content_group": group(1).pk,
            "topic": "Quản trị quốc gia",
            "country": "Singapore",
            "quarter": 2,
            "capacity": 20,
            "estimated_cost": "1500000000",
        },
    )
    assert response.status_code == 302
    client.post(reverse("planning:plan_suggest", args=[plan.pk]))
    assert Quota.objects.get().places == 6
    preview = client.post(
        reverse("planning:plan_quota_preview", args=[plan.pk]),
        {f"quota_{ministry.pk}_{form('SHORT').pk}": "25"},
    )
    assert "exceed the 20 places" in preview.content.decode()
    client.post(
        reverse("planning:plan_quotas", args=[plan.pk]),
        {f"quota_{ministry.pk}_{form('SHORT').pk}": "25"},
    )
    assert Quota.objects.get().places == 6
    assert shows_form_names(client.get(plan.get_absolute_url()).content.decode())
    client.post(reverse("planning:plan_transition", args=[plan.pk]), {"to_status": "submitted"})
    client.post(reverse("planning:plan_transition", args=[plan.pk]), {"to_status": "approved"})
    plan.refresh_from_db()
    assert plan.status == "approved"
    assert PlanTransition.objects.count() == 2
    export = client.get(reverse("planning:plan_export", args=[plan.pk]))
    assert export.content[:2] == b"PK"


def test_finance_cannot_approve(reference_data, steering_admin, finance_officer, client_for):
    plan = make_plan(year=2027, by=steering_admin, status="submitted")
    response = client_for(finance_officer).post(
        reverse("planning:plan_transition", args=[plan.pk]), {"to_status": "approved"}
    )
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_editing_an_approved_plan_is_refused_with_a_message(
    reference_data, steering_admin, ministry, client_for
):
    plan = make_plan(year=2027, by=steering_admin, status="approved", capacity={"SHORT": 10})
    response = client_for(steering_admin).post(
        reverse("planning:plan_quotas", args=[plan.pk]),
        {f"quota_{ministry.pk}_{form('SHORT').pk}": "2"},
        follow=True,
    )
    assert "cannot be changed" in response.content.decode()
    assert not Quota.objects.exists()


def test_plan_detail_queries_do_not_grow_with_agencies(
    reference_data, steering_admin, client_for, django_assert_max_num_queries
):
    quotas = {}
    for n in range(15):
        agency = AgencyFactory(code=f"TP{n}", name=f"Tỉnh {n}", kind="tinh")
        quotas[(agency, "SHORT")] = 1
    plan = make_plan(year=2027, by=steering_admin, capacity={"SHORT": 40}, quotas=quotas)
    client = client_for(steering_admin)
    client.get(plan.get_absolute_url())
    with django_assert_max_num_queries(25):
        response = client.get(plan.get_absolute_url())
    assert response.status_code == 200


def test_officer_sees_its_approved_quotas_only(
    reference_data, steering_admin, agency_officer, ministry, other_agency, client_for
):
    make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 7, (other_agency, "SHORT"): 9},
    )
    make_plan(year=2028, by=steering_admin, capacity={"SHORT": 40}, quotas={(ministry, "SHORT"): 3})
    page = client_for(agency_officer).get(reverse("planning:quota_list")).content.decode()
    assert ministry.name in page
    assert other_agency.name not in page
    assert ">3<" not in page


def test_officer_home_shows_the_quotas_and_what_is_used(
    reference_data, steering_admin, agency_officer, ministry, other_agency, client_for
):
    client = client_for(agency_officer)
    page = client.get(reverse("core:home")).content.decode()
    assert "There is no approved plan with quotas for your agency yet." in page
    make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): (7, 2), (other_agency, "SHORT"): 9},
    )
    page = client.get(reverse("core:home")).content.decode()
    assert "Approved quotas 2027" in page
    row = (
        '<tr><td>Bồi dưỡng ngắn hạn</td><td class="text-end">7</td><td class="text-end">2</td>'
        '<td class="text-end fw-semibold">5</td></tr>'
    )
    assert row in page


def test_admin_moves_places_with_a_reason(
    reference_data, steering_admin, ministry, other_agency, client_for
):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 7},
    )
    client = client_for(steering_admin)
    url = reverse("planning:quota_move", args=[plan.pk])
    assert client.get(url).status_code == 200
    data = {"form": form("SHORT").pk, "from_agency": ministry.pk, "to_agency": other_agency.pk}
    response = client.post(url, {**data, "places": "9", "reason": "Điều chỉnh"})
    assert "only 7 unused places" in response.content.decode()
    client.post(url, {**data, "places": "2", "reason": "Điều chỉnh"})
    assert dict(Quota.objects.values_list("agency_id", "places")) == {
        ministry.pk: 5,
        other_agency.pk: 2,
    }


def test_the_home_page_shows_the_plan_chart(reference_data, steering_admin, client_for):
    make_plan(year=timezone.localdate().year, by=steering_admin, capacity={"SHORT": 10})
    page = client_for(steering_admin).get(reverse("core:home")).content.decode()
    assert 'id="plan-chart-data"' in page


def test_planning_pages_render_in_vietnamese(settings, call, steering_admin, client_for):
    settings.LANGUAGE_CODE = "vi"
    page = client_for(steering_admin).get(reverse("planning:consolidation", args=[2027]))
    assert "Tổng hợp nhu cầu năm 2027" in page.content.decode()


@pytest.mark.parametrize("count", [3, 20])
def test_list_pages_use_a_constant_number_of_queries(
    reference_data, steering_admin, call, client_for, django_assert_max_num_queries, count
):
    quotas = {}
    for n in range(count):
        agency = AgencyFactory(code=f"TL{n}", name=f"Tỉnh {n}", kind="tinh")
        make_registration(call=call, agency=agency, by=steering_admin, places={"SHORT": 1})
        quotas[(agency, "SHORT")] = 1
    make_plan(
        year=2027, by=steering_admin, status="approved", capacity={"SHORT": 40}, quotas=quotas
    )
    client = client_for(steering_admin)
    for url in [
        reverse("planning:quota_list"),
        reverse("planning:call_detail", args=[call.pk]),
        reverse("planning:plan_list"),
        reverse("planning:call_list"),
    ]:
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_admin_revises_an_approved_plan_and_reads_the_changes(
    reference_data, steering_admin, ministry, client_for
):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 10},
        quotas={(ministry, "SHORT"): (4, 1)},
    )
    client = client_for(steering_admin)
    response = client.post(reverse("planning:plan_revise", args=[plan.pk]))
    revision = AnnualPlan.objects.get(version=2)
    assert response.url == revision.get_absolute_url()
    client.post(
        reverse("planning:plan_quotas", args=[revision.pk]),
        {f"quota_{ministry.pk}_{form('SHORT').pk}": "6"},
    )
    course = revision.courses.get()
    client.post(reverse("planning:plan_course_delete", args=[revision.pk, course.pk]))
    assert revision.courses.exists()  # its places are given: refused
    page = client.get(reverse("planning:plan_diff", args=[revision.pk])).content.decode()
    assert ministry.name in page
    assert shows_form_names(page)
    assert client.get(reverse("planning:plan_diff", args=[plan.pk])).status_code == 404
    assert client.get(reverse("planning:plan_list")).status_code == 200


def test_admin_releases_unused_places_at_the_cut_off(
    reference_data, steering_admin, ministry, client_for
):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 10},
        quotas={(ministry, "SHORT"): (4, 1)},
    )
    client = client_for(steering_admin)
    url = reverse("planning:quota_release", args=[plan.pk])
    client.post(url, {"cut_off": "2099-01-01"})
    assert Quota.objects.get().places == 4
    client.post(url, {"cut_off": "2020-01-01"})
    assert Quota.objects.get().places == 1


def test_named_candidates_are_offered_from_the_subtree_and_kept(
    call, agency_officer, own_cadre, other_agency, client_for
):
    from apps.cadres.tests.factories import CadreFactory

    stranger = CadreFactory(agency=other_agency, full_name="Người Ngoài")
    url = reverse("planning:registration_edit", args=[call.pk])
    client = client_for(agency_officer)
    page = client.get(url).content.decode()
    assert own_cadre.full_name in page
    assert stranger.full_name not in page
    client.post(url, {**grid(SHORT=1), "candidates": [own_cadre.pk]})
    assert list(NeedsRegistration.objects.get().candidates.all()) == [own_cadre]
    page = client.get(url).content.decode()
    assert f'<option value="{own_cadre.pk}" selected>' in page


def test_the_consolidation_export_writes_hostile_text_as_text(
    call, steering_admin, ministry, client_for
):
    registration = make_registration(
        call=call, agency=ministry, by=steering_admin, places={"SHORT": 2}
    )
    hostile = '=HYPERLINK("http://evil.example/","Bấm")'
    registration.justification = hostile
    registration.topics = "+cmd|' /C calc'!A0"
    registration.save()
    export = client_for(steering_admin).get(reverse("planning:consolidation_export", args=[2027]))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert hostile in [cell.value for cell in cells]
    assert "+cmd|' /C calc'!A0" in [cell.value for cell in cells]
    assert "f" not in {cell.data_type for cell in cells}


def test_named_candidates_are_picked_by_name_position_and_unit(
    call, agency_officer, own_cadre, client_for
):
    url = reverse("planning:registration_edit", args=[call.pk])
    page = client_for(agency_officer).get(url).content.decode()
    select = page.split('name="candidates"', 1)[0].rsplit("<select", 1)[1]
    assert "data-picker" in select
    label = f"{own_cadre.full_name} — {own_cadre.position_title}, {own_cadre.agency.name}"
    assert f'<option value="{own_cadre.pk}">{label}</option>' in page


def test_call_page_lists_agencies_not_registered_and_reminds_them(
    call, steering_admin, agency_officer, ministry, other_agency, client_for
):
    from apps.core.models import AuditEntry
    from apps.planning.models import NeedsReminder

    make_registration(call=call, agency=other_agency, by=steering_admin, places={"SHORT": 1})
    client = client_for(steering_admin)
    section = client.get(call.get_absolute_url()).content.decode().split('id="not-registered"')[1]
    assert ministry.name in section
    assert other_agency.name not in section
    assert "Not reminded yet" in section
    client.post(
        reverse("planning:call_remind", args=[call.pk]), {"agency": [ministry.pk, other_agency.pk]}
    )
    # The agency that registered is not reminded.
    assert [reminder.agency for reminder in NeedsReminder.objects.all()] == [ministry]
    assert AuditEntry.objects.get(action="planning.needs_remind").detail == {
        "agencies": [ministry.name]
    }
    home = client_for(agency_officer).get(reverse("core:home")).content.decode()
    assert "The Steering Committee reminded your agency to register on" in home


def test_only_a_steering_admin_reminds(call, agency_officer, ministry, client_for):
    from apps.planning.models import NeedsReminder

    response = client_for(agency_officer).post(
        reverse("planning:call_remind", args=[call.pk]), {"agency": "all"}
    )
    assert response.status_code == 403
    assert not NeedsReminder.objects.exists()
