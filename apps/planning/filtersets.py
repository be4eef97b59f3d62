"""Filters of the planning lists; the same filterset backs the page and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.bounds import YearFilter
from apps.programme.models import TrainingForm

from .models import NeedsRegistration, Quota

SELECT = {"class": "form-select form-select-sm"}


class QuotaFilter(django_filters.FilterSet):
    year = YearFilter(
        field_name="plan__year",
        label=_("Year"),
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )
    form = django_filters.ModelChoiceFilter(
        label=_("Form"),
        queryset=TrainingForm.objects.order_by("pk"),
        empty_label=_("All"),
        widget=forms.Select(attrs=SELECT),
    )

    class Meta:
        model = Quota
        fields = ["year", "form"]


class RegistrationFilter(django_filters.FilterSet):
    year = YearFilter(field_name="call__year", label=_("Year"))

    class Meta:
        model = NeedsRegistration
        fields = ["year", "agency"]
