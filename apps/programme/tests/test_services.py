import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from apps.core.models import AuditEntry
from apps.programme import services
from apps.programme.models import (
    AnnualTarget,
    ContentGroup,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)
from apps.programme.reference import load_programme

TARGETS = {"SHORT": 300, "MEDIUM": 50, "LANGUAGE": 150}


@pytest.fixture(autouse=True)
def programme_settings(db):
    load_programme()
    with translation.override("en"):
        yield


@pytest.fixture
def phase():
    return Phase.objects.get(code="2026-2030")


def _errors(exc) -> dict:
    return exc.value.message_dict


# --- phases ----------------------------------------------------------------------------------


def test_phase_update_changes_dates_and_targets_and_audits_before_after(steering_admin, phase):
    services.phase_update(
        actor=steering_admin,
        phase=phase,
        name=phase.name,
        start=phase.start,
        end=datetime.date(2031, 12, 31),
        targets={**TARGETS, "SHORT": 320},
    )
    phase.refresh_from_db()
    assert phase.end == datetime.date(2031, 12, 31)
    assert AnnualTarget.objects.get(phase=phase, form__code="SHORT").places == 320
    entry = AuditEntry.objects.get(action="programme.update")
    assert entry.actor == steering_admin
    assert entry.detail["model"] == "programme.phase"
    assert entry.detail["before"] == {
        "end": "2030-12-31",
        "targets": {"SHORT": 300, "MEDIUM": 50, "LANGUAGE": 150},
    }
    assert entry.detail["after"]["targets"]["SHORT"] == 320
    assert phase.history.first().history_user == steering_admin
    target = AnnualTarget.objects.get(phase=phase, form__code="SHORT")
    assert target.history.first().history_user == steering_admin


def test_phase_update_leaves_unchanged_targets_without_new_history(steering_admin, phase):
    services.phase_update(
        actor=steering_admin,
        phase=phase,
        name="Giai đoạn mới",
        start=phase.start,
        end=phase.end,
        targets=TARGETS,
    )
    assert AnnualTarget.history.filter(phase_id=phase.pk).count() == 3


def test_phase_refuses_an_end_before_the_start(steering_admin, phase):
    with pytest.raises(ValidationError, match=r"The end \(01/01/2026\) is before the start") as exc:
        services.phase_update(
            actor=steering_admin,
            phase=phase,
            name=phase.name,
            start=datetime.date(2030, 1, 1),
            end=datetime.date(2026, 1, 1),
            targets=TARGETS,
        )
    assert _errors(exc)["end"] == ["The end (01/01/2026) is before the start (01/01/2030)."]
    assert Phase.objects.get(pk=phase.pk).start == datetime.date(2026, 1, 1)


def test_phase_refuses_overlapping_another_phase(steering_admin, phase):
    with pytest.raises(ValidationError, match="The dates overlap the phase") as exc:
        services.phase_update(
            actor=steering_admin,
            phase=phase,
            name=phase.name,
            start=datetime.date(2025, 6, 1),
            end=phase.end,
            targets=TARGETS,
        )
    assert "overlap" in _errors(exc)["start"][0]
    assert "01/01/2022 – 31/12/2025" in _errors(exc)["start"][0]


@pytest.mark.parametrize("bad", [-1, 2.5, "10", True])
def test_phase_refuses_targets_that_are_not_non_negative_whole_numbers(bad, steering_admin, phase):
    with pytest.raises(ValidationError, match="The annual target must be a whole number") as exc:
        services.phase_update(
            actor=steering_admin,
            phase=phase,
            name=phase.name,
            start=phase.start,
            end=phase.end,
            targets={**TARGETS, "MEDIUM": bad},
        )
    assert _errors(exc)["target_MEDIUM"] == [
        "The annual target must be a whole number, zero or more."
    ]
    assert AnnualTarget.objects.get(phase=phase, form__code="MEDIUM").places == 50
    assert not AuditEntry.objects.exists()


def test_phase_refuses_an_unknown_form(steering_admin, phase):
    with pytest.raises(
        ValidationError, match="There is no training form with the code NOPE"
    ) as exc:
        services.phase_update(
            actor=steering_admin,
            phase=phase,
            name=phase.name,
            start=phase.start,
            end=phase.end,
            targets={"NOPE": 1},
        )
    assert "NOPE" in _errors(exc)["targets"][0]


def test_phase_create_adds_the_phase_and_its_targets(steering_admin):
    phase = services.phase_create(
        actor=steering_admin,
        code="2031-2035",
        name="Giai đoạn 2031-2035",
        start=datetime.date(2031, 1, 1),
        end=datetime.date(2035, 12, 31),
        targets=TARGETS,
    )
    assert dict(phase.targets.values_list("form__code", "places")) == TARGETS
    assert AuditEntry.objects.get(action="programme.create").object_id == str(phase.pk)


def test_phase_create_refuses_a_duplicate_code_and_a_blank_name(steering_admin):
    with pytest.raises(ValidationError, match="This field is required") as exc:
        services.phase_create(
            actor=steering_admin,
            code="2026-2030",
            name=" ",
            start=datetime.date(2040, 1, 1),
            end=datetime.date(2040, 12, 31),
            targets={},
        )
    assert set(_errors(exc)) == {"code", "name"}


# --- training forms --------------------------------------------------------------------------


def test_training_form_update_changes_fields_and_eligible_levels_in_one_record(steering_admin):
    form = TrainingForm.objects.get(code="SHORT")
    levels = list(PositionLevel.objects.filter(code__in=["TW_MANAGED", "OTHER"]))
    services.training_form_update(
        actor=steering_admin,
        form=form,
        eligible_levels=levels,
        delegation_min=12,
        delegation_max=18,
    )
    form.refresh_from_db()
    assert (form.delegation_min, form.delegation_max) == (12, 18)
    assert set(form.eligible_levels.values_list("code", flat=True)) == {"TW_MANAGED", "OTHER"}
    assert form.history.filter(history_user=steering_admin).count() == 1
    detail = AuditEntry.objects.get(action="programme.update").detail
    assert detail["before"]["eligible_levels"] == [
        "DEPARTMENT_CENTRAL",
        "PROVINCIAL_STANDING",
        "TW_MANAGED",
    ]
    assert detail["after"]["delegation_max"] == 18


def test_training_form_refuses_delegation_min_above_max(steering_admin):
    form = TrainingForm.objects.get(code="SHORT")
    with pytest.raises(
        ValidationError, match=r"The maximum delegation size \(20\) is smaller"
    ) as exc:
        services.training_form_update(
            actor=steering_admin, form=form, delegation_min=21, delegation_max=20
        )
    assert _errors(exc)["delegation_max"] == [
        "The maximum delegation size (20) is smaller than the minimum (21)."
    ]
    assert TrainingForm.objects.get(pk=form.pk).delegation_min == 15


def test_training_form_refuses_negative_numbers_and_unknown_language_levels(steering_admin):
    form = TrainingForm.objects.get(code="MEDIUM")
    with pytest.raises(ValidationError, match="The number must be zero or more") as exc:
        services.training_form_update(
            actor=steering_admin, form=form, typical_days=-1, min_language_level="Z9"
        )
    assert set(_errors(exc)) == {"typical_days", "min_language_level"}


def test_training_form_refuses_unknown_fields(steering_admin):
    form = TrainingForm.objects.get(code="MEDIUM")
    with pytest.raises(ValueError, match="code"):
        services.training_form_update(actor=steering_admin, form=form, code="X")


# --- named lists -----------------------------------------------------------------------------


def test_content_group_and_position_level_are_renamed(steering_admin):
    group = ContentGroup.objects.get(code=4)
    level = PositionLevel.objects.get(code="OTHER")
    services.content_group_update(actor=steering_admin, group=group, name="Kỹ năng lãnh đạo")
    services.position_level_update(actor=steering_admin, level=level, name="Khác")
    assert ContentGroup.objects.get(pk=group.pk).name == "Kỹ năng lãnh đạo"
    level.refresh_from_db()
    assert (level.name, level.rank) == ("Khác", 5)
    assert AuditEntry.objects.filter(action="programme.update").count() == 2


def test_a_blank_name_is_refused(steering_admin):
    group = ContentGroup.objects.get(code=1)
    with pytest.raises(ValidationError, match="This field is required") as exc:
        services.content_group_update(actor=steering_admin, group=group, name="  ")
    assert _errors(exc) == {"name": ["This field is required."]}


def test_work_fields_are_added_and_edited_with_unique_codes(steering_admin):
    field = services.work_field_create(actor=steering_admin, code="YTE", name="Y tế")
    assert AuditEntry.objects.get(action="programme.create").detail["after"] == {
        "code": "YTE",
        "name": "Y tế",
    }
    services.work_field_update(actor=steering_admin, field=field, name="Y tế, dân số")
    assert WorkField.objects.get(pk=field.pk).name == "Y tế, dân số"
    with pytest.raises(ValidationError, match="already used by another field of work") as exc:
        services.work_field_update(actor=steering_admin, field=field, code="TCCB")
    assert "TCCB" in _errors(exc)["code"][0]
    with pytest.raises(ValidationError, match="already used by another field of work"):
        services.work_field_create(actor=steering_admin, code="YTE", name="Trùng")


# --- rule settings ---------------------------------------------------------------------------


def test_rule_setting_update_changes_value_and_severity(steering_admin):
    setting = RuleSetting.objects.get(code="retirement_min_years")
    services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal("3"), severity="fail"
    )
    setting.refresh_from_db()
    assert (setting.value, setting.severity) == (Decimal("3"), "fail")
    detail = AuditEntry.objects.get(action="programme.update").detail
    assert detail["before"] == {"value": "2", "severity": "warning"}
    assert detail["after"] == {"value": "3", "severity": "fail"}


def test_rule_setting_refuses_a_negative_value(steering_admin):
    setting = RuleSetting.objects.get(code="same_form_repeat_years")
    with pytest.raises(ValidationError, match="The value must be zero or more") as exc:
        services.rule_setting_update(
            actor=steering_admin, setting=setting, value=Decimal("-1"), severity="warning"
        )
    assert _errors(exc) == {"value": ["The value must be zero or more."]}


@pytest.mark.parametrize("value", ["1.01", "-0.1"])
def test_match_threshold_stays_between_zero_and_one(value, steering_admin):
    setting = RuleSetting.objects.get(code="match_threshold")
    with pytest.raises(ValidationError, match="The value must be") as exc:
        services.rule_setting_update(
            actor=steering_admin, setting=setting, value=Decimal(value), severity=""
        )
    assert "value" in _errors(exc)
    assert RuleSetting.objects.get(pk=setting.pk).value == Decimal("0.85")


def test_match_threshold_accepts_one(steering_admin):
    setting = RuleSetting.objects.get(code="match_threshold")
    services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal(1), severity=""
    )
    assert RuleSetting.objects.get(pk=setting.pk).value == Decimal(1)


def test_a_rule_with_a_value_needs_one(steering_admin):
    setting = RuleSetting.objects.get(code="max_per_agency_per_delegation")
    with pytest.raises(ValidationError, match="This rule needs a value") as exc:
        services.rule_setting_update(actor=steering_admin, setting=setting, value=None, severity="")
    assert "value" in _errors(exc)


def test_a_severity_only_rule_refuses_an_unknown_severity(steering_admin):
    setting = RuleSetting.objects.get(code="date_clash")
    with pytest.raises(ValidationError, match="Choose “fail” or “warning”") as exc:
        services.rule_setting_update(
            actor=steering_admin, setting=setting, value=Decimal(5), severity="maybe"
        )
    assert "severity" in _errors(exc)
    services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal(5), severity="warning"
    )
    setting.refresh_from_db()
    assert (setting.value, setting.severity) == (None, "warning")
