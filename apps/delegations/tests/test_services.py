"""Formation from the database, the command and its CSV, and the manual move re-check."""

import csv

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.courses.tests.factories import CourseFactory
from apps.delegations.choices import DelegationStatus
from apps.delegations.models import Delegation, DelegationMember, FormationRun
from apps.delegations.services import form_delegations, move_member
from apps.nominations.tests.factories import NominationFactory
from apps.programme.models import PositionLevel, WorkField

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(programme_settings):
    """32 approved short-course nominees: 16 at each of two levels, central and local mixed."""
    course = CourseFactory(code="KT-DOAN")
    high = PositionLevel.objects.get(code="PROVINCIAL_STANDING")
    low = PositionLevel.objects.get(code="DEPARTMENT_CENTRAL")
    field = WorkField.objects.get(code="TCCB")
    nominations = []
    for i in range(32):
        agency = AgencyFactory(kind="tinh" if i % 2 else "bo_nganh")
        cadre = CadreFactory(
            agency=agency, position_level=high if i < 16 else low, work_field=field
        )
        nominations.append(NominationFactory(course=course, cadre=cadre, status="approved"))
    return nominations


def test_formation_stores_homogeneous_delegations_with_a_head(pool):
    run = form_delegations(2026, seconds_per_course=5)
    assert (run.objective, run.bound) == (0, 0)
    delegations = list(Delegation.objects.filter(year=2026))
    assert len(delegations) == 2
    for delegation in delegations:
        levels = {m.nomination.cadre.position_level_id for m in delegation.members.all()}
        assert len(levels) == 1
        assert delegation.cost == 0
        assert delegation.head.position_level_id in levels
        assert delegation.secretary
        assert delegation.secretary != delegation.head
    assert DelegationMember.objects.count() == 32


def test_a_new_run_replaces_only_proposed_delegations(pool):
    form_delegations(2026, seconds_per_course=5)
    confirmed = Delegation.objects.get(number=1)
    confirmed.status = DelegationStatus.CONFIRMED
    confirmed.save()
    kept = set(confirmed.members.values_list("nomination", flat=True))
    form_delegations(2026, seconds_per_course=5)
    assert set(confirmed.members.values_list("nomination", flat=True)) == kept
    new = Delegation.objects.get(year=2026, status=DelegationStatus.PROPOSED)
    assert new.number == 2
    assert new.members.count() == 16


def test_command_prints_the_gap_and_writes_the_csv(pool, tmp_path, capsys):
    out = tmp_path / "doan.csv"
    call_command("form_delegations", "--year", "2026", "--seed", "3", "--csv", str(out))
    printed = capsys.readouterr().out
    assert "objective=0 bound=0 gap=0.00%" in printed
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == [
        "delegation",
        "cadre_id",
        "level",
        "field",
        "top_agency",
        "central",
        "course",
    ]
    assert len(rows) == 33
    assert {row[6] for row in rows[1:]} == {"KT-DOAN"}
    assert {row[5] for row in rows[1:]} == {"0", "1"}
    assert FormationRun.objects.get().seed == 3


def test_command_explains_an_empty_year(programme_settings):
    with pytest.raises(CommandError, match="no approved short-course nominees"):
        call_command("form_delegations", "--year", "2031")


def test_moving_by_hand_rechecks_every_rule(pool):
    form_delegations(2026, seconds_per_course=5)
    first, second = Delegation.objects.filter(year=2026).order_by("number")
    move_member(first.members.first(), second)  # 15 and 17: allowed, but no longer homogeneous
    second.refresh_from_db()
    assert second.cost == 1
    with pytest.raises(ValidationError, match="has 14 members; it must have between 15 and 20"):
        move_member(first.members.first(), second)
    assert first.members.count() == 15
