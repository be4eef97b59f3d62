"""Explicit output serializers of the course API."""

from rest_framework import serializers

from apps.courses.models import AgendaItem, Course, CoursePhase


class AgendaItemOutput(serializers.ModelSerializer):
    expert_name = serializers.CharField(source="expert.full_name", default="")

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

    class Meta(CourseOutput.Meta):
        fields = [*CourseOutput.Meta.fields, "phases", "agenda"]
