"""Forms of the agency UI: type checks and widgets only; the services decide the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.bounds import BoundedModelChoiceField, BoundedModelForm
from apps.core.widgets import FastSelect

from .models import Agency
from .selectors import agency_choices

DATE_INPUT_FORMATS = ["%d/%m/%Y"]


class AgencyChoiceField(BoundedModelChoiceField):
    """An agency picker indented by tree depth."""

    def label_from_instance(self, obj: Agency) -> str:
        return f"{'— ' * obj.depth}{obj.name} ({obj.code})"


class TreeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "type": "search",
                "placeholder": _("Name or code, with or without accents"),
            }
        ),
    )
    merged = forms.BooleanField(
        label=_("Show merged agencies"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )


class AgencyForm(BoundedModelForm):
    """Create or edit an agency; the parent may be neither merged nor inside its own subtree."""

    class Meta:
        model = Agency
        fields = ["code", "name", "short_name", "kind", "parent", "is_active", "note"]
        widgets = {
            "code": forms.TextInput(attrs={"class": "form-control"}),
            "name": forms.TextInput(attrs={"class": "form-control"}),
            "short_name": forms.TextInput(attrs={"class": "form-control"}),
            "kind": forms.Select(attrs={"class": "form-select"}),
            "note": forms.Textarea(attrs={"class": "form-control", "rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        parents = agency_choices(fetched_by=user)
        if self.instance.pk:
            parents = parents.exclude(path__startswith=self.instance.path)
        self.fields["parent"] = AgencyChoiceField(
            queryset=parents,
            required=False,
            label=Agency._meta.get_field("parent").verbose_name,
            help_text=_(
                "Leave empty for a central body or a province. Merged agencies and the "
                "agency's own units cannot be chosen."
            ),
            widget=FastSelect(attrs={"class": "form-select"}),
        )

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class AgencyMergeForm(forms.Form):
    successor = AgencyChoiceField(
        queryset=Agency.objects.none(),
        label=_("Merged into (successor)"),
        widget=FastSelect(attrs={"class": "form-select"}),
    )
    merged_on = forms.DateField(
        label=_("Merged on"),
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("Date format dd/mm/yyyy."),
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"class": "form-control", "placeholder": "dd/mm/yyyy"}
        ),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )

    def __init__(self, *args, user, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = agency_choices(fetched_by=user).exclude(
            path__startswith=agency.path
        )
