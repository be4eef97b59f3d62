"""Integers bounded at the edge: a value no column can hold is a 400 or a 404, never a 500.

Every integer a request carries (filter, serializer field, form field, model-choice key, URL
year) goes through one of these; tests/test_malformed_input.py checks that no unbounded one is left
(filters by name, forms by posting hostile values to every form of every page).
"""

import django_filters
from django import forms
from django.db import models
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


#: The largest key a database integer column holds (SQLite and PostgreSQL ``bigint``).
MAX_KEY = 2**63 - 1


class BoundedFormIntegerField(forms.IntegerField):
    """A form's whole number: bounded unless the caller narrows it further."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_INT)
        super().__init__(**kwargs)


def _key_out_of_range(field: forms.ModelChoiceField, value) -> bool:
    """True for an integer key no column can hold (10^30): looking it up is a 500 on SQLite."""
    model = field.queryset.model
    key = model._meta.get_field(field.to_field_name) if field.to_field_name else model._meta.pk
    if not isinstance(key, models.IntegerField | models.AutoField):
        return False
    try:
        number = int(str(value))
    except ValueError:
        return False  # not a number: Django's own lookup answers "not a valid choice"
    return not -MAX_KEY <= number <= MAX_KEY


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A model choice whose out-of-range key is "not a valid choice", never a database error."""

    def to_python(self, value):
        if value not in self.empty_values and _key_out_of_range(self, value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several model choices, each key bounded as in ``BoundedModelChoiceField``."""

    def _check_values(self, value):
        for pk in value:
            if _key_out_of_range(self, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


def _bounded_formfield(model_field, **kwargs):
    if isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", BoundedModelChoiceField)
    elif isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", BoundedModelMultipleChoiceField)
    return model_field.formfield(**kwargs)


class BoundedModelForm(forms.ModelForm):
    """A model form whose generated foreign-key and many-to-many fields are bounded.

    Django reads ``formfield_callback`` from each form's own ``Meta``; a subclass's ``Meta`` gets
    it here, before the metaclass builds the fields.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(_bounded_formfield)


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
