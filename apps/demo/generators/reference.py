"""Reference data first: the demo builds on the real agency roots and programme settings."""

from apps.agencies.models import Agency
from apps.agencies.reference import load_agencies
from apps.programme.models import PositionLevel, WorkField
from apps.programme.reference import load_programme, read_programme_yaml

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
        data = read_programme_yaml()
        load_programme(data)
        created = load_agencies(merged_on=data.get("agency_merger_date"))
        return {"reference agencies created": created}
