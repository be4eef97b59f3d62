"""Factories of the partner and expert registries."""

import factory

from apps.partners.models import Expert, Partner


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Học viện Thử nghiệm {n}")
    country = "Singapore"


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    full_name = factory.Sequence(lambda n: f"Expert {n}")
    country = "Singapore"
    expertise = "Public governance"
