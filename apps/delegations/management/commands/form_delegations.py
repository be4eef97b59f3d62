"""Form the year's delegations from the command line and print how good the result is."""

import csv

from django.core.management.base import BaseCommand, CommandError

from apps.delegations.optimiser import InfeasibleError
from apps.delegations.services import csv_rows, form_delegations

HEADER = ["delegation", "cadre_id", "level", "field", "top_agency", "central", "course"]


class Command(BaseCommand):
    help = "Group the year's approved short-course nominees into delegations (CP-SAT)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--seconds", type=float, default=10.0, help="time limit per course")
        parser.add_argument("--csv", dest="csv_path", help="write one row per member here")

    def handle(self, *args, year, seed, seconds, csv_path, **options):
        try:
            run = form_delegations(year, seed=seed, seconds_per_course=seconds)
        except InfeasibleError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"delegations={run.delegations.count()} objective={run.objective} bound={run.bound} "
            f"gap={run.gap_percent:.2f}% time={run.seconds:.2f}s"
        )
        if csv_path:
            with open(csv_path, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(HEADER)
                writer.writerows(csv_rows(year))
