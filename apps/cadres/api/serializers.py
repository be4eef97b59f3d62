"""Explicit input and output serializers of the cadre API."""

from rest_framework import serializers

from apps.cadres import validators
from apps.cadres.identifiers import mask_identifier
from apps.cadres.models import Cadre, LanguageSkill
from apps.core.bounds import BoundedIntegerField


class LanguageSkillOutput(serializers.ModelSerializer):
    class Meta:
        model = LanguageSkill
        fields = ["language", "level", "certificate", "certified_on"]


class CadreOutput(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name")
    position_level = serializers.CharField(source="position_level.code")
    work_field = serializers.CharField(source="work_field.code")
    national_id = serializers.SerializerMethodField()
    passport_number = serializers.SerializerMethodField()

    class Meta:
        model = Cadre
        fields = [
            "id",
            "full_name",
            "gender",
            "date_of_birth",
            "ethnicity",
            "agency",
            "agency_name",
            "position_title",
            "position_level",
            "work_field",
            "management_category",
            "uses_foreign_language",
            "expected_retirement",
            "national_id",
            "passport_number",
            "version",
        ]

    def get_national_id(self, cadre) -> str:
        return mask_identifier(cadre.national_id)

    def get_passport_number(self, cadre) -> str:
        return mask_identifier(cadre.passport_number)


class CadreDetailOutput(CadreOutput):
    languages = LanguageSkillOutput(many=True, read_only=True)

    class Meta(CadreOutput.Meta):
        fields = [*CadreOutput.Meta.fields, "languages"]


class CadreInput(serializers.ModelSerializer):
    version = BoundedIntegerField(required=False)

    class Meta:
        model = Cadre
        fields = [
            "full_name",
            "gender",
            "date_of_birth",
            "ethnicity",
            "hometown",
            "national_id",
            "passport_number",
            "agency",
            "position_title",
            "position_level",
            "work_field",
            "management_category",
            "uses_foreign_language",
            "party_joined_on",
            "degree",
            "political_theory",
            "version",
        ]
        extra_kwargs = {"national_id": {"validators": []}}

    def validate_national_id(self, value: str) -> str:
        return validators.validate_national_id(value)
