"""Pages of the candidate finder: suggestions for a course and the leaders not yet trained."""

from django.core.paginator import Paginator
from django.db.models import Min
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.agencies.models import Agency
from apps.core.permissions import may, require
from apps.core.scoping import CHANGE, get_scoped_or_404
from apps.core.sections import Section
from apps.courses.choices import CourseStatus
from apps.courses.models import Course

from . import selectors
from .forms import FinderFilterForm
from .permissions import SUGGEST


def _units(user):
    """The units a user may filter by, in tree order: the top of its scope (ministries and
    provinces for the steering office), and the units below it when the scope has one top."""
    scope = Agency.objects.restrict(user, CHANGE).active()
    top = scope.aggregate(depth=Min("depth"))["depth"] or 0
    depth = top + 1 if scope.filter(depth=top).count() == 1 else top
    return scope.filter(depth__lte=depth).order_by("path")


@require_GET
def course_suggestions(request, course_pk):
    """ "Gợi ý cán bộ": the cadres of the user's scope ranked by fit for the course."""
    require(request.user, SUGGEST)
    course = get_scoped_or_404(
        Course.objects.select_related("form", "content_group"), request.user, pk=course_pk
    )
    form = FinderFilterForm(request.GET or None, units=_units(request.user))
    show_all = form.is_valid() and form.cleaned_data["show_all"]
    found = selectors.suggestions(
        fetched_by=request.user,
        course=course,
        filters=form.filters(),
        page=request.GET.get("page", 1),
        show_all=show_all,
    )
    context = {
        "course": course,
        "form": form,
        "page": found.page,
        "fit": found.fit,
        "show_all": show_all,
        "is_open": course.status == CourseStatus.OPEN,
        "query": _query_without_page(request),
        "named_ineligible": found.named_ineligible,
    }
    if request.htmx and request.htmx.target == "suggestions":
        return render(request, "finder/_suggestions.html", context)
    return render(request, "finder/course_suggestions.html", context)


@require_GET
def untrained_view(request):
    """ "Chưa được bồi dưỡng": leaders never trained under the programme, by level and field."""
    require(request.user, SUGGEST)
    year = timezone.localdate().year + 1
    cadres = selectors.untrained(fetched_by=request.user, year=year)
    return render(
        request,
        "finder/untrained.html",
        {
            "year": year,
            "counts": selectors.untrained_by_level_and_field(cadres),
            "cadres": Paginator(cadres, selectors.PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def course_finder_section(course, user) -> Section | None:
    """On the page of a course open for nominations: a link to the suggestions."""
    if course.status != CourseStatus.OPEN or not may(user, SUGGEST):
        return None
    return Section(_("Suggested cadres"), "finder/_course_section.html", extra={"course": course})
