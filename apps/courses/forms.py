"""Forms of the course domain; organiser choices are limited to the user's scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.agencies.selectors import agency_choices
from apps.cadres.choices import Language, LanguageLevel
from apps.cadres.filtersets import AgencyChoiceField
from apps.cadres.forms import DateField, _bootstrap
from apps.core.bounds import BoundedModelChoiceField, BoundedModelForm
from apps.core.permissions import may
from apps.core.widgets import FastSelect
from apps.planning.models import PlannedCourse, PlanStatus

from .choices import CourseStatus
from .models import AgendaItem, Course, CoursePhase
from .permissions import ORGANISE_OWN_COURSES


class PlannedCourseField(BoundedModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return (
            f"{obj.plan.year} · {obj.form.name} · {obj.get_quarter_display()} · {obj.topic}"
            f" ({obj.capacity})"
        )


class CourseForm(BoundedModelForm):
    start = DateField(label=_("start"))
    end = DateField(label=_("end"))
    organiser = AgencyChoiceField(
        label=_("organiser"),
        queryset=None,
        required=False,
        widget=FastSelect,
        empty_label=_("Steering Committee"),
        help_text=_("Empty: the Steering Committee; otherwise the decentralised agency."),
    )
    language = forms.ChoiceField(
        label=_("language of instruction"),
        choices=[("", "—"), *Language.choices],
        required=False,
    )
    min_language_level = forms.ChoiceField(
        label=_("minimum language level"),
        choices=[("", _("The form's own")), *LanguageLevel.choices],
        required=False,
    )
    planned_course = PlannedCourseField(
        label=_("planned course"),
        queryset=None,
        required=False,
        empty_label=_("None (a course outside the plan)"),
        help_text=_("The course of the approved annual plan this course carries out, if any."),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "form",
            "content_group",
            "countries",
            "partner",
            "start",
            "end",
            "modality",
            "capacity",
            "language",
            "min_language_level",
            "organiser",
            "planned_course",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = agency_choices(fetched_by=user)
        self.fields["planned_course"].queryset = (
            PlannedCourse.objects.filter(plan__status=PlanStatus.APPROVED)
            .select_related("plan", "form")
            .order_by("-plan__year", "form_id", "quarter", "pk")
        )
        if user is not None and may(user, ORGANISE_OWN_COURSES):
            self.fields["organiser"].required = True
            self.fields["organiser"].empty_label = None
        _bootstrap(self)


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=CourseStatus.choices)
    reason = forms.CharField(required=False, max_length=2000)


class AgendaItemForm(BoundedModelForm):
    date = DateField(label=_("date"))

    class Meta:
        model = AgendaItem
        fields = [
            "kind",
            "date",
            "start_time",
            "end_time",
            "title",
            "place",
            "host_type",
            "host",
            "expert",
            "content_group",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"placeholder": "08:30"}),
            "end_time": forms.TimeInput(attrs={"placeholder": "11:30"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class PhaseForm(BoundedModelForm):
    start = DateField(label=_("start"))
    end = DateField(label=_("end"))

    class Meta:
        model = CoursePhase
        fields = ["start", "end", "place"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bootstrap(self)
