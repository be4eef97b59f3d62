"""Factories for cadres and what hangs from them."""

import datetime

import factory

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.choices import Gender
from apps.cadres.models import Cadre, LanguageSkill, PositionHistory
from apps.core.text import normalize_vi
from apps.programme.models import PositionLevel, WorkField
from apps.programme.reference import load_programme


def _programme_loaded() -> None:
    """Cadres need the real position levels and fields of work: load them once per test."""
    if not PositionLevel.objects.exists():
        load_programme()


def _level(code="DEPARTMENT_CENTRAL"):
    _programme_loaded()
    return PositionLevel.objects.get(code=code)


def _field(code="TCCB"):
    _programme_loaded()
    return WorkField.objects.get(code=code)


class CadreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cadre

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = Gender.MALE
    date_of_birth = datetime.date(1975, 6, 15)
    national_id = factory.Sequence(lambda n: f"{n + 1:012d}")
    agency = factory.SubFactory(AgencyFactory)
    position_title = "Phó Vụ trưởng"
    position_level = factory.LazyFunction(_level)
    work_field = factory.LazyFunction(_field)
    search_key = factory.LazyAttribute(lambda o: normalize_vi(o.full_name))


class PositionHistoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PositionHistory

    cadre = factory.SubFactory(CadreFactory)
    start = datetime.date(2015, 1, 1)
    position_title = "Chuyên viên chính"


class LanguageSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LanguageSkill

    cadre = factory.SubFactory(CadreFactory)
    language = "en"
    level = "B2"
