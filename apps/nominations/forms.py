"""Forms of nominations."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NominateForm(forms.Form):
    confirm_warnings = forms.BooleanField(
        label=_("I have read the warnings and confirm the nomination"), required=False
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=4000)


class DecisionForm(ReasonForm):
    decision = forms.ChoiceField(
        choices=[
            ("approved", _("Approve")),
            ("rejected", _("Reject")),
            ("waitlisted", _("Waitlist")),
        ]
    )


class GateForm(forms.Form):
    score = forms.DecimalField(label=_("Exit test score"), max_digits=5, decimal_places=2)
