"""Forms of the partner and expert registries."""

from django import forms

from apps.cadres.forms import _bootstrap
from apps.core.bounds import BoundedModelForm

from .models import Expert, Partner


class PartnerForm(BoundedModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "short_name",
            "country",
            "city",
            "contact_name",
            "contact_email",
            "contact_phone",
            "fields",
            "content_groups",
            "note",
        ]
        widgets = {
            "content_groups": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)
        self.fields["content_groups"].widget.attrs["class"] = ""


class ExpertForm(BoundedModelForm):
    class Meta:
        model = Expert
        fields = [
            "full_name",
            "title",
            "partner",
            "country",
            "expertise",
            "languages",
            "email",
            "content_groups",
        ]
        widgets = {"content_groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)
        self.fields["content_groups"].widget.attrs["class"] = ""
