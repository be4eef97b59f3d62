"""One filterset per list: the page, its export and the API share it."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.bounds import YearFilter
from apps.programme.models import ContentGroup, TrainingForm

from .choices import CourseStatus, Modality
from .models import Course

SELECT = {"class": "form-select form-select-sm"}
SEARCH = forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search"})


class CourseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=SEARCH)
    year = YearFilter(
        label=_("Year"),
        field_name="start__year",
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )
    form = django_filters.ModelChoiceFilter(
        label=_("Form"), queryset=TrainingForm.objects.all(), widget=forms.Select(attrs=SELECT)
    )
    content_group = django_filters.ModelChoiceFilter(
        label=_("Content group"),
        queryset=ContentGroup.objects.all(),
        widget=forms.Select(attrs=SELECT),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CourseStatus.choices, widget=forms.Select(attrs=SELECT)
    )
    modality = django_filters.ChoiceFilter(
        label=_("Modality"), choices=Modality.choices, widget=forms.Select(attrs=SELECT)
    )
    organiser = django_filters.ChoiceFilter(
        label=_("Organiser"),
        choices=[("steering", _("Steering Committee")), ("agency", _("Decentralised agency"))],
        method="filter_organiser",
        widget=forms.Select(attrs=SELECT),
    )

    class Meta:
        model = Course
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, filter_ in self.filters.items():
            if name not in ("q", "year"):
                filter_.extra["empty_label"] = _("All")

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return (
            queryset.filter(title__icontains=value)
            | queryset.filter(code__icontains=value)
            | queryset.filter(countries__icontains=value)
        )

    def filter_organiser(self, queryset, name, value):
        return queryset.filter(organiser__isnull=(value == "steering"))
