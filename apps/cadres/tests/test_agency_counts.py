"""The cadre counts the agency tree shows: the cadre registry hands them to the agencies app."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from apps.agencies import selectors
from apps.agencies.services import agency_merge
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.core.models import AuditEntry

MERGED_ON = datetime.date(2025, 7, 1)


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


def test_counts_are_of_visible_units_and_subtree_cadres(
    steering_admin, ministry, ministry_unit, other_agency
):
    CadreFactory(agency=ministry)
    CadreFactory.create_batch(2, agency=ministry_unit)
    CadreFactory(agency=other_agency)
    merged_unit = AgencyFactory(code="BTEST_V9", kind="vu", parent=ministry)
    agency_merge(actor=None, predecessor=merged_unit, successor=ministry_unit, merged_on=MERGED_ON)
    top = {a.pk: a for a in selectors.agency_top_level(fetched_by=steering_admin)}
    assert top[ministry.pk].cadre_total == 3
    assert top[ministry.pk].child_count == 1
    assert top[other_agency.pk].cadre_total == 1
    children = selectors.agency_children(
        fetched_by=steering_admin, parent=ministry, include_merged=True
    )
    assert [c.pk for c in children] == [ministry_unit.pk, merged_unit.pk]
    assert children[0].cadre_total == 2


def test_cadre_total_counts_the_subtree(steering_admin, ministry, ministry_unit, other_agency):
    CadreFactory(agency=ministry_unit)
    CadreFactory(agency=other_agency)
    assert selectors.agency_cadre_total(fetched_by=steering_admin, agency=ministry) == 1


def test_merge_records_successor_and_date_and_moves_nothing(
    steering_admin, ministry, ministry_unit, other_agency
):
    cadre = CadreFactory(agency=ministry)
    merged = agency_merge(
        actor=steering_admin,
        predecessor=ministry,
        successor=other_agency,
        merged_on=MERGED_ON,
        note="Nghị quyết 202/2025/QH15",
    )
    assert merged.successor == other_agency
    assert merged.merged_on == MERGED_ON
    assert merged.is_active is False
    assert "202/2025" in merged.note
    cadre.refresh_from_db()
    ministry_unit.refresh_from_db()
    assert cadre.agency_id == ministry.pk
    assert ministry_unit.parent_id == ministry.pk
    assert ministry_unit.path.startswith(ministry.path)
    entry = AuditEntry.objects.get(action="agencies.merge")
    assert entry.detail["successor"] == other_agency.pk
    assert entry.detail["merged_on"] == "2025-07-01"
    assert merged.history.first().history_user == steering_admin


def test_children_fragment_lists_the_units(steering_admin, ministry, ministry_unit, client_for):
    CadreFactory.create_batch(2, agency=ministry_unit)
    response = client_for(steering_admin).get(
        reverse("agencies:agency_children", args=[ministry.pk]), HTTP_HX_REQUEST="true"
    )
    page = _names(response)
    assert response.status_code == 200
    assert "Vụ Tổ chức cán bộ" in page
    assert "2 cadres" in page
    assert "<html" not in page


@pytest.mark.parametrize("size", [3, 30])
def test_tree_uses_a_constant_number_of_queries(
    size, steering_admin, client_for, django_assert_max_num_queries
):
    for n in range(size):
        root = AgencyFactory(code=f"R{n}", kind="bo_nganh" if n % 2 else "tinh")
        unit = AgencyFactory(code=f"R{n}U", kind="vu", parent=root)
        CadreFactory(agency=unit)
    client = client_for(steering_admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("agencies:agency_tree")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("agencies:agency_tree"), {"q": "r"}).status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_list_uses_a_constant_number_of_queries(
    size, steering_admin, client_for, django_assert_max_num_queries
):
    for n in range(size):
        root = AgencyFactory(code=f"L{n}", kind="bo_nganh")
        CadreFactory(agency=AgencyFactory(code=f"L{n}U", kind="vu", parent=root))
    client = client_for(steering_admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("agencies:agency_list")).status_code == 200


def test_detail_shows_chain_units_cadres_and_predecessors(
    auditor, ministry, ministry_unit, former, client_for
):
    department = AgencyFactory(code="C1", name="Cục Đặc biệt", kind="cuc", parent=ministry_unit)
    CadreFactory.create_batch(3, agency=department)
    CadreFactory(agency=ministry)
    client = client_for(auditor)
    page = _names(client.get(reverse("agencies:agency_detail", args=[ministry_unit.pk])))
    assert reverse("agencies:agency_detail", args=[ministry.pk]) in page  # breadcrumb
    assert "Cục Đặc biệt" in page
    assert "3 cadres in this agency and its units" in page
    assert f"{reverse('cadres:cadre_list')}?agency={ministry_unit.pk}" in page
    ministry_page = _names(client.get(reverse("agencies:agency_detail", args=[ministry.pk])))
    assert "Bộ Cũ" in ministry_page
    assert "01/07/2025" in ministry_page
    former_page = _names(client.get(reverse("agencies:agency_detail", args=[former.pk])))
    assert "merged into Bộ Thử nghiệm on 01/07/2025" in former_page
