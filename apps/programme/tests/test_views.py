from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from apps.core.models import AuditEntry
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

READERS = ["steering_admin", "agency_officer", "other_officer", "finance_officer", "auditor"]
NOT_ADMINS = ["agency_officer", "other_officer", "finance_officer", "auditor", "participant"]
SETTINGS = reverse("programme:settings")


@pytest.fixture(autouse=True)
def programme_settings(db, settings):
    """Settings loaded before any persona (whose cadre needs a position level), in English."""
    load_programme()
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def phase():
    return Phase.objects.get(code="2026-2030")


def _edit_urls():
    phase = Phase.objects.get(code="2026-2030")
    return [
        reverse("programme:phase_create"),
        reverse("programme:phase_edit", args=[phase.pk]),
        reverse("programme:training_form_edit", args=[TrainingForm.objects.first().pk]),
        reverse("programme:content_group_edit", args=[ContentGroup.objects.first().pk]),
        reverse("programme:position_level_edit", args=[PositionLevel.objects.first().pk]),
        reverse("programme:work_field_create"),
        reverse("programme:work_field_edit", args=[WorkField.objects.first().pk]),
        reverse("programme:rule_setting_edit", args=[RuleSetting.objects.first().pk]),
    ]


def _phase_data(phase, **overrides):
    data = {
        "name": phase.name,
        "start": phase.start.strftime("%d/%m/%Y"),
        "end": phase.end.strftime("%d/%m/%Y"),
        "target_SHORT": 300,
        "target_MEDIUM": 50,
        "target_LANGUAGE": 150,
    }
    return {**data, **overrides}


# --- overview --------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_every_registry_role_reads_the_settings(persona, personas, client_for):
    response = client_for(personas[persona]).get(SETTINGS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Giai đoạn từ năm 2026 đến năm 2030" in page
    assert "Ngưỡng điểm khớp tên" in page


def test_the_overview_shows_names_never_codes(auditor, client_for):
    page = client_for(auditor).get(SETTINGS).content.decode()
    assert "Bồi dưỡng ngắn hạn" in page
    assert "Lãnh đạo cấp vụ ở TW" in page  # a level's short name, its full name on hover
    codes = [
        *TrainingForm.objects.values_list("code", flat=True),
        *PositionLevel.objects.values_list("code", flat=True),
        *RuleSetting.objects.values_list("code", flat=True),
    ]
    assert [code for code in codes if code in page] == []


def test_participant_may_not_read_the_settings(participant, client_for):
    assert client_for(participant).get(SETTINGS).status_code == 403


def test_overview_shows_totals_per_year_and_per_phase(auditor, client_for):
    page = client_for(auditor).get(SETTINGS).content.decode()
    assert "500" in page
    assert "2,500" in page or "2.500" in page


def test_edit_links_are_shown_to_the_steering_admin_only(
    steering_admin, finance_officer, phase, client_for
):
    edit = reverse("programme:phase_edit", args=[phase.pk])
    assert edit not in client_for(finance_officer).get(SETTINGS).content.decode()
    assert edit in client_for(steering_admin).get(SETTINGS).content.decode()


@pytest.mark.parametrize("extra", [0, 40])
def test_overview_uses_a_constant_number_of_queries(
    extra, steering_admin, client_for, django_assert_max_num_queries
):
    for n in range(extra):
        WorkField.objects.create(code=f"F{n}", name=f"Lĩnh vực {n}")
    client = client_for(steering_admin)
    with django_assert_max_num_queries(16):
        assert client.get(SETTINGS).status_code == 200


# --- permissions on edits --------------------------------------------------------------------


@pytest.mark.parametrize("persona", NOT_ADMINS)
def test_only_the_steering_admin_may_open_or_post_an_edit(persona, personas, client_for):
    client = client_for(personas[persona])
    for url in _edit_urls():
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "X", "code": "X"}).status_code == 403, url
    assert not AuditEntry.objects.exists()


def test_every_edit_page_opens_for_the_steering_admin(steering_admin, client_for):
    client = client_for(steering_admin)
    for url in _edit_urls():
        assert client.get(url).status_code == 200, url


def test_an_unknown_setting_is_not_found(steering_admin, client_for):
    client = client_for(steering_admin)
    assert client.get(reverse("programme:phase_edit", args=[9999])).status_code == 404
    assert client.get(reverse("programme:setting_history", args=["nope", 1])).status_code == 404


# --- phases ----------------------------------------------------------------------------------


def test_steering_admin_edits_a_phase_and_its_targets(steering_admin, phase, client_for):
    response = client_for(steering_admin).post(
        reverse("programme:phase_edit", args=[phase.pk]),
        _phase_data(phase, target_SHORT=320, end="31/12/2031"),
    )
    assert response.status_code == 302
    assert AnnualTarget.objects.get(phase=phase, form__code="SHORT").places == 320
    assert Phase.objects.get(pk=phase.pk).end.year == 2031
    assert AuditEntry.objects.get(action="programme.update").actor == steering_admin


def test_a_negative_target_is_shown_on_its_field_and_nothing_changes(
    steering_admin, phase, client_for
):
    response = client_for(steering_admin).post(
        reverse("programme:phase_edit", args=[phase.pk]), _phase_data(phase, target_MEDIUM=-5)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["target_MEDIUM"]
    assert AnnualTarget.objects.get(phase=phase, form__code="MEDIUM").places == 50


def test_an_end_before_the_start_is_shown_on_the_end_field(steering_admin, phase, client_for):
    response = client_for(steering_admin).post(
        reverse("programme:phase_edit", args=[phase.pk]),
        _phase_data(phase, start="01/01/2030", end="01/01/2027"),
    )
    assert response.context["form"].errors["end"] == [
        "The end (01/01/2027) is before the start (01/01/2030)."
    ]
    assert "The end (01/01/2027) is before the start (01/01/2030)." in response.content.decode()
    assert Phase.objects.get(pk=phase.pk).start.year == 2026


def test_overlapping_phases_are_refused_on_the_start_field(steering_admin, client_for):
    response = client_for(steering_admin).post(
        reverse("programme:phase_create"),
        {
            "code": "X",
            "name": "Chồng lấn",
            "start": "01/01/2030",
            "end": "31/12/2032",
            "target_SHORT": 1,
            "target_MEDIUM": 1,
            "target_LANGUAGE": 1,
        },
    )
    assert "overlap" in response.context["form"].errors["start"][0]
    assert not Phase.objects.filter(code="X").exists()


def test_a_badly_written_date_is_refused(steering_admin, phase, client_for):
    response = client_for(steering_admin).post(
        reverse("programme:phase_edit", args=[phase.pk]), _phase_data(phase, start="2026-31-01")
    )
    assert response.context["form"].errors["start"]


# --- forms, lists and rules ------------------------------------------------------------------


def test_steering_admin_edits_a_training_form_with_its_levels(steering_admin, client_for):
    form = TrainingForm.objects.get(code="SHORT")
    levels = PositionLevel.objects.filter(code__in=["TW_MANAGED", "DEPARTMENT_LOCAL"])
    response = client_for(steering_admin).post(
        reverse("programme:training_form_edit", args=[form.pk]),
        {
            "name": form.name,
            "typical_days": 15,
            "delegation_min": 15,
            "delegation_max": 20,
            "eligible_levels": [level.pk for level in levels],
        },
    )
    assert response.status_code == 302
    form.refresh_from_db()
    assert form.typical_days == 15
    assert set(form.eligible_levels.all()) == set(levels)


def test_delegation_min_above_max_is_shown_on_the_form(steering_admin, client_for):
    form = TrainingForm.objects.get(code="SHORT")
    response = client_for(steering_admin).post(
        reverse("programme:training_form_edit", args=[form.pk]),
        {"name": form.name, "delegation_min": 25, "delegation_max": 20},
    )
    assert response.context["form"].errors["delegation_max"] == [
        "The maximum delegation size (20) is smaller than the minimum (25)."
    ]
    assert TrainingForm.objects.get(pk=form.pk).delegation_min == 15


def test_content_group_and_level_are_renamed(steering_admin, client_for):
    client = client_for(steering_admin)
    group = ContentGroup.objects.get(code=3)
    level = PositionLevel.objects.get(code="OTHER")
    client.post(reverse("programme:content_group_edit", args=[group.pk]), {"name": "Pháp luật"})
    client.post(reverse("programme:position_level_edit", args=[level.pk]), {"name": "Khác"})
    assert ContentGroup.objects.get(pk=group.pk).name == "Pháp luật"
    assert PositionLevel.objects.get(pk=level.pk).name == "Khác"


def test_work_field_is_added_and_a_duplicate_code_is_shown(steering_admin, client_for):
    client = client_for(steering_admin)
    url = reverse("programme:work_field_create")
    assert client.post(url, {"code": "YTE", "name": "Y tế"}).status_code == 302
    again = client.post(url, {"code": "YTE", "name": "Y tế 2"})
    assert "YTE" in again.context["form"].errors["code"][0]
    assert WorkField.objects.filter(code="YTE").count() == 1


def test_rule_setting_is_edited(steering_admin, client_for):
    setting = RuleSetting.objects.get(code="retirement_min_years")
    response = client_for(steering_admin).post(
        reverse("programme:rule_setting_edit", args=[setting.pk]),
        {"value": "3", "severity": "fail"},
    )
    assert response.status_code == 302
    setting.refresh_from_db()
    assert (setting.value, setting.severity) == (Decimal(3), "fail")


def test_match_threshold_above_one_is_shown_on_the_value_field(steering_admin, client_for):
    setting = RuleSetting.objects.get(code="match_threshold")
    url = reverse("programme:rule_setting_edit", args=[setting.pk])
    client = client_for(steering_admin)
    form = client.get(url).context["form"]
    assert set(form.fields) == {"value"}
    assert form.initial["value"] == "0.85"
    response = client.post(url, {"value": "1.5"})
    assert response.context["form"].errors["value"] == ["The value must be between 0 and 1."]
    assert RuleSetting.objects.get(pk=setting.pk).value == Decimal("0.85")


def test_a_negative_rule_value_is_refused(steering_admin, client_for):
    setting = RuleSetting.objects.get(code="same_form_repeat_years")
    response = client_for(steering_admin).post(
        reverse("programme:rule_setting_edit", args=[setting.pk]),
        {"value": "-1", "severity": "warning"},
    )
    assert response.context["form"].errors["value"] == ["The value must be zero or more."]


def test_retirement_age_parameters_are_shown_read_only(steering_admin, client_for):
    setting = RuleSetting.objects.get(code="retirement_age")
    response = client_for(steering_admin).get(
        reverse("programme:rule_setting_edit", args=[setting.pk])
    )
    text = response.content.decode()
    assert "age 60 and 3 months" in text
    assert "base_year" not in text
    assert not response.context["form"].fields


# --- history ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", READERS)
def test_history_is_readable_by_registry_roles(persona, personas, phase, client_for):
    url = reverse("programme:setting_history", args=["phase", phase.pk])
    assert client_for(personas[persona]).get(url).status_code == 200


def test_participant_may_not_read_history(participant, phase, client_for):
    url = reverse("programme:setting_history", args=["phase", phase.pk])
    assert client_for(participant).get(url).status_code == 403


def test_history_is_shown_after_an_edit_with_who_and_before_after(steering_admin, client_for):
    client = client_for(steering_admin)
    setting = RuleSetting.objects.get(code="same_form_repeat_years")
    client.post(
        reverse("programme:rule_setting_edit", args=[setting.pk]),
        {"value": "4", "severity": "warning"},
    )
    page = client.get(reverse("programme:setting_history", args=["rule", setting.pk]))
    text = page.content.decode()
    assert "Trần Quản Trị" in text
    assert "<del>3.0000</del> → <ins>4.0000</ins>" in text


@pytest.mark.parametrize(
    ("kind", "model"),
    [
        ("form", TrainingForm),
        ("content-group", ContentGroup),
        ("position-level", PositionLevel),
        ("work-field", WorkField),
        ("rule", RuleSetting),
    ],
)
def test_every_kind_of_setting_has_a_history_page(kind, model, auditor, client_for):
    url = reverse("programme:setting_history", args=[kind, model.objects.first().pk])
    assert client_for(auditor).get(url).status_code == 200
