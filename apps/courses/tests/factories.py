"""Factories of the course domain."""

import datetime

import factory

from apps.courses.choices import AgendaKind, CourseStatus
from apps.courses.models import AgendaItem, Course
from apps.programme.models import ContentGroup, TrainingForm
from apps.programme.reference import load_programme


def _loaded() -> None:
    if not TrainingForm.objects.exists():
        load_programme()


def form(code: str = "SHORT") -> TrainingForm:
    _loaded()
    return TrainingForm.objects.get(code=code)


def group(code: int = 1) -> ContentGroup:
    _loaded()
    return ContentGroup.objects.get(code=code)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    code = factory.Sequence(lambda n: f"KT-{n:04d}")
    title = factory.Sequence(lambda n: f"Quản trị quốc gia hiện đại {n}")
    form = factory.LazyFunction(form)
    content_group = factory.LazyFunction(group)
    countries = "Singapore"
    start = datetime.date(2026, 6, 1)
    end = datetime.date(2026, 6, 14)
    capacity = 20
    status = CourseStatus.OPEN


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    course = factory.SubFactory(CourseFactory)
    kind = AgendaKind.LECTURE
    date = factory.LazyAttribute(lambda o: o.course.start)
    title = "Kinh nghiệm cải cách hành chính"
