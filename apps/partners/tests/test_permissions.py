"""The partners policy, and the registry services refusing an actor it does not allow."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from apps.core.permissions import may
from apps.core.tests.factories import UserFactory
from apps.partners import services
from apps.partners.models import Expert, Partner
from apps.partners.permissions import CHANGE_REGISTRY, VIEW_REGISTRY

POLICY = {
    "steering_admin": {VIEW_REGISTRY, CHANGE_REGISTRY},
    "agency_officer": {VIEW_REGISTRY},
    "other_officer": {VIEW_REGISTRY},
    "finance_officer": {VIEW_REGISTRY},
    "auditor": {VIEW_REGISTRY},
    "participant": set(),
}


@pytest.mark.parametrize("persona", POLICY)
def test_policy(persona, personas):
    user = personas[persona]
    assert {perm for perm in (VIEW_REGISTRY, CHANGE_REGISTRY) if may(user, perm)} == POLICY[persona]


def test_a_user_without_a_role_or_inactive_gets_nothing(db, steering_admin):
    steering_admin.is_active = False
    for user in (UserFactory(role=""), steering_admin):
        assert not may(user, VIEW_REGISTRY)
        assert not may(user, CHANGE_REGISTRY)


@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor", "participant"])
def test_services_refuse_an_actor_without_the_right(persona, personas):
    refusal = "Chỉ cán bộ Văn phòng Ban Chỉ đạo mới được sửa danh mục đối tác và chuyên gia"
    with translation.override("vi"):
        with pytest.raises(PermissionDenied, match=refusal):
            services.partner_save(actor=personas[persona], name="Học viện", country="Pháp")
        with pytest.raises(PermissionDenied, match=refusal):
            services.expert_save(actor=personas[persona], full_name="Jean Dupont")
    assert not Partner.objects.exists()
    assert not Expert.objects.exists()
