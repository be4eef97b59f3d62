"""Filtersets of the registries: the page and the API share them."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Expert, Partner

SEARCH = forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search"})
COUNTRY = forms.TextInput(attrs={"class": "form-control form-control-sm"})


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=SEARCH)
    country = django_filters.CharFilter(label=_("Country"), lookup_expr="icontains", widget=COUNTRY)

    class Meta:
        model = Partner
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(name__icontains=value) if value else queryset


class ExpertFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=SEARCH)
    country = django_filters.CharFilter(label=_("Country"), lookup_expr="icontains", widget=COUNTRY)

    class Meta:
        model = Expert
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(full_name__icontains=value) | queryset.filter(
            expertise__icontains=value
        )
