"""Load reference data (agencies, programme settings); safe to run again."""

from django.core.management.base import BaseCommand

from apps.core.reference import load_reference_data


class Command(BaseCommand):
    help = "Load agencies and programme settings from reference/ (creates only what is missing)."

    def handle(self, *args, **options):
        summaries = load_reference_data()
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {'; '.join(summaries)}."))
