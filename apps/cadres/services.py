"""Writes to the cadre registry. Each takes the acting user, refuses one the policy does not let
act on the record, and runs in one transaction."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.core.text import normalize_vi
from apps.programme import settings_registry
from apps.programme.models import RuleSetting

from .models import Cadre, LanguageSkill, PositionHistory, TrainingRecord
from .permissions import ADD_CADRE, CHANGE_CADRE
from .retirement import expected_retirement
from .validators import validate_date_of_birth


class StaleVersionError(ValidationError):
    """Someone else saved the record after this user opened it."""


def _require_change(actor: User, cadre: Cadre) -> None:
    require(actor, CHANGE_CADRE, cadre, message=_("You may not change this cadre's record."))


def retirement_roadmap() -> dict:
    return settings_registry.get("retirement_age")


def cadre_fill_derived(cadre: Cadre, *, roadmap: dict | None = None) -> Cadre:
    """Compute the stored derived fields: search key and expected retirement date."""
    cadre.search_key = normalize_vi(cadre.full_name)[:255]
    if cadre.retirement_override:
        cadre.expected_retirement = cadre.retirement_override
    elif cadre.date_of_birth and cadre.gender:
        cadre.expected_retirement = expected_retirement(
            cadre.date_of_birth, cadre.gender, roadmap or retirement_roadmap()
        )
    return cadre


def language_use_record(cadre: Cadre, *, actor: User | None, was: bool) -> None:
    """Record who confirmed, for the agency, that the cadre uses a foreign language regularly at
    work, and when (R3 shows it beside its result); cleared when the flag is turned off."""
    if cadre.uses_foreign_language and not was:
        cadre.language_use_confirmed_by = actor
        cadre.language_use_confirmed_at = timezone.now()
    elif not cadre.uses_foreign_language:
        cadre.language_use_confirmed_by = None
        cadre.language_use_confirmed_at = None


def cadres_recompute_retirement(roadmap: dict | None = None) -> int:
    """Recompute the stored expected retirement date of every cadre without an override (after
    the roadmap setting changed). The date depends only on gender and birth month, so one update
    per (gender, birth month). Returns the number of cadres updated."""
    roadmap = roadmap or retirement_roadmap()
    computed = Cadre.objects.filter(retirement_override__isnull=True, date_of_birth__isnull=False)
    groups = (
        computed.exclude(gender="")
        .annotate(born_year=ExtractYear("date_of_birth"), born_month=ExtractMonth("date_of_birth"))
        .values_list("gender", "born_year", "born_month")
        .distinct()
    )
    updated = 0
    for gender, year, month in list(groups):
        retires = expected_retirement(datetime.date(year, month, 1), gender, roadmap)
        updated += (
            computed.filter(gender=gender, date_of_birth__year=year, date_of_birth__month=month)
            .exclude(expected_retirement=retires)
            .update(expected_retirement=retires)
        )
    return updated


def on_rule_setting_saved(sender, instance: RuleSetting, **kwargs) -> None:
    """post_save receiver (connected in CadresConfig.ready): the stored expected retirement
    dates follow the retirement-age roadmap setting."""
    if instance.code == "retirement_age" and instance.params:
        cadres_recompute_retirement(instance.params)


def _validate_fields(cadre: Cadre) -> None:
    """The field rules shared with the import (apps.cadres.validators), before anything derived
    is computed from the values."""
    if cadre.date_of_birth:
        try:
            validate_date_of_birth(cadre.date_of_birth)
        except ValidationError as error:
            raise ValidationError({"date_of_birth": error}) from error


def _check_unique_identifiers(cadre: Cadre, *, actor: User) -> None:
    """Refuse a citizen ID already in the registry without confirming a record the actor
    cannot see: only a clash inside the actor's scope is named."""
    clash = Cadre.objects.filter(national_id=cadre.national_id).exclude(pk=cadre.pk)
    if not clash.exists():
        return
    if Cadre.objects.restrict(actor).filter(pk__in=clash.values("pk")).exists():
        raise ValidationError(
            {
                "national_id": _("Another cadre already has the citizen ID number %(value)s.")
                % {"value": cadre.national_id}
            }
        )
    raise ValidationError(
        {
            "national_id": _(
                "This citizen ID number cannot be registered from your account. Check it; if "
                "it is right, ask the steering committee."
            )
        }
    )


def _check_unique_dossier_code(cadre: Cadre, *, actor: User) -> None:
    """Mã định danh hồ sơ: optional, one cadre per code; like the citizen ID, a clash is named
    only inside the actor's scope (before full_clean's own message)."""
    if not cadre.dossier_code:
        return
    clash = Cadre.objects.filter(dossier_code=cadre.dossier_code).exclude(pk=cadre.pk)
    if not clash.exists():
        return
    if Cadre.objects.restrict(actor).filter(pk__in=clash.values("pk")).exists():
        message = _("Another cadre already has the dossier code %(value)s.") % {
            "value": cadre.dossier_code
        }
    else:
        message = _(
            "This dossier code cannot be registered from your account. Check it; if it is "
            "right, ask the steering committee."
        )
    raise ValidationError({"dossier_code": message})


@transaction.atomic
def cadre_create(*, actor: User, **fields: Any) -> Cadre:
    require(
        actor,
        ADD_CADRE,
        fields.get("agency"),
        message=_("You may not add a cadre to this agency."),
    )
    cadre = Cadre(**fields)
    _validate_fields(cadre)
    cadre_fill_derived(cadre)
    language_use_record(cadre, actor=actor, was=False)
    _check_unique_identifiers(cadre, actor=actor)  # before full_clean's own uniqueness message
    _check_unique_dossier_code(cadre, actor=actor)
    cadre.full_clean(exclude=["search_key"])
    cadre._history_user = actor  # recorded in the history even outside a request
    cadre.save()
    audit_record(actor=actor, action="cadres.create", obj=cadre)
    return cadre


@transaction.atomic
def cadre_update(*, actor: User, cadre: Cadre, version: int, **fields: Any) -> Cadre:
    """Save changes unless the record changed since ``version`` was read (no lost updates)."""
    _require_change(actor, cadre)
    if "agency" in fields:
        require(
            actor,
            ADD_CADRE,
            fields["agency"],
            message=_("You may not move a cadre to this agency."),
        )
    current = Cadre.objects.select_for_update().get(pk=cadre.pk)
    if current.version != version:
        last = current.history.select_related("history_user").first()
        who = last.history_user if last and last.history_user else _("another user")
        raise StaleVersionError(
            _(
                "This record was changed by %(who)s at %(when)s after you opened it. "
                "Nothing was saved: reload the page to see their changes, then edit again."
            )
            % {"who": who, "when": current.updated_at.strftime("%d/%m/%Y %H:%M")}
        )
    was_using_language = current.uses_foreign_language
    for name, value in fields.items():
        setattr(current, name, value)
    _validate_fields(current)
    cadre_fill_derived(current)
    language_use_record(current, actor=actor, was=was_using_language)
    _check_unique_identifiers(current, actor=actor)  # before full_clean's own uniqueness message
    _check_unique_dossier_code(current, actor=actor)
    current.full_clean(exclude=["search_key"])
    current.version += 1
    current._history_user = actor
    current.save()
    return current


@transaction.atomic
def position_add(*, actor: User, cadre: Cadre, **fields: Any) -> PositionHistory:
    _require_change(actor, cadre)
    position = PositionHistory(cadre=cadre, **fields)
    position.full_clean()
    if position.end is None and cadre.positions.filter(end__isnull=True).exists():
        raise ValidationError(
            {
                "end": _(
                    "The cadre already has a current position; give the earlier one an end date."
                )
            }
        )
    position.save()
    audit_record(actor=actor, action="cadres.position_add", obj=cadre, detail={"id": position.pk})
    return position


@transaction.atomic
def position_delete(*, actor: User, position: PositionHistory) -> None:
    cadre = position.cadre
    _require_change(actor, cadre)
    detail = {"position": str(position)}
    position.delete()
    audit_record(actor=actor, action="cadres.position_delete", obj=cadre, detail=detail)


def _require_by_hand(record: TrainingRecord) -> None:
    if record.programme_course_code:
        raise ValidationError(
            _("This line was filled by course %(code)s of the programme and follows it.")
            % {"code": record.programme_course_code}
        )


@transaction.atomic
def training_add(*, actor: User, cadre: Cadre, **fields: Any) -> TrainingRecord:
    """Add a line of the cadre's training history (quá trình đào tạo, bồi dưỡng)."""
    _require_change(actor, cadre)
    record = TrainingRecord(cadre=cadre, **fields)
    record.full_clean()
    record._history_user = actor
    record.save()
    audit_record(actor=actor, action="cadres.training_add", obj=cadre, detail={"id": record.pk})
    return record


@transaction.atomic
def training_update(*, actor: User, record: TrainingRecord, **fields: Any) -> TrainingRecord:
    _require_change(actor, record.cadre)
    _require_by_hand(record)
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record._history_user = actor
    record.save()
    audit_record(
        actor=actor, action="cadres.training_update", obj=record.cadre, detail={"id": record.pk}
    )
    return record


@transaction.atomic
def training_delete(*, actor: User, record: TrainingRecord) -> None:
    cadre = record.cadre
    _require_change(actor, cadre)
    _require_by_hand(record)
    detail = {"training": str(record)}
    record.delete()
    audit_record(actor=actor, action="cadres.training_delete", obj=cadre, detail=detail)


def training_from_programme(
    *, actor: User | None, cadre: Cadre, course_code: str, **fields: Any
) -> TrainingRecord:
    """The line a completed course of this programme adds to the cadre's training history,
    once per course (a second call returns the same line)."""
    record = TrainingRecord.objects.filter(cadre=cadre, programme_course_code=course_code).first()
    if record is not None:
        return record
    record = TrainingRecord(cadre=cadre, programme_course_code=course_code, **fields)
    record.full_clean()
    record._history_user = actor
    record.save()
    return record


@transaction.atomic
def language_set(*, actor: User, cadre: Cadre, language: str, **fields: Any) -> LanguageSkill:
    _require_change(actor, cadre)
    skill = cadre.languages.filter(language=language).first() or LanguageSkill(
        cadre=cadre, language=language
    )
    for name, value in fields.items():
        setattr(skill, name, value)
    skill.full_clean(validate_unique=False)
    skill.save()
    audit_record(
        actor=actor, action="cadres.language_set", obj=cadre, detail={"language": language}
    )
    return skill


@transaction.atomic
def language_delete(*, actor: User, skill: LanguageSkill) -> None:
    cadre = skill.cadre
    _require_change(actor, cadre)
    detail = {"language": skill.language}
    skill.delete()
    audit_record(actor=actor, action="cadres.language_delete", obj=cadre, detail=detail)
