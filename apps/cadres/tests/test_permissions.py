"""The cadre registry policy, and the services refusing an actor it does not allow."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from apps.cadres import services
from apps.cadres.models import Cadre
from apps.cadres.permissions import (
    ADD_CADRE,
    CHANGE_CADRE,
    EXPORT_IDENTIFIERS,
    REVEAL_IDENTIFIERS,
    VIEW_OWN_RECORD,
    VIEW_REGISTRY,
)
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory, _field, _level
from apps.core.permissions import may

ROLE_LEVEL = (VIEW_REGISTRY, VIEW_OWN_RECORD, ADD_CADRE, EXPORT_IDENTIFIERS)
POLICY = {
    "steering_admin": {VIEW_REGISTRY, ADD_CADRE, EXPORT_IDENTIFIERS},
    "agency_officer": {VIEW_REGISTRY, ADD_CADRE, EXPORT_IDENTIFIERS},
    "finance_officer": {VIEW_REGISTRY},
    "auditor": {VIEW_REGISTRY},
    "participant": {VIEW_OWN_RECORD},
}


@pytest.mark.parametrize("persona", POLICY)
def test_role_level_policy(persona, personas):
    assert {perm for perm in ROLE_LEVEL if may(personas[persona], perm)} == POLICY[persona]


@pytest.mark.parametrize(
    ("persona", "own", "other"),
    [
        ("steering_admin", True, True),
        ("agency_officer", True, False),  # the unit is in the officer's ministry
        ("other_officer", False, True),
        ("finance_officer", False, False),
        ("auditor", False, False),
        ("participant", False, False),
    ],
)
def test_changing_a_record_follows_the_scope(
    persona, own, other, personas, own_cadre, other_agency
):
    elsewhere = CadreFactory(agency=other_agency)
    user = personas[persona]
    assert (may(user, CHANGE_CADRE, own_cadre), may(user, CHANGE_CADRE, elsewhere)) == (own, other)


@pytest.mark.parametrize(
    ("persona", "own", "other"),
    [
        ("steering_admin", True, True),
        ("agency_officer", True, False),
        ("finance_officer", False, False),
        ("auditor", False, False),
        ("participant", True, False),  # their own record only
    ],
)
def test_full_identifiers(persona, own, other, personas, own_cadre, other_agency):
    elsewhere = CadreFactory(agency=other_agency)
    user = personas[persona]
    revealed = (may(user, REVEAL_IDENTIFIERS, own_cadre), may(user, REVEAL_IDENTIFIERS, elsewhere))
    assert revealed == (own, other)


def test_an_officer_adds_cadres_to_agencies_in_scope_only(agency_officer, ministry, other_agency):
    assert may(agency_officer, ADD_CADRE, ministry)
    assert not may(agency_officer, ADD_CADRE, other_agency)


@pytest.fixture
def vi():
    with translation.override("vi"):
        yield


@pytest.mark.usefixtures("vi")
def test_create_refuses_an_agency_out_of_scope(agency_officer, auditor, other_agency):
    fields = {
        "full_name": "Nguyễn Văn An",
        "gender": "M",
        "date_of_birth": datetime.date(1966, 5, 10),
        "national_id": "001066012345",
        "agency": other_agency,
        "position_title": "Vụ trưởng",
        "position_level": _level(),
        "work_field": _field(),
    }
    with pytest.raises(PermissionDenied, match="Đồng chí không được thêm cán bộ vào cơ quan này"):
        services.cadre_create(actor=agency_officer, **fields)
    with pytest.raises(PermissionDenied, match="Đồng chí không được thêm cán bộ vào cơ quan này"):
        services.cadre_create(actor=auditor, **{**fields, "agency": None})
    assert not Cadre.objects.filter(national_id="001066012345").exists()


@pytest.mark.usefixtures("vi")
@pytest.mark.parametrize("persona", ["other_officer", "finance_officer", "auditor", "participant"])
def test_changes_refuse_an_actor_without_the_right(persona, personas, own_cadre):
    actor = personas[persona]
    refusal = "Đồng chí không được thay đổi hồ sơ của cán bộ này"
    skill = LanguageSkillFactory(cadre=own_cadre)
    with pytest.raises(PermissionDenied, match=refusal):
        services.cadre_update(
            actor=actor, cadre=own_cadre, version=own_cadre.version, full_name="Tên Khác"
        )
    with pytest.raises(PermissionDenied, match=refusal):
        services.position_add(
            actor=actor,
            cadre=own_cadre,
            start=datetime.date(2020, 1, 1),
            position_title="Chuyên viên",
        )
    with pytest.raises(PermissionDenied, match=refusal):
        services.language_delete(actor=actor, skill=skill)
    own_cadre.refresh_from_db()
    assert own_cadre.full_name == "Lê Thị Học Viên"
    assert own_cadre.positions.count() == 0
    assert own_cadre.languages.count() == 1


@pytest.mark.usefixtures("vi")
def test_an_officer_may_not_move_a_cadre_out_of_scope(agency_officer, own_cadre, other_agency):
    with pytest.raises(
        PermissionDenied, match="Đồng chí không được chuyển cán bộ sang cơ quan này"
    ):
        services.cadre_update(
            actor=agency_officer, cadre=own_cadre, version=own_cadre.version, agency=other_agency
        )
