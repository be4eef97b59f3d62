"""Forms of the cadre registry; the agency choice is limited to the user's scope."""

from django import forms

from apps.agencies.selectors import agency_choices
from apps.core.bounds import BoundedFormIntegerField, BoundedModelForm
from apps.core.widgets import FastSelect

from .filtersets import AgencyChoiceField
from .models import Cadre, LanguageSkill, PositionHistory, TrainingRecord
from .validators import validate_national_id

DATE_WIDGET = {"class": "form-control", "placeholder": "dd/mm/yyyy"}


def _bootstrap(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


class DateField(forms.DateField):
    widget = forms.DateInput(format="%d/%m/%Y", attrs=DATE_WIDGET)


class CadreForm(BoundedModelForm):
    version = BoundedFormIntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Cadre
        fields = [
            "full_name",
            "other_names",
            "gender",
            "date_of_birth",
            "place_of_birth",
            "hometown",
            "ethnicity",
            "religion",
            "national_id",
            "dossier_code",
            "passport_number",
            "passport_expiry",
            "agency",
            "position_title",
            "appointed_on",
            "position_level",
            "management_category",
            "work_field",
            "party_position",
            "concurrent_positions",
            "planned_for",
            "uses_foreign_language",
            "party_joined_on",
            "party_official_on",
            "education",
            "degree",
            "academic_title",
            "political_theory",
            "state_management",
            "foreign_ties",
            "retirement_override",
        ]
        field_classes = {
            "date_of_birth": DateField,
            "passport_expiry": DateField,
            "appointed_on": DateField,
            "party_joined_on": DateField,
            "party_official_on": DateField,
            "retirement_override": DateField,
            "agency": AgencyChoiceField,
        }
        widgets = {"foreign_ties": forms.Textarea(attrs={"rows": 2}), "agency": FastSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only users who may change cadres reach this form, so their visible agencies are
        # exactly those they may assign (the whole tree, or an officer's own subtree).
        self.fields["agency"].queryset = agency_choices(fetched_by=user)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        _bootstrap(self)

    def clean_national_id(self):
        return validate_national_id(self.cleaned_data["national_id"])

    def validate_unique(self):
        """The citizen ID's uniqueness is checked by the service, which does not confirm a
        record of another agency (Django's own message would)."""
        exclude = self._get_validation_exclusions()
        exclude.add("national_id")
        try:
            self.instance.validate_unique(exclude=exclude)
        except forms.ValidationError as error:
            self._update_errors(error)


class PositionForm(BoundedModelForm):
    class Meta:
        model = PositionHistory
        fields = ["start", "end", "agency", "unit", "position_title", "position_level"]
        field_classes = {"start": DateField, "end": DateField, "agency": AgencyChoiceField}
        widgets = {"agency": FastSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agency_choices(fetched_by=user, include_merged=True)
        _bootstrap(self)


class LanguageForm(BoundedModelForm):
    class Meta:
        model = LanguageSkill
        fields = ["language", "level", "certificate", "score", "certified_on"]
        field_classes = {"certified_on": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class TrainingRecordForm(forms.ModelForm):
    class Meta:
        model = TrainingRecord
        fields = [
            "course_name",
            "institution",
            "country",
            "start",
            "end",
            "mode",
            "certificate",
            "programme_form",
        ]
        field_classes = {"start": DateField, "end": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)
