"""Benchmark of the cadre import from Excel: rows per second, peak memory, ratio to a baseline.

    .venv/bin/python bench/bench_import.py                    # 100,000 rows, SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/bench_import.py
    .venv/bin/python bench/bench_import.py --rows 20000 100000  # memory at two sizes

Each size runs in a fresh child process with its own throw-away database (Django's test
database machinery), so peak RSS (resource.getrusage) is that of one import. A child:

1. creates and migrates the database, loads the reference data;
2. writes an N-row .xlsx with xlsxwriter (constant memory);
3. times ``cadre_import`` (validation pass + insert pass in one transaction);
4. deletes the cadres and times the baseline: the same rows built straight into ``Cadre``
   objects and inserted with plain ``bulk_create`` in the same batches and one transaction —
   no file, no validation, no derived fields;
5. times ``bulk_create_with_history`` on the same rows, to price simple-history rows.
"""

import argparse
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Hồng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai"]
POSITIONS = ["Vụ trưởng", "Phó Vụ trưởng", "Cục trưởng", "Giám đốc Sở", "Phó Giám đốc Sở"]
LANGS = ["Tiếng Anh", "Tiếng Pháp", "Tiếng Nga", "Tiếng Trung", ""]
LEVELS = ["A2", "B1", "B2", "C1"]


def _setup_django(db_file: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.conf import settings

    django.setup()
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = db_file


def _rows(count: int, agencies: list[str], levels: list[str], fields: list[str], seed: int):
    """Generated cadres as dicts keyed by template column name (a dict per row, streamed)."""
    rng = random.Random(seed)
    for n in range(count):
        language = rng.choice(LANGS)
        yield {
            "full_name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "gender": rng.choice(["Nam", "Nữ"]),
            "date_of_birth": datetime.date(rng.randint(1960, 1995), rng.randint(1, 12), 15),
            "ethnicity": "Kinh",
            "hometown": "Xã Yên Phong, tỉnh Bắc Ninh",
            "national_id": f"{100000000000 + n:012d}",
            "agency": rng.choice(agencies),
            "position_title": rng.choice(POSITIONS),
            "position_level": rng.choice(levels),
            "work_field": rng.choice(fields),
            "uses_foreign_language": "Có" if language else "Không",
            "party_joined_on": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2005",
            "degree": "Thạc sĩ",
            "political_theory": "Cao cấp",
            "language_1": language,
            "level_1": rng.choice(LEVELS) if language else "",
        }


def _write_file(path: Path, rows) -> None:
    import xlsxwriter

    from apps.cadres.importing import COLUMNS

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, [column.header for column in COLUMNS])
    for row_index, row in enumerate(rows, start=1):
        for col, column in enumerate(COLUMNS):
            value = row.get(column.name, "")
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row_index, col, datetime.datetime.combine(value, datetime.time()), date_format
                )
            elif value:
                sheet.write_string(row_index, col, value)
    workbook.close()


def _baseline_objects(rows, agencies: dict, levels: dict, fields: dict):
    """The same rows as Cadre objects, mapped directly (no checks, no derived fields)."""
    from apps.cadres.models import Cadre

    for row in rows:
        yield Cadre(
            full_name=row["full_name"],
            gender="M" if row["gender"] == "Nam" else "F",
            date_of_birth=row["date_of_birth"],
            ethnicity=row["ethnicity"],
            hometown=row["hometown"],
            national_id=row["national_id"],
            agency_id=agencies[row["agency"]],
            position_title=row["position_title"],
            position_level_id=levels[row["position_level"]],
            work_field_id=fields[row["work_field"]],
            uses_foreign_language=bool(row["language_1"]),
            degree="ThS",
            political_theory="cao_cap",
            search_key=row["full_name"],
        )


def _timed_bulk(objects, insert, batch_size: int) -> float:
    from django.db import transaction

    started = time.perf_counter()
    with transaction.atomic():
        batch = []
        for obj in objects:
            batch.append(obj)
            if len(batch) >= batch_size:
                insert(batch)
                batch = []
        if batch:
            insert(batch)
    return time.perf_counter() - started


def child(count: int, seed: int) -> dict:
    """One measurement in this (fresh) process; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(str(Path(tmp) / "bench.sqlite3"))
        from django.core.management import call_command
        from django.db import connection
        from simple_history.utils import bulk_create_with_history

        from apps.agencies.models import Agency
        from apps.cadres import importing
        from apps.cadres.models import Cadre
        from apps.core.importing import VALIDATING
        from apps.core.models import User
        from apps.programme.models import PositionLevel, WorkField

        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            call_command("seed_reference_data", verbosity=0)
            actor = User.objects.create(username="bench", role="steering_admin")
            agencies = dict(Agency.objects.filter(successor__isnull=True).values_list("code", "pk"))
            levels = dict(PositionLevel.objects.values_list("code", "pk"))
            fields = dict(WorkField.objects.values_list("code", "pk"))
            path = Path(tmp) / "cadres.xlsx"
            started = time.perf_counter()
            _write_file(path, _rows(count, list(agencies), list(levels), list(fields), seed))
            generate_s = time.perf_counter() - started
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

            phases: dict[str, float] = {}

            def progress(phase: str, done: int, total: int) -> None:
                phases[phase] = time.perf_counter()  # the last report of a phase is its end

            started = time.perf_counter()
            outcome = importing.cadre_import(actor=actor, path=path, progress=progress)
            import_s = time.perf_counter() - started
            assert outcome.ok, [issue.describe() for issue in outcome.issues[:5]]
            assert Cadre.objects.count() == count
            rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            validate_s = phases[VALIDATING] - started

            def reset() -> None:
                # Raw deletes: the ORM would first load 100,000 cadres to check protections.
                from apps.cadres.models import LanguageSkill

                with connection.cursor() as cursor:
                    for model in (LanguageSkill, Cadre, Cadre.history.model):
                        cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608

            reset()
            rows = _rows(count, list(agencies), list(levels), list(fields), seed)
            baseline_s = _timed_bulk(
                _baseline_objects(rows, agencies, levels, fields),
                Cadre.objects.bulk_create,
                importing.CADRE_IMPORTER.batch_size,
            )
            reset()
            rows = _rows(count, list(agencies), list(levels), list(fields), seed)
            history_s = _timed_bulk(
                _baseline_objects(rows, agencies, levels, fields),
                lambda batch: bulk_create_with_history(batch, Cadre, default_user=actor),
                importing.CADRE_IMPORTER.batch_size,
            )
            return {
                "rows": count,
                "database": connection.vendor,
                "file_mb": round(path.stat().st_size / 1048576, 1),
                "generate_s": round(generate_s, 2),
                "import_s": round(import_s, 2),
                "validate_s": round(validate_s, 2),
                "insert_s": round(import_s - validate_s, 2),
                "rows_per_s": round(count / import_s),
                "baseline_s": round(baseline_s, 2),
                "ratio": round(import_s / baseline_s, 2),
                "history_baseline_s": round(history_s, 2),
                "history_ratio": round(history_s / baseline_s, 2),
                "peak_rss_mb_before_import": round(rss_before / 1024),
                "peak_rss_mb": round(rss_import / 1024),
            }
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=165)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.rows[0], args.seed)))
        return
    for count in args.rows:
        result = subprocess.run(  # noqa: S603 - runs this very script with our own arguments
            [sys.executable, __file__, "--child", "--rows", str(count), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        print(
            f"cadre import, {figures['rows']:,} rows on {figures['database']} "
            f"({figures['file_mb']} MB .xlsx)\n"
            f"  import:   {figures['import_s']:>7.2f} s  ({figures['rows_per_s']:,} rows/s; "
            f"validation {figures['validate_s']:.2f} s, insert {figures['insert_s']:.2f} s)\n"
            f"  baseline: {figures['baseline_s']:>7.2f} s  (plain bulk_create, no validation)\n"
            f"  ratio import/baseline: {figures['ratio']:.2f}\n"
            f"  bulk_create_with_history: {figures['history_baseline_s']:.2f} s "
            f"({figures['history_ratio']:.2f} x plain bulk_create)\n"
            f"  peak RSS: {figures['peak_rss_mb']} MB "
            f"(before the import: {figures['peak_rss_mb_before_import']} MB)"
        )


if __name__ == "__main__":
    main()
