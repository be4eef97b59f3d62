"""The registry of rule settings: typed values, saved values first, defaults from the YAML."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.programme import services, settings_registry
from apps.programme.models import RuleSetting

pytestmark = pytest.mark.django_db


def test_every_setting_of_the_yaml_is_declared_and_every_declared_one_has_a_default():
    assert set(settings_registry.defaults()) == set(settings_registry.SPECS)


def test_a_fraction_is_read_as_a_decimal_not_truncated(programme_settings):
    RuleSetting.objects.filter(code="realism_over_request").update(value=Decimal("1.5"))
    value = settings_registry.get("realism_over_request")
    assert value == Decimal("1.5")
    assert isinstance(value, Decimal)


def test_counts_are_ints_and_defaults_come_from_the_yaml_when_nothing_is_saved():
    assert not RuleSetting.objects.exists()
    assert settings_registry.get("same_form_repeat_years") == 3
    assert isinstance(settings_registry.get("same_form_repeat_years"), int)
    assert settings_registry.get("realism_over_request") == Decimal("0.5")
    assert settings_registry.get("realism_history_years") == 5
    assert settings_registry.severity("date_clash") == "fail"
    assert settings_registry.params("language_gate_pass_mark") == {"scale_max": 100}
    assert settings_registry.get("retirement_age")["M"]["max_months"] == 744


def test_a_saved_value_wins(programme_settings):
    RuleSetting.objects.filter(code="same_form_repeat_years").update(value=Decimal("4.0000"))
    values = settings_registry.load()
    assert values.get("same_form_repeat_years") == 4
    assert values.severity("same_form_repeat_years") == "warning"


def test_an_unknown_setting_is_refused():
    with pytest.raises(KeyError, match="Unknown rule setting 'nope'"):
        settings_registry.get("nope")


def test_a_count_setting_refuses_a_fraction(programme_settings, steering_admin):
    setting = RuleSetting.objects.get(code="same_form_repeat_years")
    with pytest.raises(ValidationError, match="whole number"):
        services.rule_setting_update(
            actor=steering_admin, setting=setting, value=Decimal("1.5"), severity="warning"
        )
    setting.refresh_from_db()
    assert setting.value == Decimal("3")
