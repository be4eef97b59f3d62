"""Consolidation page with 300 agencies' registrations and 5 years of history (use PostgreSQL).

    createdb -h 127.0.0.1 -U postgres de165_planning_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_planning_bench \
        .venv/bin/python manage.py migrate && ... seed_reference_data
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_planning_bench \
        .venv/bin/python bench/bench_consolidation.py [--repeat 40] [--agencies 300]

The first run creates (and commits) the data: ``--agencies`` top-level agencies named BENCH…,
each registering for 2022–2027 with 3–6 lines, approved plans 2022–2026 with quotas and places
used, and a 2028 call where a third of them registered. Prints p50/p95 of the full page for a
steering admin, a baseline (the same registrations and sums fetched and rendered by a bare
template), the ratio, and the query count for 300 and for 100 agencies (it must not change).
"""

import argparse
import random
import statistics

from _common import ms, p95, setup_django, timed

YEARS = range(2022, 2028)


def build(agency_count: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from apps.agencies.models import Agency
    from apps.agencies.services import agency_create
    from apps.core.models import User
    from apps.planning.models import (
        AnnualPlan,
        NeedsCall,
        NeedsLine,
        NeedsRegistration,
        PlannedCourse,
        Quota,
    )
    from apps.programme.models import ContentGroup, TrainingForm

    if not TrainingForm.objects.exists():
        call_command("seed_reference_data", verbosity=0)
    existing = Agency.objects.filter(code__startswith="BENCH").count()
    if existing >= agency_count:
        return
    rng = random.Random(165)
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"role": "steering_admin"}
    )
    forms = list(TrainingForm.objects.order_by("pk"))
    groups = list(ContentGroup.objects.order_by("code"))
    with transaction.atomic():
        NeedsCall.objects.all().delete()
        AnnualPlan.objects.all().delete()
        agencies = list(Agency.objects.filter(code__startswith="BENCH").order_by("code"))
        for n in range(existing, agency_count):
            agencies.append(
                agency_create(
                    actor=None, code=f"BENCH{n:04d}", name=f"Cơ quan đo {n:04d}", kind="tinh"
                )
            )
        print(f"created {agency_count - existing} agencies")
        for year in [*YEARS, 2028]:
            call = NeedsCall.objects.create(
                year=year, deadline=f"{year - 1}-10-31", opened_by=admin
            )
            registering = agencies if year < 2028 else agencies[: len(agencies) // 3]
            registrations = NeedsRegistration.objects.bulk_create(
                NeedsRegistration(call=call, agency=a, created_by=admin, topics="Chủ đề")
                for a in registering
            )
            lines = []
            for registration in registrations:
                pairs = rng.sample([(f, g) for f in forms for g in groups], rng.randint(3, 6))
                lines += [
                    NeedsLine(
                        registration=registration,
                        form=f,
                        content_group=g,
                        places=rng.randint(1, 4),
                    )
                    for f, g in pairs
                ]
            NeedsLine.objects.bulk_create(lines)
            if year >= 2027:
                continue
            plan = AnnualPlan.objects.create(year=year, status="approved", created_by=admin)
            PlannedCourse.objects.bulk_create(
                PlannedCourse(
                    plan=plan,
                    form=f,
                    content_group=groups[0],
                    topic="Khóa",
                    quarter=2,
                    capacity=2000,
                )
                for f in forms
            )
            quotas = []
            for a in agencies:
                for f in forms:
                    places = rng.randint(0, 4)
                    if places:
                        used = rng.randint(0, places)
                        quotas.append(Quota(plan=plan, agency=a, form=f, places=places, used=used))
            Quota.objects.bulk_create(quotas)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--agencies", type=int, default=300)
    args = parser.parse_args()
    setup_django()

    from django.conf import settings
    from django.db import connection
    from django.db.models import Sum
    from django.template import Context, Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.core.models import User
    from apps.planning.models import NeedsLine, NeedsRegistration

    build(args.agencies)
    settings.DE165_REQUIRE_2FA = False
    admin = User.objects.get(username="bench-admin")
    regs = NeedsRegistration.objects.filter(call__year=2027).count()
    lines = NeedsLine.objects.count()
    print(f"database: {connection.vendor}, registrations 2027: {regs}, needs lines: {lines:,}")

    row_template = Template(
        "<table>{% for r in rows %}<tr><td>{{ r.agency.name }}</td><td>{{ r.total }}</td>"
        "</tr>{% endfor %}</table>"
    )

    def baseline():
        rows = list(
            NeedsRegistration.objects.filter(call__year=2027)
            .select_related("agency")
            .annotate(total=Sum("lines__places"))
            .order_by("agency__path")
        )
        row_template.render(Context({"rows": rows}))

    client = Client()
    client.force_login(admin)
    url = "/planning/consolidation/2027/"
    samples = timed(lambda: client.get(url), args.repeat)
    base = timed(baseline, args.repeat)
    counts = {}
    for year in (2027, 2028):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/planning/consolidation/{year}/")
        assert response.status_code == 200, response.status_code
        counts[year] = (NeedsRegistration.objects.filter(call__year=year).count(), len(queries))
    print(f"{'scenario':40} {'p50':>9} {'p95':>9} {'base p95':>9} {'ratio':>6}")
    print(
        f"{'admin, consolidation 2027':40} {ms(statistics.median(samples)):>9} "
        f"{ms(p95(samples)):>9} {ms(p95(base)):>9} {p95(samples) / p95(base):>5.1f}x"
    )
    for year, (agencies, queries) in counts.items():
        print(f"queries for {year}: {queries} with {agencies} agencies registered")


if __name__ == "__main__":
    main()
