"""The nomination list filters: the page, its export and the API share them."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.text import normalize_vi
from apps.courses.models import Course

from .choices import NominationStatus, Outcome
from .models import Nomination

SELECT = {"class": "form-select form-select-sm"}


class NominationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search"}),
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=Course.objects.none(), widget=forms.Select(attrs=SELECT)
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=NominationStatus.choices, widget=forms.Select(attrs=SELECT)
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Eligibility"), choices=Outcome.choices, widget=forms.Select(attrs=SELECT)
    )
    overridden = django_filters.BooleanFilter(
        label=_("Override"),
        field_name="override_by",
        lookup_expr="isnull",
        exclude=True,
        widget=forms.Select(
            attrs=SELECT, choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )

    class Meta:
        model = Nomination
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None else getattr(self.request, "user", None)
        self.filters["course"].queryset = Course.objects.restrict(self.user).order_by("-start")
        for name in ("course", "status", "outcome"):
            self.filters[name].extra["empty_label"] = _("All")

    def filter_search(self, queryset, name, value):
        key = normalize_vi(value)
        return queryset.filter(cadre__search_key__contains=key) if key else queryset
