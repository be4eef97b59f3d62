"""Candidate finder page on the current database (use PostgreSQL with 100,000 cadres).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/de165_bench \
        .venv/bin/python bench/bench_finder.py [--repeat 30]

Prints p50/p95 of the suggestion page of an open short course (login, scoping, hard rules,
scoring and ranking in SQL, the eligibility engine on the page's rows, template) for the
steering admin (whole registry) and for the officer of the largest ministry; the baseline is a
bare query of the same pool (eligible level, not on the course) ordered by name, one page of
it rendered; the ratio; the query count.
"""

import argparse

from _common import ms, p95, setup_django, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup_django()

    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.template import Context, Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.agencies.models import Agency
    from apps.cadres.models import Cadre
    from apps.core.models import User
    from apps.courses.models import Course
    from apps.programme.models import TrainingForm

    settings.DE165_REQUIRE_2FA = False
    total = Cadre.objects.count()
    course = (
        Course.objects.filter(status="open", form__code="SHORT").order_by("start", "pk").first()
    )
    print(f"database: {connection.vendor}, cadres: {total:,}, course: {course.code}")
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"role": "steering_admin"}
    )
    roots = Agency.objects.filter(parent__isnull=True, is_central=True)
    biggest = max(
        roots, key=lambda a: Cadre.objects.filter(agency__path__startswith=a.path).count()
    )
    officer, _ = User.objects.get_or_create(
        username="bench-finder-officer", defaults={"role": "agency_officer", "agency": biggest}
    )
    levels = TrainingForm.eligible_levels.through.objects.filter(
        trainingform_id=course.form_id
    ).values("positionlevel_id")
    rows = Template(
        "<ol>{% for c in rows %}<li>{{ c.full_name }} {{ c.position_title }} {{ c.agency.name }}"
        "</li>{% endfor %}</ol>"
    )

    def baseline(agency):
        pool = Cadre.objects.filter(position_level__in=levels).exclude(
            pk__in=course.nominations.values("cadre_id")
        )
        if agency is not None:
            pool = pool.filter(agency__path__startswith=agency.path)
        page = list(pool.select_related("agency").order_by("search_key", "pk")[:20])
        pool.aggregate(n=Count("pk"))
        rows.render(Context({"rows": page}))

    url = f"/finder/course/{course.pk}/"
    print(f"{'scenario':44} {'p50':>9} {'p95':>9} {'base p95':>9} {'ratio':>6} {'queries':>7}")
    for label, user, agency in [
        ("steering admin, whole registry", admin, None),
        (f"officer of {biggest.short_name or biggest.name}", officer, biggest),
    ]:
        client = Client()
        client.force_login(user)
        samples = timed(lambda c=client: c.get(url), args.repeat)
        base = timed(lambda a=agency: baseline(a), args.repeat)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        print(
            f"{label:44} {ms(sorted(samples)[len(samples) // 2]):>9} {ms(p95(samples)):>9} "
            f"{ms(p95(base)):>9} {p95(samples) / p95(base):>5.1f}× {len(queries):>7}"
        )


if __name__ == "__main__":
    main()
