import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.agencies.models import Agency
from apps.agencies.services import agency_create, agency_merge, agency_update
from apps.agencies.tests.factories import AgencyFactory
from apps.core.models import AuditEntry

MERGED_ON = datetime.date(2025, 7, 1)


@pytest.fixture
def deep_tree(ministry, ministry_unit):
    department = AgencyFactory(code="BTEST_C1", kind="cuc", parent=ministry_unit)
    return {"ministry": ministry, "unit": ministry_unit, "department": department}


def test_it_derives_path_depth_and_central_from_the_parent(steering_admin, ministry):
    unit = agency_create(
        actor=steering_admin, code="V2", name="Vụ Hợp tác quốc tế", kind="vu", parent=ministry
    )
    assert unit.path == f"{ministry.path}{unit.pk:06d}/"
    assert unit.depth == 1
    assert unit.is_central is True
    assert Agency.objects.get(pk=unit.pk).path == unit.path


def test_it_makes_a_province_and_its_units_local(steering_admin):
    province = agency_create(actor=steering_admin, code="P1", name="Tỉnh Một", kind="tinh")
    department = agency_create(
        actor=steering_admin, code="P1S", name="Sở Nội vụ", kind="so", parent=province
    )
    assert province.is_central is False
    assert department.is_central is False


def test_it_records_an_audit_entry_and_the_history_user_on_create(steering_admin):
    agency = agency_create(actor=steering_admin, code="NEW", name="Ban Mới", kind="ban_dang")
    entry = AuditEntry.objects.get(action="agencies.create")
    assert entry.actor == steering_admin
    assert entry.object_id == str(agency.pk)
    assert agency.history.get().history_user == steering_admin


def test_it_refuses_a_unit_without_parent(steering_admin):
    with pytest.raises(ValidationError, match="must belong to a parent agency") as exc:
        agency_create(actor=steering_admin, code="X", name="Vụ lạc", kind="vu")
    assert "parent" in exc.value.message_dict
    assert not Agency.objects.filter(code="X").exists()


def test_it_refuses_a_duplicate_code(steering_admin, ministry):
    with pytest.raises(ValidationError, match="is already used by another agency") as exc:
        agency_create(actor=steering_admin, code=ministry.code, name="Trùng", kind="bo_nganh")
    assert "code" in exc.value.message_dict


def test_it_moves_a_subtree_with_new_paths_depths_and_central_flag(
    steering_admin, deep_tree, other_agency
):
    unit = agency_update(actor=steering_admin, agency=deep_tree["unit"], parent=other_agency)
    department = Agency.objects.get(pk=deep_tree["department"].pk)
    assert unit.path == f"{other_agency.path}{unit.pk:06d}/"
    assert department.path == f"{unit.path}{department.pk:06d}/"
    assert (unit.depth, department.depth) == (1, 2)
    assert unit.is_central is False
    assert department.is_central is False


def test_it_moves_a_unit_up_to_a_root_level_kind(steering_admin, deep_tree):
    unit = agency_update(
        actor=steering_admin, agency=deep_tree["unit"], parent=None, kind="bo_nganh"
    )
    department = Agency.objects.get(pk=deep_tree["department"].pk)
    assert unit.path == f"{unit.pk:06d}/"
    assert (unit.depth, department.depth) == (0, 1)
    assert department.path.startswith(unit.path)


def test_it_carries_a_root_kind_change_to_central_flag_of_units(steering_admin, deep_tree):
    agency_update(actor=steering_admin, agency=deep_tree["ministry"], kind="tinh")
    assert set(
        Agency.objects.filter(path__startswith=deep_tree["ministry"].path).values_list(
            "is_central", flat=True
        )
    ) == {False}


def test_it_refuses_to_move_an_agency_under_its_own_unit(steering_admin, deep_tree):
    with pytest.raises(ValidationError, match="cannot be placed under itself") as exc:
        agency_update(
            actor=steering_admin, agency=deep_tree["ministry"], parent=deep_tree["department"]
        )
    assert "parent" in exc.value.message_dict
    assert Agency.objects.get(pk=deep_tree["ministry"].pk).parent is None


def test_it_refuses_a_merged_parent(steering_admin, ministry, ministry_unit, other_agency):
    old = AgencyFactory(code="OLD", kind="bo_nganh")
    agency_merge(actor=steering_admin, predecessor=old, successor=ministry, merged_on=MERGED_ON)
    old.refresh_from_db()
    with pytest.raises(ValidationError, match="has been merged; choose its successor") as exc:
        agency_update(actor=steering_admin, agency=ministry_unit, parent=old)
    assert "parent" in exc.value.message_dict


def test_it_audits_an_update_with_before_and_after(steering_admin, ministry):
    agency_update(actor=steering_admin, agency=ministry, name="Bộ Đổi Tên")
    entry = AuditEntry.objects.get(action="agencies.update")
    assert entry.detail == {"before": {"name": "Bộ Thử nghiệm"}, "after": {"name": "Bộ Đổi Tên"}}
    assert Agency.objects.get(pk=ministry.pk).search_key.startswith("btest bo doi ten")


def test_it_refuses_fields_that_are_not_editable(steering_admin, ministry):
    with pytest.raises(ValueError, match="path"):
        agency_update(actor=steering_admin, agency=ministry, path="x")


def test_merge_refuses_self(steering_admin, ministry):
    with pytest.raises(ValidationError, match="cannot be merged into itself") as exc:
        agency_merge(
            actor=steering_admin, predecessor=ministry, successor=ministry, merged_on=MERGED_ON
        )
    assert "successor" in exc.value.message_dict


def test_merge_refuses_own_unit(steering_admin, ministry, ministry_unit):
    with pytest.raises(ValidationError, match="own units"):
        agency_merge(
            actor=steering_admin,
            predecessor=ministry,
            successor=ministry_unit,
            merged_on=MERGED_ON,
        )


def test_merge_refuses_an_already_merged_agency(steering_admin, ministry, other_agency):
    third = AgencyFactory(code="THIRD", kind="tinh")
    agency_merge(
        actor=steering_admin, predecessor=ministry, successor=other_agency, merged_on=MERGED_ON
    )
    with pytest.raises(ValidationError, match="already merged"):
        agency_merge(
            actor=steering_admin, predecessor=ministry, successor=third, merged_on=MERGED_ON
        )
    assert Agency.objects.get(pk=ministry.pk).successor == other_agency


def test_merge_refuses_a_merged_successor(steering_admin, ministry, other_agency):
    third = AgencyFactory(code="THIRD", kind="tinh")
    agency_merge(
        actor=steering_admin, predecessor=other_agency, successor=third, merged_on=MERGED_ON
    )
    with pytest.raises(ValidationError, match="itself been merged"):
        agency_merge(
            actor=steering_admin,
            predecessor=ministry,
            successor=Agency.objects.get(pk=other_agency.pk),
            merged_on=MERGED_ON,
        )
