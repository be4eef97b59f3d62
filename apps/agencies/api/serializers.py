"""Explicit input and output shapes of the agency API."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import AgencyKind
from ..models import Agency


class AgencyOutputSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "code",
            "name",
            "short_name",
            "kind",
            "kind_display",
            "parent",
            "path",
            "depth",
            "is_central",
            "successor",
            "merged_on",
            "is_active",
            "note",
        ]
        read_only_fields = fields


class AgencyInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)
    name = serializers.CharField(max_length=255)
    short_name = serializers.CharField(max_length=64, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=AgencyKind.choices)
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True
    )
    is_active = serializers.BooleanField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)


class AgencyMergeInputSerializer(serializers.Serializer):
    successor = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), help_text=_("The agency it was merged into.")
    )
    merged_on = serializers.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    note = serializers.CharField(required=False, allow_blank=True, default="")
