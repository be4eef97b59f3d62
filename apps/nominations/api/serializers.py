"""Explicit input and output serializers of the nomination API."""

from rest_framework import serializers

from apps.core.api_fields import AvailableTransitionsField
from apps.core.bounds import BoundedIntegerField
from apps.nominations.models import Nomination


class RuleResultOutput(serializers.Serializer):
    code = serializers.CharField()
    outcome = serializers.CharField()
    message = serializers.CharField()
    source = serializers.CharField()


class NominationOutput(serializers.ModelSerializer):
    cadre_name = serializers.CharField(source="cadre.full_name")
    course_code = serializers.CharField(source="course.code")
    agency_name = serializers.CharField(source="agency.name")
    overridden = serializers.BooleanField(source="is_overridden")
    results = RuleResultOutput(many=True, read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "course",
            "course_code",
            "cadre",
            "cadre_name",
            "agency",
            "agency_name",
            "status",
            "outcome",
            "results",
            "overridden",
            "override_reason",
            "decision_reason",
            "created_at",
        ]


class NominationDetailOutput(NominationOutput):
    available_transitions = AvailableTransitionsField()

    class Meta(NominationOutput.Meta):
        fields = [*NominationOutput.Meta.fields, "available_transitions"]


class NominationInput(serializers.Serializer):
    course = BoundedIntegerField()
    cadre = BoundedIntegerField()
    confirm_warnings = serializers.BooleanField(default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approved", "rejected", "waitlisted"])
    reason = serializers.CharField(required=False, allow_blank=True, default="")
