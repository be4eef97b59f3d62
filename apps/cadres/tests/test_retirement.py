"""Retirement dates against an independent table: Phụ lục I of Nghị định 135/2020/NĐ-CP (ages by
birth month from 2021) and Bộ luật Lao động 2012 art. 187 before 2021 (60 / 55)."""

import calendar
import datetime

import pytest

from apps.cadres.models import Cadre
from apps.cadres.retirement import expected_retirement
from apps.cadres.services import cadres_recompute_retirement, retirement_roadmap
from apps.cadres.tests.factories import CadreFactory
from apps.programme import settings_registry
from apps.programme.models import RuleSetting

#: The roadmap of reference/programme.yaml (what a fresh database holds).
ROADMAP = settings_registry.defaults()["retirement_age"]["params"]

# (first birth month, last birth month, age years, age months), transcribed from the annex.
MEN = [
    ((1900, 1), (1960, 12), 60, 0),
    ((1961, 1), (1961, 9), 60, 3),
    ((1961, 10), (1962, 6), 60, 6),
    ((1962, 7), (1963, 3), 60, 9),
    ((1963, 4), (1963, 12), 61, 0),
    ((1964, 1), (1964, 9), 61, 3),
    ((1964, 10), (1965, 6), 61, 6),
    ((1965, 7), (1966, 3), 61, 9),
    ((1966, 4), (2100, 12), 62, 0),
]
WOMEN = [
    ((1900, 1), (1965, 12), 55, 0),
    ((1966, 1), (1966, 8), 55, 4),
    ((1966, 9), (1967, 4), 55, 8),
    ((1967, 5), (1967, 12), 56, 0),
    ((1968, 1), (1968, 8), 56, 4),
    ((1968, 9), (1969, 4), 56, 8),
    ((1969, 5), (1969, 12), 57, 0),
    ((1970, 1), (1970, 8), 57, 4),
    ((1970, 9), (1971, 4), 57, 8),
    ((1971, 5), (1971, 12), 58, 0),
    ((1972, 1), (1972, 8), 58, 4),
    ((1972, 9), (1973, 4), 58, 8),
    ((1973, 5), (1973, 12), 59, 0),
    ((1974, 1), (1974, 8), 59, 4),
    ((1974, 9), (1975, 4), 59, 8),
    ((1975, 5), (2100, 12), 60, 0),
]


def _table_date(year: int, month: int, gender: str) -> datetime.date:
    for first, last, years, months in MEN if gender == "M" else WOMEN:
        if first <= (year, month) <= last:
            total = year * 12 + month - 1 + years * 12 + months
            y, m = divmod(total, 12)
            return datetime.date(y, m + 1, calendar.monthrange(y, m + 1)[1])
    raise AssertionError("birth month outside the table")  # pragma: no cover


BIRTH_MONTHS = [(y, m) for y in range(1955, 2000) for m in range(1, 13)]


@pytest.mark.parametrize("gender", ["M", "F"])
def test_retirement_matches_the_decree_table_for_every_birth_month_1955_1999(gender):
    wrong = {
        (y, m): (
            expected_retirement(datetime.date(y, m, 15), gender, ROADMAP),
            _table_date(y, m, gender),
        )
        for y, m in BIRTH_MONTHS
        if expected_retirement(datetime.date(y, m, 15), gender, ROADMAP)
        != _table_date(y, m, gender)
    }
    assert wrong == {}


@pytest.mark.django_db
def test_the_seeded_roadmap_matches_the_decree_table(programme_settings):
    roadmap = retirement_roadmap()
    for gender in ("M", "F"):
        for y, m in BIRTH_MONTHS:
            assert expected_retirement(datetime.date(y, m, 1), gender, roadmap) == _table_date(
                y, m, gender
            ), (gender, y, m)


def test_a_man_born_06_1960_retires_at_60_under_the_pre_2021_age():
    assert expected_retirement(datetime.date(1960, 6, 10), "M", ROADMAP) == datetime.date(
        2020, 6, 30
    )
    assert expected_retirement(datetime.date(1965, 6, 10), "F", ROADMAP) == datetime.date(
        2020, 6, 30
    )


@pytest.mark.django_db
def test_stored_dates_follow_a_change_of_the_roadmap_setting(programme_settings):
    man = CadreFactory(gender="M", date_of_birth=datetime.date(1966, 5, 10))
    kept = CadreFactory(
        gender="M",
        date_of_birth=datetime.date(1966, 5, 10),
        retirement_override=datetime.date(2035, 1, 31),
        expected_retirement=datetime.date(2035, 1, 31),
    )
    assert cadres_recompute_retirement() == 1  # the factory stores no date; the override stays
    assert Cadre.objects.get(pk=man.pk).expected_retirement == datetime.date(2028, 5, 31)
    setting = RuleSetting.objects.get(code="retirement_age")
    # men capped at 61 y 9 m instead of 62 y
    setting.params = {**setting.params, "M": {**setting.params["M"], "max_months": 741}}
    setting.save()
    assert Cadre.objects.get(pk=man.pk).expected_retirement == datetime.date(2028, 2, 29)
    assert Cadre.objects.get(pk=kept.pk).expected_retirement == datetime.date(2035, 1, 31)
    assert cadres_recompute_retirement() == 0  # already up to date
