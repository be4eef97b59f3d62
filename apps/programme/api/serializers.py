"""Output shapes of the programme settings API (read-only)."""

from rest_framework import serializers

from ..models import (
    AnnualTarget,
    ContentGroup,
    FormPhase,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)


class AnnualTargetOutputSerializer(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code")

    class Meta:
        model = AnnualTarget
        fields = ["form", "places"]


class PhaseOutputSerializer(serializers.ModelSerializer):
    targets = AnnualTargetOutputSerializer(many=True)

    class Meta:
        model = Phase
        fields = ["id", "code", "name", "start", "end", "source", "targets"]


class FormPhaseOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = FormPhase
        fields = ["code", "name", "typical_days", "order"]


class TrainingFormOutputSerializer(serializers.ModelSerializer):
    eligible_levels = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    phases = FormPhaseOutputSerializer(many=True)

    class Meta:
        model = TrainingForm
        fields = [
            "id",
            "code",
            "name",
            "typical_days",
            "delegation_min",
            "delegation_max",
            "taught_in_foreign_language",
            "min_language_level",
            "eligible_levels",
            "eligibility_note",
            "gate",
            "phases",
            "source",
        ]


class ContentGroupOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContentGroup
        fields = ["id", "code", "name", "source"]


class PositionLevelOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = PositionLevel
        fields = ["id", "code", "name", "rank", "source"]


class WorkFieldOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkField
        fields = ["id", "code", "name"]


class RuleSettingOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleSetting
        fields = ["id", "code", "name", "value", "severity", "params", "source"]
