"""Factories for agencies (created through the service so the tree path is right)."""

import factory

from apps.agencies.choices import AgencyKind
from apps.agencies.services import agency_create


class AgencyFactory(factory.Factory):
    class Meta:
        model = dict

    code = factory.Sequence(lambda n: f"AG{n:04d}")
    name = factory.Sequence(lambda n: f"Cơ quan thử {n}")
    kind = AgencyKind.MINISTRY
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return agency_create(actor=None, **kwargs)
