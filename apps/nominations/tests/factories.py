"""Factories of nominations."""

import factory

from apps.cadres.tests.factories import CadreFactory
from apps.core.tests.factories import UserFactory
from apps.courses.tests.factories import CourseFactory
from apps.nominations.models import Nomination


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    course = factory.SubFactory(CourseFactory)
    cadre = factory.SubFactory(CadreFactory)
    agency = factory.LazyAttribute(lambda o: o.cadre.agency)
    status = "submitted"
    created_by = factory.SubFactory(UserFactory)
