"""Integers bounded at the edge: a value no column can hold is a 400 or a 404, never a 500.

Every integer a request carries (filter, serializer field, URL year) goes through one of these;
tests/test_malformed_input.py checks that no unbounded one is left.
"""

import django_filters
from django import forms
from django.urls import register_converter
from rest_framework import serializers

#: The largest PostgreSQL ``integer``; no id, year or count of this system comes near it.
MAX_INT = 2_147_483_647
#: Years the programme can speak of; a four-digit year also keeps date arithmetic in range.
MIN_YEAR, MAX_YEAR = 1900, 2999


class BoundedIntegerFilter(django_filters.NumberFilter):
    """A whole-number filter (no 1e16, no 2.5) between ``min_value`` and ``max_value``."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value: int = 0, max_value: int = MAX_INT, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class YearFilter(BoundedIntegerFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=MIN_YEAR, max_value=MAX_YEAR, **kwargs)


class BoundedIntegerField(serializers.IntegerField):
    """The API's integer input: bounded unless the caller narrows it further."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_INT)
        super().__init__(**kwargs)


class YearConverter:
    """``<year:year>`` in a URL: four digits in MIN_YEAR..MAX_YEAR, anything else is a 404."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(value)
        return year

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


register_converter(YearConverter, "year")
