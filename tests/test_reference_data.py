from decimal import Decimal

from django.core.management import call_command
from django.utils import translation

from apps.agencies.models import Agency
from apps.programme import services
from apps.programme.models import (
    AnnualTarget,
    ContentGroup,
    FormPhase,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)

MODELS = [
    PositionLevel,
    ContentGroup,
    WorkField,
    TrainingForm,
    FormPhase,
    Phase,
    AnnualTarget,
    RuleSetting,
    Agency,
]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seeding_twice_gives_the_same_counts(db):
    call_command("seed_reference_data", verbosity=0)
    first = _counts()
    call_command("seed_reference_data", verbosity=0)
    assert _counts() == first
    assert first["Phase"] == 2
    assert first["TrainingForm"] == 3
    assert first["PositionLevel"] == 5
    assert first["ContentGroup"] == 4
    assert first["AnnualTarget"] == 6
    assert Agency.objects.filter(parent__isnull=True, successor__isnull=True).count() == 69


def test_the_34_provinces_succeed_the_52_merged_former_ones(db):
    call_command("seed_reference_data", verbosity=0)
    local = Agency.objects.filter(is_central=False, parent__isnull=True)
    assert local.filter(successor__isnull=True).count() == 34
    assert local.filter(successor__isnull=False).count() == 52  # 63 former = 52 merged + 11 kept
    assert not local.filter(successor__isnull=False, merged_on__isnull=True).exists()


def test_the_11_provinces_that_did_not_merge_get_no_artificial_predecessor(db):
    call_command("seed_reference_data", verbosity=0)
    kept = ["HNI", "HUE", "LCU", "DBN", "SLA", "LSN", "QNH", "THA", "NAN", "HTH", "CBG"]
    provinces = Agency.objects.filter(code__in=kept)
    assert provinces.count() == 11
    assert not Agency.objects.filter(successor__in=provinces).exists()
    assert Agency.objects.get(code="HUE").name == "Thành phố Huế"
    assert not Agency.objects.filter(name__contains="Thừa Thiên").exists()
    hai_phong = Agency.objects.filter(successor__code="HPG").order_by("name")
    assert [a.name for a in hai_phong] == [
        "Thành phố Hải Phòng (trước 01/07/2025)",
        "Tỉnh Hải Dương (trước 01/07/2025)",
    ]


def test_the_national_academy_of_politics_is_a_central_body(db):
    """A member of the Steering Committee (reference/regulatory.md)."""
    call_command("seed_reference_data", verbosity=0)
    academy = Agency.objects.get(name="Học viện Chính trị quốc gia Hồ Chí Minh")
    assert academy.is_central
    assert academy.parent is None
    with translation.override("vi"):
        assert academy.get_kind_display() == "Đơn vị sự nghiệp Trung ương"


def test_an_edited_setting_survives_a_reseed(db, steering_admin):
    call_command("seed_reference_data", verbosity=0)
    setting = RuleSetting.objects.get(code="same_form_repeat_years")
    services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal(5), severity="fail"
    )
    phase = Phase.objects.get(code="2026-2030")
    services.phase_update(
        actor=steering_admin,
        phase=phase,
        name="Đã sửa",
        start=phase.start,
        end=phase.end,
        targets={"SHORT": 999, "MEDIUM": 50, "LANGUAGE": 150},
    )
    call_command("seed_reference_data", verbosity=0)
    setting.refresh_from_db()
    assert (setting.value, setting.severity) == (Decimal(5), "fail")
    assert Phase.objects.get(code="2026-2030").name == "Đã sửa"
    assert AnnualTarget.objects.get(phase__code="2026-2030", form__code="SHORT").places == 999
