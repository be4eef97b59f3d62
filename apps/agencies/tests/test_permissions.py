"""The agency policy, and the services refusing an actor it does not allow."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from apps.agencies.permissions import MANAGE_AGENCIES, VIEW_AGENCIES
from apps.agencies.services import agency_create, agency_merge, agency_update
from apps.core.permissions import may

POLICY = {
    "steering_admin": {VIEW_AGENCIES, MANAGE_AGENCIES},
    "agency_officer": {VIEW_AGENCIES},
    "other_officer": {VIEW_AGENCIES},
    "finance_officer": {VIEW_AGENCIES},
    "auditor": {VIEW_AGENCIES},
    "participant": set(),
}


@pytest.mark.parametrize("persona", POLICY)
def test_policy(persona, personas):
    granted = {perm for perm in (VIEW_AGENCIES, MANAGE_AGENCIES) if may(personas[persona], perm)}
    assert granted == POLICY[persona]


REFUSAL = "Chỉ cán bộ Văn phòng Ban Chỉ đạo mới được thay đổi cây cơ quan"


@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor"])
def test_services_refuse_anyone_but_a_steering_admin(persona, personas, ministry, other_agency):
    actor = personas[persona]
    with translation.override("vi"):
        with pytest.raises(PermissionDenied, match=REFUSAL):
            agency_create(actor=actor, code="X1", name="Ban X", kind="ban_dang")
        with pytest.raises(PermissionDenied, match=REFUSAL):
            agency_update(actor=actor, agency=ministry, name="Bộ Đổi Tên")
        with pytest.raises(PermissionDenied, match=REFUSAL):
            agency_merge(
                actor=actor,
                predecessor=other_agency,
                successor=ministry,
                merged_on=datetime.date(2025, 7, 1),
            )
    ministry.refresh_from_db()
    assert ministry.name == "Bộ Thử nghiệm"
    assert other_agency.successor_id is None
