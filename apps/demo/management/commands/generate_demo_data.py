"""Make the demo data set: agencies below the reference roots, cadres, and what later areas add."""

import time

from django.core.management.base import BaseCommand

from apps.cadres.models import Cadre
from apps.demo.generators import generators, run_generators


class Command(BaseCommand):
    help = (
        "Generate realistic demo data, the same for the same seed (loads the reference data "
        "first if it is missing). All of it is written in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=165, help="Random seed (default 165).")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if there are cadres already (so `make demo` can be re-run).",
        )
        for generator in generators():
            generator.add_arguments(parser)

    def handle(self, *args, **options):
        if options["if_empty"] and Cadre.objects.exists():
            self.stdout.write("Demo data not generated: there are cadres already (--if-empty).")
            return
        verbosity = options["verbosity"]
        started = time.perf_counter()
        ctx = run_generators(
            seed=options["seed"],
            options=options,
            log=(lambda message: self.stdout.write(f"  {message}")) if verbosity > 1 else None,
        )
        seconds = time.perf_counter() - started
        figures = ", ".join(f"{name} {value:,}" for name, value in ctx.stats.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data generated (seed {ctx.seed}) in {seconds:.1f} s: {figures}."
            )
        )
