"""Forms of the programme settings: field types and widgets; the services validate the rules."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core.bounds import BoundedFormIntegerField, BoundedModelMultipleChoiceField

from .models import (
    ContentGroup,
    Phase,
    PositionLevel,
    RuleSetting,
    Severity,
    TrainingForm,
    WorkField,
)
from .services import LANGUAGE_LEVELS

DATE_INPUT_FORMATS = ["%d/%m/%Y"]


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class CheckboxList(forms.CheckboxSelectMultiple):
    """Bootstrap's form-check markup for each option."""

    template_name = "programme/widgets/checkbox_select.html"


def _text(model, name: str, **kwargs) -> forms.CharField:
    field = model._meta.get_field(name)
    return forms.CharField(
        label=capfirst(field.verbose_name),
        max_length=field.max_length,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        **kwargs,
    )


def _date(model, name: str) -> forms.DateField:
    return forms.DateField(
        label=_label(model, name),
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("Date format dd/mm/yyyy."),
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"class": "form-control", "placeholder": "dd/mm/yyyy"}
        ),
    )


def _count(model, name: str, **kwargs) -> BoundedFormIntegerField:
    return BoundedFormIntegerField(
        label=_label(model, name),
        min_value=0,
        widget=forms.NumberInput(attrs={"class": "form-control", "min": 0}),
        **kwargs,
    )


class PhaseForm(forms.Form):
    """A phase with one annual-target field per training form (``target_<CODE>``)."""

    code = _text(Phase, "code")
    name = _text(Phase, "name")
    start = _date(Phase, "start")
    end = _date(Phase, "end")

    def __init__(self, *args, training_forms, phase: Phase | None = None, **kwargs):
        if phase is not None:
            targets = {t.form_id: t.places for t in phase.targets.all()}
            kwargs.setdefault(
                "initial",
                {
                    "name": phase.name,
                    "start": phase.start,
                    "end": phase.end,
                    **{f"target_{f.code}": targets.get(f.pk, 0) for f in training_forms},
                },
            )
        super().__init__(*args, **kwargs)
        if phase is not None:
            del self.fields["code"]
        self.target_codes = [form.code for form in training_forms]
        for form in training_forms:
            self.fields[f"target_{form.code}"] = BoundedFormIntegerField(
                label=_("Places per year: %(form)s") % {"form": form.name},
                min_value=0,
                widget=forms.NumberInput(attrs={"class": "form-control", "min": 0}),
            )

    def targets(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"target_{code}"] for code in self.target_codes}


class TrainingFormForm(forms.Form):
    name = _text(TrainingForm, "name")
    typical_days = _count(TrainingForm, "typical_days", required=False)
    delegation_min = _count(TrainingForm, "delegation_min", required=False)
    delegation_max = _count(TrainingForm, "delegation_max", required=False)
    taught_in_foreign_language = forms.BooleanField(
        label=_label(TrainingForm, "taught_in_foreign_language"), required=False
    )
    min_language_level = forms.ChoiceField(
        label=_label(TrainingForm, "min_language_level"),
        choices=[("", "—"), *((level, level) for level in LANGUAGE_LEVELS)],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    eligible_levels = BoundedModelMultipleChoiceField(
        label=_label(TrainingForm, "eligible_levels"),
        queryset=PositionLevel.objects.order_by("rank"),
        required=False,
        widget=CheckboxList,
    )
    eligibility_note = forms.CharField(
        label=_label(TrainingForm, "eligibility_note"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )
    gate = _text(TrainingForm, "gate", required=False)

    def __init__(self, *args, training_form: TrainingForm, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                **{name: getattr(training_form, name) for name in self.base_fields},
                "eligible_levels": list(training_form.eligible_levels.all()),
            },
        )
        super().__init__(*args, **kwargs)


class NameForm(forms.Form):
    """Rename a content group or a position level."""

    name = forms.CharField(
        label=_label(ContentGroup, "name"),
        max_length=255,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class PositionLevelForm(NameForm):
    short_name = forms.CharField(
        label=_label(PositionLevel, "short_name"),
        max_length=64,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class WorkFieldForm(forms.Form):
    code = _text(WorkField, "code")
    name = _text(WorkField, "name")


class RuleSettingForm(forms.Form):
    """Only the parts a rule has: a value, a severity, or both."""

    value = forms.DecimalField(
        label=_label(RuleSetting, "value"),
        max_digits=12,
        decimal_places=4,
        widget=forms.NumberInput(attrs={"class": "form-control", "step": "any"}),
    )
    severity = forms.ChoiceField(
        label=_label(RuleSetting, "severity"),
        choices=Severity.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, setting: RuleSetting, **kwargs):
        value = setting.value
        # 2.0000 reads as 2 in the form; format "f" avoids the exponent of normalize() (1E+1).
        shown = format(value.normalize(), "f") if value is not None else None
        kwargs.setdefault("initial", {"value": shown, "severity": setting.severity})
        super().__init__(*args, **kwargs)
        if setting.value is None:
            del self.fields["value"]
        if not setting.severity:
            del self.fields["severity"]
