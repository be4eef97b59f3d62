"""Programme settings views: the overview for every registry role, edits for steering admins."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.pages import edit_page
from apps.core.permissions import may, require

from . import selectors, services
from .forms import (
    NameForm,
    PhaseForm,
    PositionLevelForm,
    RuleSettingForm,
    TrainingFormForm,
    WorkFieldForm,
)
from .models import ContentGroup, Phase, PositionLevel, RuleSetting, TrainingForm, WorkField
from .permissions import CHANGE_SETTINGS, VIEW_SETTINGS


def _settings_url(anchor: str) -> str:
    return f"{reverse('programme:settings')}#{anchor}"


def _edit(request, form, *, save, title: str, anchor: str, history=None, extra=None):
    """A setting's edit page; after saving, back to its section of the overview."""
    return edit_page(
        request,
        form,
        save=save,
        title=title,
        template="programme/setting_form.html",
        context={"cancel_url": _settings_url(anchor), "history_url": history, **(extra or {})},
        success_message=_("“%(name)s” was saved."),
        success_url=_settings_url(anchor),
    )


def _history_url(kind: str, obj) -> str:
    return reverse("programme:setting_history", args=[kind, obj.pk])


@require_GET
def settings_overview(request):
    require(request.user, VIEW_SETTINGS)
    return render(
        request,
        "programme/settings.html",
        {
            "overview": selectors.settings_overview(),
            "can_change": may(request.user, CHANGE_SETTINGS),
        },
    )


@require_http_methods(["GET", "POST"])
def phase_create(request):
    require(request.user, CHANGE_SETTINGS)
    training_forms = list(TrainingForm.objects.order_by("pk"))
    form = PhaseForm(request.POST or None, training_forms=training_forms)

    def save(data):
        return services.phase_create(
            actor=request.user,
            code=data["code"],
            name=data["name"],
            start=data["start"],
            end=data["end"],
            targets=form.targets(),
        )

    return _edit(request, form, save=save, title=_("Add a phase"), anchor="phases")


@require_http_methods(["GET", "POST"])
def phase_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    phase = get_object_or_404(Phase, pk=pk)
    training_forms = list(TrainingForm.objects.order_by("pk"))
    form = PhaseForm(request.POST or None, training_forms=training_forms, phase=phase)

    def save(data):
        return services.phase_update(
            actor=request.user,
            phase=phase,
            name=data["name"],
            start=data["start"],
            end=data["end"],
            targets=form.targets(),
        )

    title = _("Edit the phase “%(name)s”") % {"name": phase.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="phases",
        history=_history_url("phase", phase),
    )


@require_http_methods(["GET", "POST"])
def training_form_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    training_form = get_object_or_404(TrainingForm, pk=pk)
    form = TrainingFormForm(request.POST or None, training_form=training_form)

    def save(data):
        fields = {name: value for name, value in data.items() if name != "eligible_levels"}
        return services.training_form_update(
            actor=request.user,
            form=training_form,
            eligible_levels=list(data["eligible_levels"]),
            **fields,
        )

    title = _("Edit the training form “%(name)s”") % {"name": training_form.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="forms",
        history=_history_url("form", training_form),
    )


@require_http_methods(["GET", "POST"])
def content_group_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    group = get_object_or_404(ContentGroup, pk=pk)
    form = NameForm(request.POST or None, initial={"name": group.name})

    def save(data):
        return services.content_group_update(actor=request.user, group=group, name=data["name"])

    title = _("Edit the content group “%(name)s”") % {"name": group.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="content-groups",
        history=_history_url("content-group", group),
    )


@require_http_methods(["GET", "POST"])
def position_level_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    level = get_object_or_404(PositionLevel, pk=pk)
    form = PositionLevelForm(
        request.POST or None, initial={"name": level.name, "short_name": level.short_name}
    )

    def save(data):
        return services.position_level_update(
            actor=request.user, level=level, name=data["name"], short_name=data["short_name"]
        )

    title = _("Edit the position level “%(name)s”") % {"name": level.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="position-levels",
        history=_history_url("position-level", level),
    )


@require_http_methods(["GET", "POST"])
def work_field_create(request):
    require(request.user, CHANGE_SETTINGS)
    form = WorkFieldForm(request.POST or None)

    def save(data):
        return services.work_field_create(actor=request.user, code=data["code"], name=data["name"])

    return _edit(request, form, save=save, title=_("Add a field of work"), anchor="work-fields")


@require_http_methods(["GET", "POST"])
def work_field_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    field = get_object_or_404(WorkField, pk=pk)
    form = WorkFieldForm(request.POST or None, initial={"code": field.code, "name": field.name})

    def save(data):
        return services.work_field_update(
            actor=request.user, field=field, code=data["code"], name=data["name"]
        )

    title = _("Edit the field of work “%(name)s”") % {"name": field.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="work-fields",
        history=_history_url("work-field", field),
    )


@require_http_methods(["GET", "POST"])
def rule_setting_edit(request, pk: int):
    require(request.user, CHANGE_SETTINGS)
    setting = get_object_or_404(RuleSetting, pk=pk)
    form = RuleSettingForm(request.POST or None, setting=setting)

    def save(data):
        return services.rule_setting_update(
            actor=request.user,
            setting=setting,
            value=data.get("value"),
            severity=data.get("severity", ""),
        )

    title = _("Edit the rule setting “%(name)s”") % {"name": setting.name}
    return _edit(
        request,
        form,
        save=save,
        title=title,
        anchor="rules",
        history=_history_url("rule", setting),
        extra={"setting": setting},
    )


@require_GET
def setting_history(request, kind: str, pk: int):
    require(request.user, VIEW_SETTINGS)
    model = selectors.SETTING_MODELS.get(kind)
    if model is None:
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    return render(
        request,
        "programme/setting_history.html",
        {
            "obj": obj,
            "model_name": model._meta.verbose_name,
            "entries": selectors.setting_history(obj),
        },
    )
