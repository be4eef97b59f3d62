"""The programme settings policy, and the services refusing an actor it does not allow."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from apps.core.permissions import may
from apps.programme import services
from apps.programme.models import ContentGroup, RuleSetting, WorkField
from apps.programme.permissions import CHANGE_SETTINGS, VIEW_SETTINGS
from apps.programme.reference import load_programme

POLICY = {
    "steering_admin": {VIEW_SETTINGS, CHANGE_SETTINGS},
    "agency_officer": {VIEW_SETTINGS},
    "finance_officer": {VIEW_SETTINGS},
    "auditor": {VIEW_SETTINGS},
    "participant": set(),
}
REFUSAL = "Chỉ cán bộ Văn phòng Ban Chỉ đạo mới được thay đổi thiết lập Đề án"


@pytest.mark.parametrize("persona", POLICY)
def test_policy(persona, personas):
    granted = {perm for perm in (VIEW_SETTINGS, CHANGE_SETTINGS) if may(personas[persona], perm)}
    assert granted == POLICY[persona]


@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor"])
def test_services_refuse_anyone_but_a_steering_admin(persona, personas):
    load_programme()
    actor = personas[persona]
    group = ContentGroup.objects.first()
    setting = RuleSetting.objects.get(code="retirement_min_years")
    with translation.override("vi"):
        with pytest.raises(PermissionDenied, match=REFUSAL):
            services.content_group_update(actor=actor, group=group, name="Tên khác")
        with pytest.raises(PermissionDenied, match=REFUSAL):
            services.work_field_create(actor=actor, code="X9", name="Lĩnh vực X")
        with pytest.raises(PermissionDenied, match=REFUSAL):
            services.rule_setting_update(
                actor=actor, setting=setting, value=setting.value, severity=setting.severity
            )
    assert ContentGroup.objects.get(pk=group.pk).name == group.name
    assert not WorkField.objects.filter(code="X9").exists()
