"""Benchmark of ``generate_demo_data``: 100,000 cadres into a fresh database, against a baseline.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_bench
    .venv/bin/python bench/bench_generate.py
    .venv/bin/python bench/bench_generate.py --allow-sqlite --cadres 20000   # a quick look

The database named in DATABASE_URL is not touched: Django's test-database machinery creates a
fresh one beside it (``test_<name>``), migrates it, and drops it at the end. In it:

1. the generators run exactly as ``generate_demo_data --cadres N --seed S`` runs them (reference
   data, ~1,500 agencies, N cadres with position history and languages, one transaction);
2. the baseline: N minimal ``Cadre`` rows (required fields only, constant values) inserted with
   a bare ``bulk_create`` in batches of 5,000, in one transaction, into the same table.

It prints seconds, rows per second and the ratio generation / baseline, and writes them to the
"## Demo data generation" section of docs/BENCHMARKS.md (other sections are left alone).
"""

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Demo data generation"
BATCH_SIZE = 5_000


def _setup_django(allow_sqlite: bool) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # no query log, as in production
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        if not allow_sqlite:
            sys.exit(
                "bench_generate measures PostgreSQL: set DATABASE_URL=postgres://... "
                "(or pass --allow-sqlite for a rough look)."
            )
        database.setdefault("TEST", {})["NAME"] = str(ROOT / "var" / "bench_generate.sqlite3")


def _baseline(count: int) -> float:
    """Seconds to insert ``count`` minimal cadres with a bare bulk_create."""
    from django.db import transaction

    from apps.agencies.models import Agency
    from apps.cadres.models import Cadre
    from apps.programme.models import PositionLevel, WorkField

    agency = Agency.objects.get(code="BNV")
    level = PositionLevel.objects.get(code="OTHER")
    field = WorkField.objects.get(code="QLNN")
    born = datetime.date(1975, 6, 15)
    started = time.perf_counter()
    with transaction.atomic():
        for first in range(0, count, BATCH_SIZE):
            Cadre.objects.bulk_create(
                [
                    Cadre(
                        full_name="Nguyễn Văn An",
                        gender="M",
                        date_of_birth=born,
                        national_id=f"9{n:011d}",  # generated IDs start with 0
                        agency=agency,
                        position_title="Chuyên viên",
                        position_level=level,
                        work_field=field,
                        search_key="nguyen van an",
                    )
                    for n in range(first, min(first + BATCH_SIZE, count))
                ],
                batch_size=BATCH_SIZE,
            )
    return time.perf_counter() - started


def _server() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    return f"{connection.vendor} {connection.Database.sqlite_version}"


def _write_section(text: str) -> Path:
    """Replace (or add) this benchmark's section of docs/BENCHMARKS.md, keeping the others."""
    path = ROOT / "docs" / "BENCHMARKS.md"
    content = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    lines = content.splitlines()
    if SECTION in lines:
        start = lines.index(SECTION)
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        lines[start:end] = [*text.rstrip("\n").splitlines(), ""]
    else:
        lines += ["", *text.rstrip("\n").splitlines()]
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cadres", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=165)
    parser.add_argument("--allow-sqlite", action="store_true", help="Run on SQLite anyway.")
    parser.add_argument("--no-write", action="store_true", help="Do not update BENCHMARKS.md.")
    args = parser.parse_args()
    _setup_django(args.allow_sqlite)

    from django.db import connection

    from apps.demo.generators import run_generators

    server = _server()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        ctx = run_generators(seed=args.seed, options={"cadres": args.cadres})
        generate = time.perf_counter() - started
        baseline = _baseline(args.cadres)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    stats, timings = ctx.stats, ctx.timings
    rows = sum(stats.get(key, 0) for key in ("cadres", "positions", "languages"))
    rows += stats.get("agency units created", 0) + stats.get("reference agencies created", 0)
    agencies = timings.get("reference", 0) + timings.get("agencies", 0)
    cadres = timings.get("cadres", generate)
    python = f"Python {platform.python_version()}"
    written = (
        f"{rows:,}: {stats['agencies']:,} agencies in the tree, {stats['cadres']:,} cadres, "
        f"{stats['positions']:,} position history rows, {stats['languages']:,} language rows"
    )
    total = f"{generate:.1f} s, {rows / generate:,.0f} rows/s"
    bare = f"{baseline:.1f} s, {args.cadres / baseline:,.0f} rows/s"
    figures = [
        ("database", server),
        ("machine", f"{platform.machine()}, {os.cpu_count()} CPUs, {python}"),
        ("generate_demo_data", f"--cadres {args.cadres:,} --seed {args.seed}, fresh database"),
        ("rows written", written),
        ("total (reference, agencies, cadres, commit)", total),
        ("of which reference data and agencies", f"{agencies:.1f} s"),
        ("of which cadres", f"{cadres:.1f} s, {args.cadres / cadres:,.0f} cadres/s"),
        ("baseline: bare bulk_create, minimal cadres", bare),
        ("ratio total / baseline", f"{generate / baseline:.1f}×"),
        ("ratio cadres stage / baseline", f"{cadres / baseline:.1f}×"),
    ]  # fmt: skip
    for name, value in figures:
        print(f"{name:>50}: {value}")

    if args.no_write:
        return
    today = datetime.datetime.now(tz=datetime.UTC).date()
    table = "\n".join(f"| {name} | {value} |" for name, value in figures)
    text = f"""{SECTION}

`bench/bench_generate.py`, run on {today:%d/%m/%Y}. Requirement: 100,000 cadres in
under 2 minutes on PostgreSQL. The baseline inserts the same number of minimal cadre rows (required
fields only, constant values) with a bare `bulk_create` in the same database and run; the ratio
prices everything the generator adds: making realistic people (names, careers, languages, unique
identifiers, retirement dates), ~2 position rows and ~0.8 language rows per cadre, and the agency
tree created through `agency_create`. Shared, noisy machine: read the ratio, keep the seconds as a
guide.

| what | figure |
|---|---|
{table}
"""
    print(f"Written to {_write_section(text)}")


if __name__ == "__main__":
    main()
