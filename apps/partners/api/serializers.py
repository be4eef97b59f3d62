"""Explicit output serializers of the registry API."""

from rest_framework import serializers

from apps.partners.models import Expert, Partner


class PartnerOutput(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ["id", "name", "short_name", "country", "city", "fields"]


class ExpertOutput(serializers.ModelSerializer):
    class Meta:
        model = Expert
        fields = ["id", "full_name", "title", "partner", "country", "expertise", "languages"]
