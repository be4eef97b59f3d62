"""Forms of the documents pages: issuing a drafted decision, an issuer profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.agencies.models import Agency
from apps.cadres.forms import DateField, _bootstrap

from .models import IssuerProfile
from .services import ISSUER_FIELDS


class DecisionIssueForm(forms.Form):
    """The number and date the office took from the issuing body's register."""

    number = forms.IntegerField(
        label=_("Number in the issuing body's register"),
        min_value=1,
        help_text=_("Suggested: the number after the last one used here. Check the register."),
    )
    issued_on = DateField(label=_("Date of issue"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class IssuerProfileForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = IssuerProfile
        fields = ("agency", *ISSUER_FIELDS)
        widgets = {"name_lines": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "name_lines": _("One line each: the superior body first, the issuer itself last."),
            "decider": _("As the decision names it, e.g. BAN TỔ CHỨC TRUNG ƯƠNG."),
            "collective_name": _("Only for a collective body, which signs T/M (on behalf of)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(successor__isnull=True).order_by(
            "path"
        )
        _bootstrap(self)
        if self.instance.pk:
            self.fields["agency"].disabled = True
            self.fields["version"].initial = self.instance.version
