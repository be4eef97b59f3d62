"""Explicit input and output serializers of the planning API."""

from rest_framework import serializers

from apps.core.api_fields import AvailableTransitionsField
from apps.core.bounds import MAX_YEAR, MIN_YEAR, BoundedIntegerField
from apps.planning.models import (
    AnnualPlan,
    NeedsLine,
    NeedsRegistration,
    PlannedCourse,
    PlanStatus,
    PlanTransition,
    Quota,
)


class NeedsLineOutput(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code")
    content_group = serializers.IntegerField(source="content_group.code")

    class Meta:
        model = NeedsLine
        fields = ["form", "content_group", "places"]


class NeedsRegistrationOutput(serializers.ModelSerializer):
    year = serializers.IntegerField(source="call.year")
    agency_name = serializers.CharField(source="agency.name")
    lines = NeedsLineOutput(many=True, read_only=True)
    candidates = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = NeedsRegistration
        fields = [
            "id",
            "year",
            "agency",
            "agency_name",
            "topics",
            "preferred_countries",
            "justification",
            "candidates",
            "lines",
            "reopened_until",
            "updated_at",
        ]


class NeedsLineInput(serializers.Serializer):
    form = serializers.CharField()
    content_group = BoundedIntegerField()
    # Validated by the service, which says which line is wrong and why.
    places = serializers.CharField()


class NeedsRegistrationInput(serializers.Serializer):
    year = BoundedIntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)
    agency = BoundedIntegerField(required=False)
    topics = serializers.CharField(required=False, allow_blank=True, default="")
    preferred_countries = serializers.CharField(required=False, allow_blank=True, default="")
    justification = serializers.CharField(required=False, allow_blank=True, default="")
    candidates = serializers.ListField(child=BoundedIntegerField(), required=False)
    lines = NeedsLineInput(many=True)


class PlannedCourseOutput(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code")
    content_group = serializers.IntegerField(source="content_group.code")

    class Meta:
        model = PlannedCourse
        fields = [
            "id",
            "form",
            "content_group",
            "topic",
            "country",
            "quarter",
            "capacity",
            "estimated_cost",
        ]


class PlanTransitionOutput(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username")

    class Meta:
        model = PlanTransition
        fields = ["from_status", "to_status", "actor", "at", "reason"]


class AnnualPlanOutput(serializers.ModelSerializer):
    class Meta:
        model = AnnualPlan
        fields = ["id", "year", "version", "status", "previous", "approved_at", "created_at"]


class AnnualPlanDetailOutput(AnnualPlanOutput):
    courses = PlannedCourseOutput(many=True, read_only=True)
    transitions = PlanTransitionOutput(many=True, read_only=True)
    available_transitions = AvailableTransitionsField()

    class Meta(AnnualPlanOutput.Meta):
        fields = [*AnnualPlanOutput.Meta.fields, "courses", "transitions", "available_transitions"]


class TransitionInput(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=PlanStatus.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class QuotaOutput(serializers.ModelSerializer):
    year = serializers.IntegerField(source="plan.year")
    plan_version = serializers.IntegerField(source="plan.version")
    agency_name = serializers.CharField(source="agency.name")
    form = serializers.CharField(source="form.code")

    class Meta:
        model = Quota
        fields = ["id", "year", "plan_version", "agency", "agency_name", "form", "places", "used"]
