"""python manage.py suggest_candidates --course CODE [--agency CODE] [--limit N]"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from apps.agencies.models import Agency
from apps.courses.models import Course
from apps.finder import selectors
from apps.finder.permissions import command_reader


class Command(BaseCommand):
    help = "Print the cadres who fit a course best, ranked, with their scores and reasons."

    def add_arguments(self, parser):
        parser.add_argument("--course", required=True, help="course code, e.g. K2026-015")
        parser.add_argument("--agency", help="code of an agency: only its subtree")
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, course, agency, limit, **options):
        translation.activate("vi")
        found = Course.objects.filter(code=course).select_related("form", "content_group").first()
        if found is None:
            raise CommandError(f"Không có lớp mã {course}.")
        unit = None
        if agency:
            unit = Agency.objects.filter(code=agency).first()
            if unit is None:
                raise CommandError(f"Không có cơ quan mã {agency}.")
        reader = command_reader()
        page = selectors.suggestions(
            fetched_by=reader,
            course=found,
            filters=selectors.Filters(unit=unit),
            page=1,
            page_size=limit,
        ).page
        self.stdout.write(f"{found.code} {found.title}: {page.paginator.count} cán bộ đáp ứng")
        for rank, s in enumerate(page.object_list, start=1):
            reasons = " · ".join(f"{r.text} (+{r.points})" for r in s.reasons)
            self.stdout.write(
                f"{rank:>3}. {s.score:>3} điểm  {s.cadre.full_name} — {s.cadre.position_title}, "
                f"{s.cadre.agency.name}\n       {reasons}"
            )
