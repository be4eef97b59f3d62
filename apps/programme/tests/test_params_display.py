"""Structured rule-setting parameters read as labelled Vietnamese, never as JSON."""

import pytest
from django.urls import reverse
from django.utils import translation

from apps.programme.models import RuleSetting
from apps.programme.params_display import describe
from apps.programme.reference import load_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def programme_settings(db, settings):
    """Settings loaded; pages and labels in Vietnamese, as users read them."""
    load_programme()
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        yield


def test_retirement_roadmap_reads_as_ages_per_group():
    roadmap = describe("retirement_age", RuleSetting.objects.get(code="retirement_age").params)
    men, women = roadmap.roadmap
    assert (men.group, men.before, men.base, men.step, men.maximum, men.reached_in) == (
        "Nam",
        "60 tuổi",
        "60 tuổi 3 tháng",
        "3 tháng",
        "62 tuổi",
        2028,
    )
    assert (women.group, women.base, women.maximum, women.reached_in) == (
        "Nữ",
        "55 tuổi 4 tháng",
        "60 tuổi",
        2035,
    )


def test_flat_parameters_read_with_their_labels():
    params = describe("language_gate_pass_mark", {"scale_max": 100})
    assert params.rows == [("Điểm tối đa của thang điểm", "100")]
    assert not describe("date_clash", {})


def test_settings_and_edit_pages_show_no_parameter_keys(client_for, steering_admin):
    roadmap = RuleSetting.objects.get(code="retirement_age")
    client = client_for(steering_admin)
    for url in (
        reverse("programme:settings"),
        reverse("programme:rule_setting_edit", args=[roadmap.pk]),
    ):
        text = client.get(url).text
        assert "60 tuổi 3 tháng" in text
        assert "Trước năm 2021" in text
        for key in ("base_months", "step_months", "pre_base_months", "scale_max", "{"):
            assert key not in text.split("<main", 1)[1].split("</main>", 1)[0]
