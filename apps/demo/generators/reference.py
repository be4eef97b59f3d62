"""Reference data first: the demo builds on the real agency roots and programme settings."""

from apps.agencies.models import Agency
from apps.core.reference import load_reference_data
from apps.programme.models import PositionLevel, WorkField

from .base import DemoContext, Generator, register


@register
class ReferenceGenerator(Generator):
    """Load what ``seed_reference_data`` loads, when it is missing (the loaders are idempotent)."""

    name = "reference"
    order = 0

    def run(self, ctx: DemoContext) -> dict[str, int]:
        has_settings = PositionLevel.objects.exists() and WorkField.objects.exists()
        if has_settings and Agency.objects.filter(parent__isnull=True).exists():
            return {}
        before = Agency.objects.count()
        load_reference_data()
        return {"reference agencies created": Agency.objects.count() - before}
