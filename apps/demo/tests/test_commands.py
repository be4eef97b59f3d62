"""The two commands as an operator runs them: reproducible, re-runnable, idempotent."""

import io

import pytest
from django.core.management import CommandError, call_command

from apps.agencies.models import Agency
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory
from apps.core.models import User
from apps.core.roles import Role
from apps.demo.management.commands.create_demo_users import DEFAULT_PASSWORD
from apps.nominations.models import Nomination

pytestmark = pytest.mark.django_db


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_demo_data", stdout=out, **options)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Cadre.objects.order_by("pk").values_list(
            "full_name", "national_id", "date_of_birth", "agency__code", "position_title"
        )
    )


def test_the_same_seed_gives_the_same_cadres_and_another_seed_different_ones():
    assert Cadre.objects.count() == 0  # the module data sets of other files were rolled back
    generate(cadres=120, seed=5)
    first = snapshot()
    agencies = Agency.objects.count()
    Nomination.objects.all().delete()  # nominations protect the cadres they name
    Cadre.objects.all().delete()

    output = generate(cadres=120, seed=5)
    assert snapshot() == first
    assert Agency.objects.count() == agencies  # units already there are reused
    assert "agency units created 0" in output
    Nomination.objects.all().delete()  # nominations protect the cadres they name
    Cadre.objects.all().delete()

    generate(cadres=120, seed=6)
    other = snapshot()
    assert len(other) == len(first) == 120
    assert {row[0] for row in other} != {row[0] for row in first}
    assert not {row[1] for row in other} & {row[1] for row in first}


def test_it_loads_the_reference_data_when_missing_and_prints_a_summary():
    output = generate(cadres=30, seed=1)
    assert Agency.objects.filter(code="BNV").exists()
    assert Cadre.objects.count() == 30
    for figure in ("agencies", "cadres 30", "positions", "languages", " s: "):
        assert figure in output


def test_if_empty_does_nothing_when_there_are_cadres_and_a_plain_run_adds_more():
    generate(cadres=40, seed=2)
    output = generate(cadres=40, seed=2, if_empty=True)
    assert "not generated" in output
    assert Cadre.objects.count() == 40

    generate(cadres=40, seed=2)  # the same seed again: identifiers still unique
    assert Cadre.objects.count() == 80
    assert Cadre.objects.values("national_id").distinct().count() == 80


@pytest.fixture
def bnv_cadre(reference_data):
    unit = AgencyFactory(
        code="BNV_TEST", name="Vụ Thử", kind="vu", parent=Agency.objects.get(code="BNV")
    )
    return CadreFactory(agency=unit, full_name="Phạm Thị Học Viên")


def create_users() -> str:
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    return out.getvalue()


def test_create_demo_users_makes_one_login_per_role_bound_correctly(bnv_cadre, settings):
    settings.DE165_REQUIRE_2FA = False
    output = create_users()
    users = {user.username: user for user in User.objects.select_related("agency", "cadre")}
    assert set(users) == {"admin", "canbo.bnv", "canbo.hni", "taichinh", "hocvien", "kiemtra"}
    assert {user.role for user in users.values()} == set(Role.values)
    assert users["canbo.bnv"].agency.code == "BNV"
    assert users["canbo.hni"].agency.code == "HNI"
    assert users["hocvien"].cadre == bnv_cadre
    assert users["hocvien"].full_name == bnv_cadre.full_name
    assert all(user.check_password(DEFAULT_PASSWORD) for user in users.values())
    assert "canbo.bnv" in output
    assert "Bộ Nội vụ" in output
    assert DEFAULT_PASSWORD in output
    assert "off in this demo for admin, taichinh" in output
    assert "DE165_REQUIRE_2FA=1" in output


def test_create_demo_users_says_when_two_factor_is_required(bnv_cadre, settings):
    settings.DE165_REQUIRE_2FA = True
    assert "is on: admin, taichinh enrol" in create_users()


def test_create_demo_users_is_idempotent_and_resets_passwords(bnv_cadre):
    create_users()
    admin = User.objects.get(username="admin")
    admin.set_password("another-password-2026")
    admin.save()

    create_users()
    assert User.objects.count() == 6
    assert User.objects.get(username="admin").check_password(DEFAULT_PASSWORD)
    assert User.objects.get(username="hocvien").cadre == bnv_cadre


def test_create_demo_users_takes_the_password_from_the_environment(bnv_cadre, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "mot-mat-khau-khac-165")
    create_users()
    assert User.objects.get(username="kiemtra").check_password("mot-mat-khau-khac-165")


def test_create_demo_users_refuses_a_weak_password(bnv_cadre, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "short")
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        create_users()
    assert not User.objects.exists()


def test_create_demo_users_asks_for_demo_data_first(reference_data):
    with pytest.raises(CommandError, match="generate_demo_data"):
        create_users()


def test_create_demo_users_leaves_a_change_history_once(bnv_cadre):
    create_users()
    create_users()
    officer = User.objects.get(username="canbo.bnv")
    edited = Cadre.objects.filter(version=2)
    assert edited.count() == 1  # the fixture has one cadre in the subtree
    record = edited.get().history.first()
    assert record.history_user == officer
    assert record.party_position == "Bí thư Chi bộ"


def test_the_demo_participant_is_someone_with_a_course(bnv_cadre):
    from apps.nominations.tests.factories import NominationFactory

    sent = CadreFactory(agency=bnv_cadre.agency, full_name="Zô Văn Đã Đi Học")
    NominationFactory(cadre=sent)
    create_users()
    assert User.objects.get(username="hocvien").cadre == sent
