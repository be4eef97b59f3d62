"""Explicit output serializers of the course API."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.api_fields import AvailableTransitionsField
from apps.courses.models import AgendaItem, Course, CoursePhase


@extend_schema_field(
    {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "nullable": True, "example": "08:30"}
)
class ClockTimeField(serializers.TimeField):
    """A time of day as the agenda shows it ("08:30"). OpenAPI's "time" format is RFC 3339's
    full-time, which needs a UTC offset an agenda's local time does not have."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", allow_null=True, **kwargs)


class AgendaItemOutput(serializers.ModelSerializer):
    expert_name = serializers.CharField(source="expert.full_name", default="")
    start_time = ClockTimeField()
    end_time = ClockTimeField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "kind",
            "date",
            "start_time",
            "end_time",
            "title",
            "place",
            "host_type",
            "host",
            "expert",
            "expert_name",
            "content_group",
        ]


class CoursePhaseOutput(serializers.ModelSerializer):
    code = serializers.CharField(source="form_phase.code")

    class Meta:
        model = CoursePhase
        fields = ["code", "start", "end", "place"]


class CourseOutput(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code")
    content_group = serializers.IntegerField(source="content_group.code")
    organiser_name = serializers.CharField(source="organiser_label")
    approved = serializers.IntegerField(source="taken", read_only=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "code",
            "title",
            "form",
            "content_group",
            "countries",
            "partner",
            "start",
            "end",
            "modality",
            "capacity",
            "approved",
            "organiser",
            "organiser_name",
            "status",
        ]


class CourseDetailOutput(CourseOutput):
    agenda = AgendaItemOutput(many=True, read_only=True)
    phases = CoursePhaseOutput(many=True, read_only=True)
    available_transitions = AvailableTransitionsField()

    class Meta(CourseOutput.Meta):
        fields = [*CourseOutput.Meta.fields, "phases", "agenda", "available_transitions"]
