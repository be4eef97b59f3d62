"""Writes to the programme settings, each with its audit entry in the same transaction.

Every service takes the acting user and refuses one the policy does not let change the settings,
validates (errors as a dict: field → message), saves with the actor as history user and records
"programme.update" (or "programme.create") with before and after.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require

from . import settings_registry
from .models import (
    AnnualTarget,
    ContentGroup,
    Phase,
    PositionLevel,
    RuleSetting,
    Severity,
    TrainingForm,
    WorkField,
)
from .permissions import CHANGE_SETTINGS


def _require_changer(actor: User) -> None:
    require(
        actor,
        CHANGE_SETTINGS,
        message=_("Only a steering admin may change the programme settings."),
    )


#: Rule settings whose value is a score between 0 and 1 rather than a count.
FRACTION_RULES = frozenset({"match_threshold"})


def _snapshot(obj: models.Model, names) -> dict[str, Any]:
    """JSON-ready values of ``names`` for the audit entry."""
    values = {}
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, models.Model):
            value = value.pk
        elif isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        values[name] = value
    return values


def _audit(*, actor: User, obj: models.Model, before: dict, after: dict, action="programme.update"):
    changed = {name for name in after if before.get(name) != after[name]}
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        detail={
            "model": obj._meta.label_lower,
            "before": {name: before.get(name) for name in sorted(changed)},
            "after": {name: after[name] for name in sorted(changed)},
        },
    )


def _save(obj: models.Model, actor: User) -> None:
    obj._history_user = actor
    obj.save()


def _require_text(errors: dict, name: str, value: str) -> None:
    if not (value or "").strip():
        errors[name] = _("This field is required.")


# --- phases and annual targets ---------------------------------------------------------------


def _validate_phase(phase: Phase, targets: dict[str, Any], errors: dict) -> None:
    _require_text(errors, "name", phase.name)
    if phase.start and phase.end and phase.start > phase.end:
        errors["end"] = _("The end (%(end)s) is before the start (%(start)s).") % {
            "end": phase.end.strftime("%d/%m/%Y"),
            "start": phase.start.strftime("%d/%m/%Y"),
        }
    elif phase.start and phase.end:
        clash = (
            Phase.objects.filter(start__lte=phase.end, end__gte=phase.start)
            .exclude(pk=phase.pk)
            .first()
        )
        if clash is not None:
            errors["start"] = _("The dates overlap the phase “%(name)s” (%(start)s – %(end)s).") % {
                "name": clash.name,
                "start": clash.start.strftime("%d/%m/%Y"),
                "end": clash.end.strftime("%d/%m/%Y"),
            }
    known = set(TrainingForm.objects.values_list("code", flat=True))
    for code, places in targets.items():
        if code not in known:
            errors["targets"] = _("There is no training form with the code %(code)s.") % {
                "code": code
            }
        elif isinstance(places, bool) or not isinstance(places, int) or places < 0:
            errors[f"target_{code}"] = _("The annual target must be a whole number, zero or more.")


def _set_targets(phase: Phase, targets: dict[str, int], actor: User) -> None:
    forms = {form.code: form for form in TrainingForm.objects.filter(code__in=targets)}
    existing = {t.form.code: t for t in phase.targets.select_related("form")}
    for code, places in targets.items():
        target = existing.get(code) or AnnualTarget(phase=phase, form=forms[code], places=places)
        if target.pk and target.places == places:
            continue
        target.places = places
        _save(target, actor)


def _targets_of(phase: Phase) -> dict[str, int]:
    return dict(phase.targets.values_list("form__code", "places"))


@transaction.atomic
def phase_create(
    *,
    actor: User,
    code: str,
    name: str,
    start: datetime.date,
    end: datetime.date,
    targets: dict[str, int],
    source: str = "",
) -> Phase:
    _require_changer(actor)
    phase = Phase(code=code, name=name, start=start, end=end, source=source)
    errors: dict[str, str] = {}
    _require_text(errors, "code", code)
    if code and Phase.objects.filter(code=code).exists():
        errors["code"] = _("The code “%(code)s” is already used by another phase.") % {"code": code}
    _validate_phase(phase, targets, errors)
    if errors:
        raise ValidationError(errors)
    _save(phase, actor)
    _set_targets(phase, targets, actor)
    after = {**_snapshot(phase, ["code", "name", "start", "end"]), "targets": targets}
    _audit(actor=actor, obj=phase, before={}, after=after, action="programme.create")
    return phase


@transaction.atomic
def phase_update(
    *,
    actor: User,
    phase: Phase,
    name: str,
    start: datetime.date,
    end: datetime.date,
    targets: dict[str, int],
) -> Phase:
    """Change a phase's name, dates and annual targets per form (form code → places)."""
    _require_changer(actor)
    phase = Phase.objects.select_for_update().get(pk=phase.pk)
    fields = ["name", "start", "end"]
    before = {**_snapshot(phase, fields), "targets": _targets_of(phase)}
    phase.name, phase.start, phase.end = name, start, end
    errors: dict[str, str] = {}
    _validate_phase(phase, targets, errors)
    if errors:
        raise ValidationError(errors)
    _save(phase, actor)
    _set_targets(phase, targets, actor)
    after = {**_snapshot(phase, fields), "targets": _targets_of(phase)}
    _audit(actor=actor, obj=phase, before=before, after=after)
    return phase


# --- training forms --------------------------------------------------------------------------

FORM_FIELDS = (
    "name",
    "typical_days",
    "delegation_min",
    "delegation_max",
    "taught_in_foreign_language",
    "min_language_level",
    "eligibility_note",
    "gate",
)
LANGUAGE_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


@transaction.atomic
def training_form_update(
    *,
    actor: User,
    form: TrainingForm,
    eligible_levels: list[PositionLevel] | None = None,
    **fields: Any,
) -> TrainingForm:
    """Change a form's settings; ``eligible_levels`` replaces the list when given."""
    _require_changer(actor)
    unknown = set(fields) - set(FORM_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    form = TrainingForm.objects.select_for_update().get(pk=form.pk)
    before = {
        **_snapshot(form, fields),
        "eligible_levels": sorted(form.eligible_levels.values_list("code", flat=True)),
    }
    for name, value in fields.items():
        setattr(form, name, value)
    errors: dict[str, str] = {}
    _require_text(errors, "name", form.name)
    for name in ("typical_days", "delegation_min", "delegation_max"):
        value = getattr(form, name)
        if value is not None and value < 0:
            errors[name] = _("The number must be zero or more.")
    if (
        form.delegation_min is not None
        and form.delegation_max is not None
        and form.delegation_min > form.delegation_max
    ):
        errors["delegation_max"] = _(
            "The maximum delegation size (%(max)s) is smaller than the minimum (%(min)s)."
        ) % {"max": form.delegation_max, "min": form.delegation_min}
    if form.min_language_level and form.min_language_level not in LANGUAGE_LEVELS:
        errors["min_language_level"] = _("Choose a CEFR level from A1 to C2.")
    if errors:
        raise ValidationError(errors)
    if eligible_levels is not None:
        # One history record per edit: the save below snapshots the new levels with the fields.
        form.skip_history_when_saving = True
        try:
            form.eligible_levels.set(eligible_levels)
        finally:
            del form.skip_history_when_saving
    _save(form, actor)
    after = {
        **_snapshot(form, fields),
        "eligible_levels": sorted(form.eligible_levels.values_list("code", flat=True)),
    }
    _audit(actor=actor, obj=form, before=before, after=after)
    return form


# --- named lists: content groups, position levels, fields of work ------------------------------


@transaction.atomic
def content_group_update(*, actor: User, group: ContentGroup, name: str) -> ContentGroup:
    _require_changer(actor)
    group = ContentGroup.objects.select_for_update().get(pk=group.pk)
    return _rename(actor=actor, obj=group, name=name)


@transaction.atomic
def position_level_update(
    *, actor: User, level: PositionLevel, name: str, short_name: str | None = None
) -> PositionLevel:
    """Rename a level. Its code and rank are what rules use, so they do not change here."""
    _require_changer(actor)
    level = PositionLevel.objects.select_for_update().get(pk=level.pk)
    extra = {} if short_name is None else {"short_name": short_name.strip()}
    return _rename(actor=actor, obj=level, name=name, **extra)


def _rename(*, actor: User, obj, name: str, **extra: str):
    fields = ["name", *extra]
    before = _snapshot(obj, fields)
    obj.name = name.strip() if name else ""
    for field, value in extra.items():
        setattr(obj, field, value)
    errors: dict[str, str] = {}
    _require_text(errors, "name", obj.name)
    if errors:
        raise ValidationError(errors)
    _save(obj, actor)
    _audit(actor=actor, obj=obj, before=before, after=_snapshot(obj, fields))
    return obj


def _validate_work_field(field: WorkField) -> None:
    errors: dict[str, str] = {}
    _require_text(errors, "code", field.code)
    _require_text(errors, "name", field.name)
    if field.code and WorkField.objects.filter(code=field.code).exclude(pk=field.pk).exists():
        errors["code"] = _("The code “%(code)s” is already used by another field of work.") % {
            "code": field.code
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def work_field_create(*, actor: User, code: str, name: str) -> WorkField:
    _require_changer(actor)
    field = WorkField(code=(code or "").strip(), name=(name or "").strip())
    _validate_work_field(field)
    _save(field, actor)
    _audit(
        actor=actor,
        obj=field,
        before={},
        after=_snapshot(field, ["code", "name"]),
        action="programme.create",
    )
    return field


@transaction.atomic
def work_field_update(
    *, actor: User, field: WorkField, code: str | None = None, name: str | None = None
) -> WorkField:
    _require_changer(actor)
    field = WorkField.objects.select_for_update().get(pk=field.pk)
    before = _snapshot(field, ["code", "name"])
    if code is not None:
        field.code = code.strip()
    if name is not None:
        field.name = name.strip()
    _validate_work_field(field)
    _save(field, actor)
    _audit(actor=actor, obj=field, before=before, after=_snapshot(field, ["code", "name"]))
    return field


# --- rule settings ---------------------------------------------------------------------------


@transaction.atomic
def rule_setting_update(
    *, actor: User, setting: RuleSetting, value: Decimal | None, severity: str
) -> RuleSetting:
    """Change a rule's value and severity. A rule keeps the parts it has: a rule with a value
    needs one, a rule with a severity needs one; a rule without them ignores what is sent."""
    _require_changer(actor)
    setting = RuleSetting.objects.select_for_update().get(pk=setting.pk)
    fields = ["value", "severity"]
    before = _snapshot(setting, fields)
    errors: dict[str, str] = {}
    if setting.value is not None:
        if value is None:
            errors["value"] = _("This rule needs a value.")
        elif value < 0:
            errors["value"] = _("The value must be zero or more.")
        elif setting.code in FRACTION_RULES and value > 1:
            errors["value"] = _("The value must be between 0 and 1.")
        elif (
            settings_registry.SPECS[setting.code].kind is int and value != value.to_integral_value()
        ):
            errors["value"] = _("The value must be a whole number.")
        else:
            setting.value = value
    if setting.severity:
        if severity not in Severity.values:
            errors["severity"] = _("Choose “fail” or “warning”.")
        else:
            setting.severity = severity
    if errors:
        raise ValidationError(errors)
    _save(setting, actor)
    _audit(actor=actor, obj=setting, before=before, after=_snapshot(setting, fields))
    return setting
