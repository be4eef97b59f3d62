"""Serializer fields shared by the apps' APIs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .workflow import available_transitions


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class AvailableTransitionsField(serializers.Field):
    """The statuses the requesting user may move the object to next (the workflow's table,
    the same answer the pages give)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        user = self.context["request"].user
        return [step.target for step in available_transitions(value, user)]
