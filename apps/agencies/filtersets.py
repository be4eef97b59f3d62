"""Filters of agency lists: the same filterset backs the HTML list and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.bounds import BoundedIntegerFilter
from apps.core.text import normalize_vi

from .choices import AgencyKind
from .models import Agency


class AgencyFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AgencyKind.choices)
    is_central = django_filters.BooleanFilter(
        label=_("Central or local"),
        widget=forms.Select(
            choices=[("", _("All")), ("true", _("Central")), ("false", _("Local"))],
        ),
    )
    parent = BoundedIntegerFilter(label=_("Parent agency"), field_name="parent_id")
    merged = django_filters.BooleanFilter(
        label=_("Show merged agencies"), method="filter_merged", widget=forms.CheckboxInput
    )

    class Meta:
        model = Agency
        fields = ["q", "kind", "is_central", "parent", "merged"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.form.fields.items():
            css = "form-check-input" if name == "merged" else "form-select"
            if name in ("q", "parent"):
                css = "form-control"
            form_field.widget.attrs.setdefault("class", css)

    def filter_search(self, queryset, name, value):
        key = normalize_vi(value)
        return queryset.filter(search_key__contains=key) if key else queryset

    def filter_merged(self, queryset, name, value):
        # Merged agencies are hidden unless asked for: the tree shows today's bodies.
        return queryset if value else queryset.filter(successor__isnull=True)
