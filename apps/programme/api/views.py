"""Programme settings API: read-only, for every role that reads the registries."""

from django.db.models import Prefetch
from rest_framework import permissions, viewsets

from apps.core.permissions import may

from ..models import (
    AnnualTarget,
    ContentGroup,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)
from ..permissions import VIEW_SETTINGS
from . import serializers


class CanViewSettings(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return may(request.user, VIEW_SETTINGS)


class SettingsViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, CanViewSettings]


class PhaseViewSet(SettingsViewSet):
    serializer_class = serializers.PhaseOutputSerializer
    queryset = Phase.objects.prefetch_related(
        Prefetch("targets", queryset=AnnualTarget.objects.select_related("form"))
    ).order_by("start")


class TrainingFormViewSet(SettingsViewSet):
    serializer_class = serializers.TrainingFormOutputSerializer
    queryset = TrainingForm.objects.prefetch_related("eligible_levels", "phases").order_by("pk")


class ContentGroupViewSet(SettingsViewSet):
    serializer_class = serializers.ContentGroupOutputSerializer
    queryset = ContentGroup.objects.order_by("code")


class PositionLevelViewSet(SettingsViewSet):
    serializer_class = serializers.PositionLevelOutputSerializer
    queryset = PositionLevel.objects.order_by("rank")


class WorkFieldViewSet(SettingsViewSet):
    serializer_class = serializers.WorkFieldOutputSerializer
    queryset = WorkField.objects.order_by("name")


class RuleSettingViewSet(SettingsViewSet):
    serializer_class = serializers.RuleSettingOutputSerializer
    queryset = RuleSetting.objects.order_by("code")
