import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from apps.programme import selectors, services
from apps.programme.models import Phase, PositionLevel, RuleSetting, TrainingForm
from apps.programme.reference import load_programme


@pytest.fixture(autouse=True)
def programme_settings(db):
    load_programme()
    with translation.override("en"):
        yield


def test_rule_setting_is_found_by_code():
    setting = selectors.rule_setting("match_threshold")
    assert setting.value == Decimal("0.85")
    with pytest.raises(RuleSetting.DoesNotExist, match="does not exist"):
        selectors.rule_setting("nope")


def test_form_by_code():
    assert selectors.form_by_code("MEDIUM").min_language_level == "B2"
    with pytest.raises(TrainingForm.DoesNotExist, match="does not exist"):
        selectors.form_by_code("NOPE")


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2025, {"MEDIUM": 40, "SHORT": 250, "LANGUAGE": 120}),
        (2026, {"MEDIUM": 50, "SHORT": 300, "LANGUAGE": 150}),
        (2030, {"MEDIUM": 50, "SHORT": 300, "LANGUAGE": 150}),
        (2031, {}),
    ],
)
def test_annual_targets_come_from_the_phase_containing_the_first_of_january(year, expected):
    assert selectors.annual_targets(year) == expected


def test_a_phase_starting_mid_year_does_not_count_for_that_year(steering_admin):
    services.phase_create(
        actor=steering_admin,
        code="2031-H2",
        name="Nửa cuối 2031",
        start=datetime.date(2031, 7, 1),
        end=datetime.date(2032, 12, 31),
        targets={"SHORT": 10},
    )
    assert selectors.annual_targets(2031) == {}
    assert selectors.annual_targets(2032) == {"SHORT": 10}
    assert selectors.phase_for_year(2032).code == "2031-H2"


def test_overview_totals_targets_per_phase(django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        overview = selectors.settings_overview()
    assert [f.code for f in overview.forms] == ["SHORT", "MEDIUM", "LANGUAGE"]
    current = overview.phases[1]
    assert current.targets == [300, 50, 150]
    assert current.total == 500
    assert current.years == 5
    assert current.phase_total == 2500
    assert overview.position_levels[0].code == "TW_MANAGED"


def test_history_of_a_form_shows_fields_and_levels_before_and_after(steering_admin):
    form = TrainingForm.objects.get(code="SHORT")
    services.training_form_update(
        actor=steering_admin,
        form=form,
        typical_days=10,
        eligible_levels=list(PositionLevel.objects.filter(code="TW_MANAGED")),
    )
    latest = selectors.setting_history(form)[0]
    assert latest.user == steering_admin
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes["typical length in days"] == ("14", "10")
    names = dict(PositionLevel.objects.values_list("code", "name"))
    before = sorted(
        names[code] for code in ("TW_MANAGED", "PROVINCIAL_STANDING", "DEPARTMENT_CENTRAL")
    )
    assert changes["eligible position levels"] == (", ".join(before), names["TW_MANAGED"])


def test_history_of_a_phase_includes_its_targets(steering_admin):
    phase = Phase.objects.get(code="2026-2030")
    services.phase_update(
        actor=steering_admin,
        phase=phase,
        name=phase.name,
        start=phase.start,
        end=phase.end,
        targets={"SHORT": 280, "MEDIUM": 50, "LANGUAGE": 150},
    )
    entries = selectors.setting_history(phase)
    short = TrainingForm.objects.get(code="SHORT").name
    target_changes = [e for e in entries if e.subject == f"Target {short}" and e.changes]
    assert [(c.old, c.new) for c in target_changes[0].changes] == [("300", "280")]
    assert target_changes[0].user == steering_admin


def test_history_of_a_rule_shows_value_and_severity(steering_admin):
    setting = RuleSetting.objects.get(code="retirement_min_years")
    services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal("2.5"), severity="fail"
    )
    changes = {c.label: (c.old, c.new) for c in selectors.setting_history(setting)[0].changes}
    assert changes["value"] == ("2.0000", "2.5000")
    assert changes["severity"] == ("Warning", "Fail")
