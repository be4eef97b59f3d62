import datetime

import pytest
from django.utils import translation

from apps.agencies import selectors
from apps.agencies.services import agency_merge, agency_update
from apps.agencies.tests.factories import AgencyFactory

MERGED_ON = datetime.date(2025, 7, 1)


@pytest.fixture
def former(ministry):
    """An older ministry merged into the officer's ministry."""
    old = AgencyFactory(code="BCU", name="Bộ Cũ", kind="bo_nganh")
    return agency_merge(actor=None, predecessor=old, successor=ministry, merged_on=MERGED_ON)


def test_top_level_for_admin_is_the_roots_without_merged_ones(
    steering_admin, ministry, ministry_unit, other_agency, former
):
    top = selectors.agency_top_level(fetched_by=steering_admin)
    assert [a.pk for a in top] == [ministry.pk, other_agency.pk]
    with_merged = selectors.agency_top_level(fetched_by=steering_admin, include_merged=True)
    assert former.pk in [a.pk for a in with_merged]


def test_top_level_for_an_officer_of_a_unit_is_that_unit(db, ministry, ministry_unit):
    from apps.core.tests.factories import UserFactory

    officer = UserFactory(role="agency_officer", agency=ministry_unit)
    assert [a.pk for a in selectors.agency_top_level(fetched_by=officer)] == [ministry_unit.pk]


def test_top_level_for_an_officer_includes_predecessors_when_asked(
    agency_officer, ministry, other_agency, former
):
    default = selectors.agency_top_level(fetched_by=agency_officer)
    assert [a.pk for a in default] == [ministry.pk]
    with_merged = selectors.agency_top_level(fetched_by=agency_officer, include_merged=True)
    assert {a.pk for a in with_merged} == {ministry.pk, former.pk}


def test_sections_group_central_bodies_by_kind_and_provinces_as_local(steering_admin, db):
    board = AgencyFactory(code="B1", kind="ban_dang")
    ministry = AgencyFactory(code="M1", kind="bo_nganh")
    city = AgencyFactory(code="C1", kind="thanh_pho")
    province = AgencyFactory(code="P1", kind="tinh")
    sections = selectors.agency_tree_sections(selectors.agency_top_level(fetched_by=steering_admin))
    assert [s.label for s in sections] == ["Central", "Local"]
    assert [[n.pk for n in g.nodes] for g in sections[0].groups] == [[board.pk], [ministry.pk]]
    assert [n.pk for n in sections[1].groups[0].nodes] == [city.pk, province.pk]
    assert sections[1].count == 2


def test_search_is_accent_insensitive_and_keeps_ancestors(
    steering_admin, ministry, ministry_unit, other_agency
):
    result = selectors.agency_tree_search(fetched_by=steering_admin, search="vu to chuc can bo")
    assert [n.pk for n in result.nodes] == [ministry.pk, ministry_unit.pk]
    assert [n.is_match for n in result.nodes] == [False, True]
    assert [n.relative_depth for n in result.nodes] == [0, 1]
    assert result.match_count == 1


def test_search_hides_merged_agencies_unless_asked(steering_admin, ministry, former):
    assert selectors.agency_tree_search(fetched_by=steering_admin, search="bo cu").nodes == []
    found = selectors.agency_tree_search(
        fetched_by=steering_admin, search="bo cu", include_merged=True
    )
    assert [n.pk for n in found.nodes] == [former.pk]


def test_search_never_shows_another_agency_to_an_officer(agency_officer, other_agency):
    result = selectors.agency_tree_search(fetched_by=agency_officer, search="tinh khac")
    assert result.nodes == []


def test_search_is_capped(steering_admin, monkeypatch, db):
    monkeypatch.setattr(selectors, "SEARCH_LIMIT", 2)
    for n in range(3):
        AgencyFactory(code=f"S{n}", name=f"Ban Số {n}", kind="ban_dang")
    result = selectors.agency_tree_search(fetched_by=steering_admin, search="ban so")
    assert result.truncated is True
    assert len(result.nodes) == 2


def test_ancestors_are_limited_to_what_the_user_sees(db, ministry, ministry_unit):
    from apps.core.tests.factories import UserFactory

    department = AgencyFactory(code="C9", kind="cuc", parent=ministry_unit)
    officer = UserFactory(role="agency_officer", agency=ministry_unit)
    assert selectors.agency_ancestors(fetched_by=officer, agency=department) == [ministry_unit]


def test_history_shows_who_changed_what_before_and_after(steering_admin, ministry, other_agency):
    unit = AgencyFactory(code="U1", name="Vụ Một", kind="vu", parent=ministry)
    agency_update(actor=steering_admin, agency=unit, name="Vụ Hai", parent=other_agency)
    with translation.override("en"):
        entries = selectors.agency_history(fetched_by=steering_admin, agency=unit)
    assert len(entries) == 2
    latest = entries[0]
    assert latest.user == steering_admin
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes["name"] == ("Vụ Một", "Vụ Hai")
    assert changes["parent agency"] == ("Bộ Thử nghiệm", "Tỉnh Khác")


def test_history_hides_names_of_agencies_the_user_cannot_see(
    steering_admin, agency_officer, ministry, ministry_unit, other_agency
):
    unit = AgencyFactory(code="U2", name="Vụ Di chuyển", kind="vu", parent=other_agency)
    agency_update(actor=steering_admin, agency=unit, parent=ministry)
    with translation.override("en"):
        entries = selectors.agency_history(fetched_by=agency_officer, agency=unit)
    changes = {c.label: (c.old, c.new) for c in entries[0].changes}
    assert changes["parent agency"] == ("another agency", "Bộ Thử nghiệm")


def test_history_is_read_in_a_constant_number_of_queries(
    steering_admin, ministry, django_assert_max_num_queries
):
    for n in range(8):
        agency_update(actor=steering_admin, agency=ministry, name=f"Bộ {n}")
    with django_assert_max_num_queries(3):
        entries = selectors.agency_history(fetched_by=steering_admin, agency=ministry)
    assert len(entries) == 9


def test_merge_entries_cover_the_agency_and_its_predecessors(steering_admin, ministry):
    old = AgencyFactory(code="OLD2", kind="bo_nganh")
    agency_merge(actor=steering_admin, predecessor=old, successor=ministry, merged_on=MERGED_ON)
    predecessors = selectors.agency_predecessors(fetched_by=steering_admin, agency=ministry)
    entries = selectors.agency_merge_entries(agency=ministry, predecessors=predecessors)
    assert [e.object_id for e in entries] == [str(old.pk)]
