"""Cadre list page and export on the current database (use PostgreSQL with 100,000 cadres).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_bench \
        .venv/bin/python bench/bench_cadre_list.py [--repeat 40]

Prints p50/p95 of the full page (login, scoping, filters, table, template) for a steering admin
and an agency officer, the same rows fetched and rendered by a bare query as the baseline, the
ratio, the query count, and the time to export every visible cadre to .xlsx.
"""

import argparse
import os
import statistics
import time

from _common import ms, p95, setup_django, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.template import Context, Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.agencies.models import Agency
    from apps.cadres.export import cadre_export_xlsx
    from apps.cadres.models import Cadre
    from apps.core.models import User

    total = Cadre.objects.count()
    print(f"database: {connection.vendor}, cadres: {total:,}")
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"role": "steering_admin"}
    )
    province = Agency.objects.filter(kind="tinh", successor__isnull=True).order_by("pk").first()
    officer, _ = User.objects.get_or_create(
        username="bench-officer", defaults={"role": "agency_officer", "agency": province}
    )
    from django.conf import settings

    settings.DE165_REQUIRE_2FA = False
    scenarios = [
        ("admin, first page", admin, {}),
        ("admin, search 'nguyen van'", admin, {"q": "nguyen van"}),
        (
            "admin, filters (level+gender+age+language)",
            admin,
            {"position_level": "3", "gender": "F", "age_band": "41_50", "language": "en"},
        ),
        ("officer, own province, search 'tran'", officer, {"q": "tran"}),
        ("admin, sorted by agency, page 50", admin, {"sort": "agency", "page": "50"}),
    ]
    row_template = Template(
        "<table>{% for c in rows %}<tr><td>{{ c.full_name }}</td><td>{{ c.date_of_birth }}</td>"
        "<td>{{ c.agency.name }}</td><td>{{ c.position_title }}</td>"
        "<td>{{ c.position_level.name }}</td><td>{{ c.work_field.name }}</td></tr>{% endfor %}"
        "</table>"
    )

    def baseline(params):
        qs = Cadre.objects.select_related("agency", "position_level", "work_field")
        if "q" in params:
            qs = qs.filter(search_key__contains=params["q"])
        rows = list(qs.order_by("search_key", "pk")[:25])
        qs.count()
        row_template.render(Context({"rows": rows}))

    print(f"{'scenario':48} {'p50':>9} {'p95':>9} {'base p95':>9} {'ratio':>6} {'queries':>7}")
    for label, user, params in scenarios:
        client = Client()
        client.force_login(user)
        samples = timed(lambda c=client, p=params: c.get("/cadres/", p), args.repeat)
        base = timed(lambda p=params: baseline(p), args.repeat)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/cadres/", params)
        assert response.status_code == 200, response.status_code
        print(
            f"{label:48} {ms(statistics.median(samples)):>9} {ms(p95(samples)):>9} "
            f"{ms(p95(base)):>9} {p95(samples) / p95(base):>5.1f}x {len(queries):>7}"
        )

    if not args.skip_export:
        start = time.perf_counter()
        path, count = cadre_export_xlsx(Cadre.objects.all(), full_identifiers=False)
        elapsed = time.perf_counter() - start
        size = os.path.getsize(path) / 1e6
        os.unlink(path)
        print(
            f"export of {count:,} cadres to .xlsx: {elapsed:.1f} s ({count / elapsed:,.0f} rows/s,"
            f" {size:.1f} MB)"
        )


if __name__ == "__main__":
    main()
