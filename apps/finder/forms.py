"""The finder's filters: unit (within the user's scope), level, field, language, planning pool."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.agencies.models import Agency
from apps.cadres.choices import Language
from apps.core.bounds import BoundedModelChoiceField
from apps.programme.models import PositionLevel, WorkField

from .selectors import Filters


class FinderFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or position"), required=False, max_length=100)
    unit = BoundedModelChoiceField(label=_("Unit"), queryset=Agency.objects.none(), required=False)
    level = BoundedModelChoiceField(
        label=_("Position level"), queryset=PositionLevel.objects.all(), required=False
    )
    field = BoundedModelChoiceField(
        label=_("Field of work"), queryset=WorkField.objects.all(), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", "---------"), *Language.choices], required=False
    )
    planning_pool = forms.BooleanField(label=_("In the planning pool only"), required=False)
    show_all = forms.BooleanField(
        label=_("Also show cadres who fail a rule (for an override request)"), required=False
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["level"].label_from_instance = lambda level: level.short_name or level.name
        self.fields["unit"].label_from_instance = lambda unit: f"{'— ' * unit.depth}{unit.name}"
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select form-select-sm"
            elif isinstance(field.widget, forms.TextInput):
                field.widget.attrs["class"] = "form-control form-control-sm"

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(
            unit=data.get("unit"),
            level_id=data["level"].pk if data.get("level") else None,
            field_id=data["field"].pk if data.get("field") else None,
            language=data.get("language", ""),
            planning_pool=data.get("planning_pool", False),
            search=data.get("q", ""),
        )
