"""Planning forms: they validate what was typed; rules live in the services."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from apps.agencies.models import Agency
from apps.cadres.forms import DateField
from apps.cadres.models import Cadre
from apps.core.bounds import (
    BoundedFormIntegerField,
    BoundedModelChoiceField,
    BoundedModelForm,
    BoundedModelMultipleChoiceField,
)
from apps.core.widgets import picker_attrs
from apps.programme.models import ContentGroup, TrainingForm

from .models import NeedsCall, PlannedCourse


class FastSelectMultiple(forms.SelectMultiple):
    """A multiple select rendered in Python: a ministry lists thousands of cadres, and Django
    renders each option through a template (see ``apps.core.widgets.FastSelect``)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in value or []}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select multiple{}>{}</select>", flatatt(final_attrs), options)


def candidate_label(cadre: Cadre) -> str:
    return f"{cadre.full_name} — {cadre.position_title}, {cadre.agency.name}"


PLACES_ERRORS = {
    "invalid": _("Enter a whole number of places."),
    "min_value": _("The number of places cannot be negative."),
}


def places_field(label: str, **kwargs) -> BoundedFormIntegerField:
    return BoundedFormIntegerField(
        label=label,
        min_value=0,
        required=False,
        error_messages=PLACES_ERRORS,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "min": 0}),
        **kwargs,
    )


class NeedsCallForm(BoundedModelForm):
    class Meta:
        model = NeedsCall
        fields = ["year", "deadline", "note"]
        field_classes = {"deadline": DateField}
        widgets = {
            "year": forms.NumberInput(attrs={"class": "form-control"}),
            "note": forms.Textarea(attrs={"class": "form-control", "rows": 3}),
        }


class RegistrationForm(forms.Form):
    """Places per form × content group, plus topics, countries, reasons and named candidates."""

    topics = forms.CharField(
        label=_("Topics"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )
    preferred_countries = forms.CharField(
        label=_("Preferred countries"),
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    candidates = BoundedModelMultipleChoiceField(
        label=_("Named candidates (optional)"),
        queryset=Cadre.objects.none(),
        required=False,
        widget=FastSelectMultiple(
            attrs={
                "class": "form-select",
                "size": 6,
                **picker_attrs(_("Type a name, a position or a unit to search")),
            }
        ),
    )

    #: The registration's version when the form was opened (-1: none existed yet). A POST
    #: without it counts as -1, so it can never overwrite a registration it did not see.
    version = BoundedFormIntegerField(min_value=-1, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, agency, registration=None, **kwargs):
        initial = {"version": -1}
        self.training_forms = list(TrainingForm.objects.order_by("pk"))
        self.groups = list(ContentGroup.objects.order_by("code"))
        if registration is not None:
            initial = {
                "version": registration.version,
                "topics": registration.topics,
                "preferred_countries": registration.preferred_countries,
                "justification": registration.justification,
                "candidates": list(registration.candidates.values_list("pk", flat=True)),
            }
            for line in registration.lines.all():
                initial[self.key(line.form_id, line.content_group_id)] = line.places
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["candidates"].queryset = (
            Cadre.objects.filter(agency__path__startswith=agency.path)
            .select_related("agency")
            .order_by("search_key")
        )
        # Among thousands of names, the position and unit tell namesakes apart in the picker.
        self.fields["candidates"].label_from_instance = candidate_label
        for form in self.training_forms:
            for group in self.groups:
                self.fields[self.key(form.pk, group.pk)] = places_field(f"{form} × {group}")

    def clean_version(self) -> int:
        version = self.cleaned_data.get("version")
        return -1 if version is None else version

    @staticmethod
    def key(form_id: int, group_id: int) -> str:
        return f"places_{form_id}_{group_id}"

    def grid(self):
        """Rows of the places table: (group, [bound field per form])."""
        return [
            (group, [self[self.key(form.pk, group.pk)] for form in self.training_forms])
            for group in self.groups
        ]

    def places(self) -> dict[tuple[int, int], int]:
        return {
            (form.pk, group.pk): self.cleaned_data.get(self.key(form.pk, group.pk)) or 0
            for form in self.training_forms
            for group in self.groups
        }


class AgencyPickForm(forms.Form):
    agency = BoundedModelChoiceField(
        label=_("Agency"), queryset=None, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active().filter(depth=0)


class ReopenForm(forms.Form):
    until = DateField(label=_("Reopen until"))


class PlanCreateForm(forms.Form):
    year = BoundedFormIntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )


class PlannedCourseForm(BoundedModelForm):
    class Meta:
        model = PlannedCourse
        fields = [
            "form",
            "content_group",
            "topic",
            "country",
            "quarter",
            "capacity",
            "estimated_cost",
        ]
        widgets = {
            "form": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "content_group": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "topic": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "country": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "quarter": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "capacity": forms.NumberInput(
                attrs={"class": "form-control form-control-sm", "min": 1}
            ),
            "estimated_cost": forms.NumberInput(
                attrs={"class": "form-control form-control-sm", "min": 0, "step": 1000000}
            ),
        }
        error_messages = {
            "capacity": {"invalid": _("Enter a whole number of places.")},
        }


class QuotaMoveForm(forms.Form):
    form = BoundedModelChoiceField(
        label=_("Form"),
        queryset=TrainingForm.objects.order_by("pk"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    from_agency = BoundedModelChoiceField(
        label=_("From"),
        queryset=None,
        required=False,
        empty_label=_("The pool"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    to_agency = BoundedModelChoiceField(
        label=_("To"),
        queryset=None,
        required=False,
        empty_label=_("The pool"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    places = places_field(_("Places"))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"class": "form-control", "rows": 2})
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_agency"].queryset = agencies
        self.fields["to_agency"].queryset = agencies
        self.fields["places"].required = True


class ReleaseForm(forms.Form):
    cut_off = DateField(label=_("Cut-off date"))
