"""Eligibility of 2,000 nominees against the registry, with their histories (bar: < 5 s).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_i5bench \
        .venv/bin/python bench/bench_eligibility.py [--nominees 2000] [--repeat 5]

Use a throw-away database filled with `generate_demo_data --cadres 100000`. Nominees are spread
over the courses that are open or closed for nominations (each cadre once). Prints the time to
load the nominees and evaluate every rule (R1–R8) for all of them, a baseline that only reads
the same rows (cadres, languages, nomination histories) without applying any rule, the ratio, and
the query count for 10 % of the nominees and for all of them (it must not grow).
"""

import argparse
import statistics

from _common import ms, setup_django, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nominees", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--anyone",
        action="store_true",
        help="draw nominees from the whole registry, not only from leaders (most then fail R1)",
    )
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.agencies.models import Agency
    from apps.cadres.models import Cadre, LanguageSkill
    from apps.courses.models import Course
    from apps.nominations.eligibility import Candidate, evaluate
    from apps.nominations.models import Nomination

    total = Cadre.objects.count()
    courses = list(Course.objects.filter(status__in=("open", "closed")).order_by("pk"))
    if not courses:
        courses = list(Course.objects.exclude(status="planned").order_by("-start")[:5])
    history = Nomination.objects.count()
    registry = Cadre.objects.order_by("pk")
    if not args.anyone:  # agencies nominate leaders; staff would all fail R1/R2
        registry = registry.exclude(position_level__code="OTHER")
    ids = list(registry.values_list("pk", flat=True))
    step = max(1, len(ids) // args.nominees)
    chosen = ids[::step][: args.nominees]
    print(
        f"database: {connection.vendor}, cadres: {total:,}, nominations in history: {history:,}, "
        f"courses: {len(courses)}, nominees: {len(chosen):,}"
    )

    def run(cadre_ids):
        cadres = Cadre.objects.select_related("agency", "position_level").in_bulk(cadre_ids)
        roots = Agency.objects.in_bulk({int(c.agency.path.split("/")[0]) for c in cadres.values()})
        candidates = [
            Candidate(cadre, courses[i % len(courses)], roots[int(cadre.agency.path.split("/")[0])])
            for i, cadre in enumerate(cadres.values())
        ]
        return evaluate(candidates)

    def baseline(cadre_ids):
        cadres = Cadre.objects.select_related("agency", "position_level").in_bulk(cadre_ids)
        list(LanguageSkill.objects.filter(cadre_id__in=cadre_ids).values_list("cadre_id", "level"))
        list(
            Nomination.objects.filter(cadre_id__in=cadre_ids).values_list(
                "cadre_id", "course__form_id", "course__start", "course__end", "status"
            )
        )
        return cadres

    results = run(chosen)
    outcomes = {"pass": 0, "warning": 0, "fail": 0}
    for rule_results in results:
        worst = max((r.outcome for r in rule_results), key=["pass", "warning", "fail"].index)
        outcomes[worst] += 1
    engine = timed(lambda: run(chosen), args.repeat)
    bare = timed(lambda: baseline(chosen), args.repeat)
    with CaptureQueriesContext(connection) as few:
        run(chosen[: max(1, len(chosen) // 10)])
    with CaptureQueriesContext(connection) as many:
        run(chosen)
    median, base = statistics.median(engine), statistics.median(bare)
    print(f"outcomes: {outcomes}")
    print(f"eligibility of {len(chosen):,} nominees: median {ms(median)}, max {ms(max(engine))}")
    print(f"baseline (same rows read, no rule): median {ms(base)}")
    print(f"ratio: {median / base:.2f}x")
    print(
        f"queries: {len(few)} for {max(1, len(chosen) // 10):,} nominees, "
        f"{len(many)} for {len(chosen):,}"
    )
    print(f"bar < 5 s: {'met' if median < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
