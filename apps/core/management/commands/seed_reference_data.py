"""Load reference data (agencies, programme settings); safe to run again."""

from django.core.management.base import BaseCommand

from apps.agencies.reference import load_agencies
from apps.programme.reference import load_programme, read_programme_yaml


class Command(BaseCommand):
    help = "Load agencies and programme settings from reference/ (creates only what is missing)."

    def handle(self, *args, **options):
        data = read_programme_yaml()
        programme = load_programme(data)
        agencies = load_agencies(merged_on=data.get("agency_merger_date"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data loaded: {agencies} agencies created, settings {programme}."
            )
        )
