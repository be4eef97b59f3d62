"""One filterset backs the cadre list page, its export and the API."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.agencies.models import Agency
from apps.agencies.selectors import agency_choices, agency_choices_cache_key
from apps.core.audit import client_ip
from apps.core.bounds import BoundedModelChoiceField
from apps.core.text import normalize_vi
from apps.core.widgets import CachedOptionsSelect, picker_attrs
from apps.programme.models import PositionLevel, WorkField

from .choices import AgeBand, Gender, Language, LanguageLevel, ManagementCategory
from .identifiers import search_by_identifier
from .models import Cadre, LanguageSkill
from .selectors import birth_date_range_for_age_band

SELECT = {"class": "form-select form-select-sm"}


class AgencyChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj: Agency) -> str:
        return "\u2003" * obj.depth + obj.name


class AgencyFilter(django_filters.ModelChoiceFilter):
    field_class = AgencyChoiceField


def _enough_digits(value: str) -> None:
    """Three digits or fewer of an ID would match thousands: say so instead of ignoring them."""
    key = normalize_vi(value)
    if key.isdigit() and len(key) < 4:
        raise forms.ValidationError(
            _("Type at least 4 digits of the citizen ID, or a name."), code="too_few_digits"
        )


class CadreFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        validators=[_enough_digits],
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-sm",
                "type": "search",
                "placeholder": _("Name, without accents is fine"),
            }
        ),
    )
    agency = AgencyFilter(
        label=_("Agency (with its units)"),
        queryset=Agency.objects.none(),
        method="filter_agency",
        widget=CachedOptionsSelect(
            attrs={**SELECT, **picker_attrs(_("Type part of the agency's name"))}
        ),
    )
    scope = django_filters.ChoiceFilter(
        label=_("Central / local"),
        choices=[("central", _("Central")), ("local", _("Local"))],
        method="filter_scope",
        widget=forms.Select(attrs=SELECT),
    )
    position_level = django_filters.ModelChoiceFilter(
        label=_("Position level"),
        queryset=PositionLevel.objects.all(),
        widget=forms.Select(attrs=SELECT),
    )
    work_field = django_filters.ModelChoiceFilter(
        label=_("Field of work"),
        queryset=WorkField.objects.all(),
        widget=forms.Select(attrs=SELECT),
    )
    gender = django_filters.ChoiceFilter(
        label=_("Gender"), choices=Gender.choices, widget=forms.Select(attrs=SELECT)
    )
    management_category = django_filters.ChoiceFilter(
        label=_("Management category"),
        choices=ManagementCategory.choices,
        widget=forms.Select(attrs=SELECT),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=Language.choices,
        method="filter_language",
        widget=forms.Select(attrs=SELECT),
    )
    language_level = django_filters.ChoiceFilter(
        label=_("Language level at least"),
        choices=LanguageLevel.choices,
        method="filter_language",
        widget=forms.Select(attrs=SELECT),
    )
    age_band = django_filters.ChoiceFilter(
        label=_("Age"),
        choices=AgeBand.choices,
        method="filter_age_band",
        widget=forms.Select(attrs=SELECT),
    )

    class Meta:
        model = Cadre
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None else getattr(self.request, "user", None)
        self.filters["agency"].queryset = agency_choices(fetched_by=self.user, include_merged=True)
        for name, filter_ in self.filters.items():
            if name != "q":
                filter_.extra["empty_label"] = _("All")
        self.form.fields["agency"].widget.cache_key = agency_choices_cache_key(
            fetched_by=self.user, include_merged=True
        )

    def filter_search(self, queryset, name, value):
        key = normalize_vi(value)
        if not key:
            return queryset
        if key.isdigit():
            return search_by_identifier(
                queryset,
                user=self.user,
                digits=key,
                ip_address=client_ip(self.request) if self.request is not None else None,
            )
        return queryset.filter(search_key__contains=key)

    def filter_agency(self, queryset, name, agency):
        return queryset.filter(agency__path__startswith=agency.path)

    def filter_scope(self, queryset, name, value):
        return queryset.filter(agency__is_central=(value == "central"))

    def filter_language(self, queryset, name, value):
        # Both language filters combine into one condition on the same skill row.
        language = self.form.cleaned_data.get("language")
        level = self.form.cleaned_data.get("language_level")
        if name == "language_level" and language:
            return queryset  # handled together with "language"
        skills = LanguageSkill.objects.all()
        if language:
            skills = skills.filter(language=language)
        if level:
            order = [choice.value for choice in LanguageLevel]
            skills = skills.filter(level__in=order[order.index(level) :])
        return queryset.filter(pk__in=skills.values("cadre_id"))

    def filter_age_band(self, queryset, name, value):
        return queryset.filter(**birth_date_range_for_age_band(value, timezone.localdate()))
