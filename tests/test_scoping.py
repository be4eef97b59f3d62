import pytest

from apps.agencies.models import Agency
from apps.agencies.services import agency_merge
from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.models import Cadre
from apps.cadres.tests.factories import CadreFactory
from apps.core.scoping import CHANGE, VIEW
from apps.core.tests.factories import UserFactory


@pytest.fixture
def cadres(ministry, ministry_unit, other_agency, own_cadre):
    return {
        "ministry": CadreFactory(agency=ministry),
        "unit": own_cadre,
        "other": CadreFactory(agency=other_agency),
    }


def test_agency_officer_sees_own_agency_and_units_only(agency_officer, cadres):
    visible = set(Cadre.objects.restrict(agency_officer))
    assert visible == {cadres["ministry"], cadres["unit"]}


def test_agency_officer_cannot_see_other_agency_cadres(agency_officer, cadres):
    assert not Cadre.objects.restrict(agency_officer).filter(pk=cadres["other"].pk).exists()


def test_participant_sees_only_own_record(participant, cadres):
    assert list(Cadre.objects.restrict(participant)) == [participant.cadre]
    assert not Cadre.objects.restrict(participant, CHANGE).exists()


@pytest.mark.parametrize("persona", ["finance_officer", "auditor"])
def test_readers_see_everything_and_change_nothing(persona, personas, cadres):
    user = personas[persona]
    assert Cadre.objects.restrict(user, VIEW).count() == Cadre.objects.count()
    assert not Cadre.objects.restrict(user, CHANGE).exists()


def test_user_without_role_sees_nothing(db, cadres):
    assert not Cadre.objects.restrict(UserFactory(role="")).exists()


def test_inactive_user_sees_nothing(steering_admin, cadres):
    steering_admin.is_active = False
    assert not Cadre.objects.restrict(steering_admin).exists()


def test_officer_of_successor_sees_merged_predecessor(db):
    province = AgencyFactory(code="NEW", kind="tinh")
    former = AgencyFactory(code="OLD", kind="tinh")
    cadre = CadreFactory(agency=former)
    agency_merge(
        actor=None,
        predecessor=former,
        successor=province,
        merged_on=__import__("datetime").date(2025, 7, 1),
    )
    officer = UserFactory(role="agency_officer", agency=province)
    assert list(Cadre.objects.restrict(officer)) == [cadre]
    assert set(Agency.objects.restrict(officer)) == {province, former}


def test_officer_of_successor_sees_units_of_merged_predecessors_through_chains(db):
    import datetime

    merged_on = datetime.date(2025, 7, 1)
    newest = AgencyFactory(code="C", kind="tinh")
    middle = AgencyFactory(code="B", kind="tinh")
    oldest = AgencyFactory(code="A", kind="tinh")
    oldest_unit = AgencyFactory(code="A_SO", kind="so", parent=oldest)
    cadre = CadreFactory(agency=oldest_unit)
    agency_merge(actor=None, predecessor=oldest, successor=middle, merged_on=merged_on)
    agency_merge(actor=None, predecessor=middle, successor=newest, merged_on=merged_on)
    officer = UserFactory(role="agency_officer", agency=newest)
    assert list(Cadre.objects.restrict(officer)) == [cadre]
    assert set(Agency.objects.restrict(officer)) == {newest, middle, oldest, oldest_unit}
    other = UserFactory(role="agency_officer", agency=AgencyFactory(code="D", kind="tinh"))
    assert not Cadre.objects.restrict(other).exists()
