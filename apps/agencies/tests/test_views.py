import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from apps.agencies.models import Agency
from apps.agencies.services import agency_merge
from apps.agencies.tests.factories import AgencyFactory
from apps.core.models import AuditEntry

MERGED_ON = datetime.date(2025, 7, 1)
READERS = ["steering_admin", "agency_officer", "other_officer", "finance_officer", "auditor"]
NOT_ADMINS = ["agency_officer", "finance_officer", "auditor"]


@pytest.fixture(autouse=True)
def english(settings):
    """Assert on the English source text, whatever catalogue is installed later."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def former(ministry):
    old = AgencyFactory(code="BCU", name="Bộ Cũ", kind="bo_nganh")
    return agency_merge(actor=None, predecessor=old, successor=ministry, merged_on=MERGED_ON)


def _names(response) -> str:
    return response.content.decode()


# --- tree ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_every_registry_role_can_open_the_tree(persona, personas, client_for):
    response = client_for(personas[persona]).get(reverse("agencies:agency_tree"))
    assert response.status_code == 200


def test_participant_cannot_open_the_tree(participant, client_for):
    assert client_for(participant).get(reverse("agencies:agency_tree")).status_code == 403


def test_tree_groups_central_bodies_and_provinces(
    steering_admin, ministry, ministry_unit, other_agency, client_for
):
    page = _names(client_for(steering_admin).get(reverse("agencies:agency_tree")))
    assert page.index("Central") < page.index("Bộ Thử nghiệm") < page.index("Local")
    assert page.index("Local") < page.index("Tỉnh Khác")
    # Units load lazily: the unit is not in the page, its parent links to them.
    assert "Vụ Tổ chức cán bộ" not in page
    assert reverse("agencies:agency_children", args=[ministry.pk]) in page


def test_agency_officer_sees_only_its_subtree_in_the_tree(
    agency_officer, ministry, other_agency, client_for
):
    page = _names(client_for(agency_officer).get(reverse("agencies:agency_tree")))
    assert "Bộ Thử nghiệm" in page
    assert "Tỉnh Khác" not in page


def test_merged_agencies_appear_with_their_successor_only_when_asked(
    agency_officer, former, client_for
):
    client = client_for(agency_officer)
    assert "Bộ Cũ" not in _names(client.get(reverse("agencies:agency_tree")))
    page = _names(client.get(reverse("agencies:agency_tree"), {"merged": "on"}))
    assert "Bộ Cũ" in page
    assert "merged into Bộ Thử nghiệm on 01/07/2025" in page


def test_tree_search_is_accent_insensitive(steering_admin, ministry_unit, client_for):
    response = client_for(steering_admin).get(reverse("agencies:agency_tree"), {"q": "vu to chuc"})
    page = _names(response)
    assert "Vụ Tổ chức cán bộ" in page
    assert "Bộ Thử nghiệm" in page  # the ancestor keeps the tree readable
    assert "1 agency matches" in page


def test_tree_search_finds_nothing_outside_the_officers_scope(
    agency_officer, other_agency, client_for
):
    page = _names(client_for(agency_officer).get(reverse("agencies:agency_tree"), {"q": "khac"}))
    assert "Tỉnh Khác" not in page
    assert "No agency matches the search." in page


def test_children_of_another_agency_are_not_found(other_officer, ministry, client_for):
    url = reverse("agencies:agency_children", args=[ministry.pk])
    assert client_for(other_officer).get(url).status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_children_use_a_constant_number_of_queries(
    size, steering_admin, ministry, client_for, django_assert_max_num_queries
):
    for n in range(size):
        unit = AgencyFactory(code=f"U{n}", kind="vu", parent=ministry)
        AgencyFactory(code=f"U{n}C", kind="cuc", parent=unit)
    client = client_for(steering_admin)
    with django_assert_max_num_queries(10):
        client.get(reverse("agencies:agency_children", args=[ministry.pk]))


# --- flat list -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_every_registry_role_can_open_the_list(persona, personas, client_for):
    response = client_for(personas[persona]).get(reverse("agencies:agency_list"))
    assert response.status_code == 200


def test_participant_cannot_open_the_list(participant, client_for):
    assert client_for(participant).get(reverse("agencies:agency_list")).status_code == 403


def test_list_is_scoped_and_filtered(agency_officer, ministry_unit, other_agency, client_for):
    client = client_for(agency_officer)
    page = _names(client.get(reverse("agencies:agency_list")))
    assert "Vụ Tổ chức cán bộ" in page
    assert "Tỉnh Khác" not in page
    filtered = _names(client.get(reverse("agencies:agency_list"), {"q": "thu nghiem"}))
    assert "Bộ Thử nghiệm" in filtered
    assert "Vụ Tổ chức cán bộ" not in filtered


# --- detail ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona", ["steering_admin", "agency_officer", "finance_officer", "auditor"]
)
def test_readers_and_own_officer_can_open_the_detail(persona, personas, ministry, client_for):
    url = reverse("agencies:agency_detail", args=[ministry.pk])
    assert client_for(personas[persona]).get(url).status_code == 200


@pytest.mark.parametrize("persona", ["other_officer", "participant"])
def test_detail_outside_the_scope_is_not_found(persona, personas, ministry, client_for):
    url = reverse("agencies:agency_detail", args=[ministry.pk])
    assert client_for(personas[persona]).get(url).status_code == 404


def test_officer_of_successor_can_open_a_merged_predecessor(agency_officer, former, client_for):
    url = reverse("agencies:agency_detail", args=[former.pk])
    assert client_for(agency_officer).get(url).status_code == 200


def test_management_links_show_for_the_steering_admin_only(
    steering_admin, auditor, ministry, client_for
):
    url = reverse("agencies:agency_detail", args=[ministry.pk])
    edit = reverse("agencies:agency_edit", args=[ministry.pk])
    assert edit not in _names(client_for(auditor).get(url))
    assert edit in _names(client_for(steering_admin).get(url))


def test_history_is_shown_after_an_edit(steering_admin, ministry, client_for):
    client = client_for(steering_admin)
    response = client.post(
        reverse("agencies:agency_edit", args=[ministry.pk]),
        {"code": ministry.code, "name": "Bộ Đổi Tên", "kind": "bo_nganh", "is_active": "on"},
    )
    assert response.status_code == 302
    page = _names(client.get(reverse("agencies:agency_detail", args=[ministry.pk])))
    assert "Trần Quản Trị" in page
    assert "<del>Bộ Thử nghiệm</del> → <ins>Bộ Đổi Tên</ins>" in page


def test_detail_uses_a_bounded_number_of_queries(
    steering_admin, ministry, client_for, django_assert_max_num_queries
):
    for n in range(20):
        AgencyFactory(code=f"D{n}", kind="vu", parent=ministry)
    client = client_for(steering_admin)
    with django_assert_max_num_queries(20):
        client.get(reverse("agencies:agency_detail", args=[ministry.pk]))


# --- create / edit ---------------------------------------------------------------------------


def test_steering_admin_adds_an_agency(steering_admin, ministry, client_for):
    response = client_for(steering_admin).post(
        reverse("agencies:agency_create"),
        {"code": "BTEST_V2", "name": "Vụ Pháp chế", "kind": "vu", "parent": ministry.pk},
    )
    unit = Agency.objects.get(code="BTEST_V2")
    assert response.url == unit.get_absolute_url()
    assert unit.parent == ministry
    assert unit.is_central is True
    assert AuditEntry.objects.filter(action="agencies.create", actor=steering_admin).exists()


@pytest.mark.parametrize("persona", [*NOT_ADMINS, "other_officer", "participant"])
def test_only_the_steering_admin_may_add(persona, personas, client_for):
    client = client_for(personas[persona])
    assert client.get(reverse("agencies:agency_create")).status_code == 403
    response = client.post(
        reverse("agencies:agency_create"), {"code": "X", "name": "X", "kind": "ban_dang"}
    )
    assert response.status_code == 403
    assert not Agency.objects.filter(code="X").exists()


def test_service_errors_appear_on_the_form_fields(steering_admin, client_for):
    response = client_for(steering_admin).post(
        reverse("agencies:agency_create"), {"code": "ORPHAN", "name": "Vụ lạc", "kind": "vu"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parent"] == [
        "A unit of kind “Division” must belong to a parent agency."
    ]
    assert not Agency.objects.filter(code="ORPHAN").exists()


def test_parent_choices_exclude_merged_agencies_and_the_own_subtree(
    steering_admin, ministry, ministry_unit, other_agency, former, client_for
):
    response = client_for(steering_admin).get(reverse("agencies:agency_edit", args=[ministry.pk]))
    choices = set(response.context["form"].fields["parent"].queryset)
    assert choices == {other_agency}


def test_a_parent_inside_the_own_subtree_is_refused(
    steering_admin, ministry, ministry_unit, client_for
):
    response = client_for(steering_admin).post(
        reverse("agencies:agency_edit", args=[ministry.pk]),
        {
            "code": ministry.code,
            "name": ministry.name,
            "kind": "bo_nganh",
            "parent": ministry_unit.pk,
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert Agency.objects.get(pk=ministry.pk).parent is None


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_readers_who_see_an_agency_get_403_on_edit(persona, personas, ministry, client_for):
    url = reverse("agencies:agency_edit", args=[ministry.pk])
    assert client_for(personas[persona]).get(url).status_code == 403


@pytest.mark.parametrize("persona", ["other_officer", "participant"])
def test_edit_outside_the_scope_is_not_found(persona, personas, ministry, client_for):
    url = reverse("agencies:agency_edit", args=[ministry.pk])
    assert client_for(personas[persona]).get(url).status_code == 404


def test_an_unchanged_form_saves_nothing(steering_admin, ministry, client_for):
    client_for(steering_admin).post(
        reverse("agencies:agency_edit", args=[ministry.pk]),
        {"code": ministry.code, "name": ministry.name, "kind": "bo_nganh", "is_active": "on"},
    )
    assert not AuditEntry.objects.filter(action="agencies.update").exists()


# --- merge -----------------------------------------------------------------------------------


def _merge_data(successor):
    return {"successor": successor.pk, "merged_on": "01/07/2025", "note": "NQ 202/2025/QH15"}


def test_merge_asks_for_confirmation_before_recording(
    steering_admin, ministry, other_agency, client_for
):
    client = client_for(steering_admin)
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    assert "Nothing moves" in _names(client.get(url))
    preview = client.post(url, _merge_data(other_agency))
    assert preview.status_code == 200
    assert "agencies/agency_merge_confirm.html" in [t.name for t in preview.templates]
    assert Agency.objects.get(pk=ministry.pk).successor is None
    done = client.post(url, {**_merge_data(other_agency), "confirm": "1"})
    assert done.status_code == 302
    merged = Agency.objects.get(pk=ministry.pk)
    assert merged.successor == other_agency
    assert merged.merged_on == MERGED_ON
    page = _names(client.get(reverse("agencies:agency_detail", args=[ministry.pk])))
    assert "Recorded mergers" in page


def test_merge_back_button_returns_to_the_form(steering_admin, ministry, other_agency, client_for):
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    response = client_for(steering_admin).post(url, {**_merge_data(other_agency), "back": "1"})
    assert "agencies/agency_merge.html" in [t.name for t in response.templates]


def test_merge_rejects_a_badly_written_date(steering_admin, ministry, other_agency, client_for):
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    data = {**_merge_data(other_agency), "merged_on": "2025-13-01", "confirm": "1"}
    response = client_for(steering_admin).post(url, data)
    assert response.context["form"].errors["merged_on"]
    assert Agency.objects.get(pk=ministry.pk).successor is None


def test_merge_into_own_unit_is_not_offered(steering_admin, ministry, ministry_unit, client_for):
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    response = client_for(steering_admin).post(url, {**_merge_data(ministry_unit), "confirm": "1"})
    assert "successor" in response.context["form"].errors
    assert Agency.objects.get(pk=ministry.pk).successor is None


def test_merge_service_errors_are_shown_on_the_form(
    steering_admin, ministry, other_agency, client_for
):
    third = AgencyFactory(code="T3", kind="tinh")
    agency_merge(actor=None, predecessor=ministry, successor=third, merged_on=MERGED_ON)
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    response = client_for(steering_admin).post(url, {**_merge_data(other_agency), "confirm": "1"})
    assert "already merged" in response.context["form"].errors["successor"][0]
    assert Agency.objects.get(pk=ministry.pk).successor == third


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_readers_cannot_merge(persona, personas, ministry, other_agency, client_for):
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    client = client_for(personas[persona])
    assert client.get(url).status_code == 403
    assert client.post(url, {**_merge_data(other_agency), "confirm": "1"}).status_code == 403
    assert Agency.objects.get(pk=ministry.pk).successor is None


@pytest.mark.parametrize("persona", ["other_officer", "participant"])
def test_merge_outside_the_scope_is_not_found(persona, personas, ministry, client_for):
    url = reverse("agencies:agency_merge", args=[ministry.pk])
    assert client_for(personas[persona]).get(url).status_code == 404
