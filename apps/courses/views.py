"""Course views: they check access, call a selector or service, and respond."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.pages import ListPage, edit_page
from apps.core.permissions import may, require
from apps.core.scoping import CHANGE, get_scoped_or_404
from apps.planning.models import PlannedCourse, PlanStatus

from . import hooks, services
from .choices import FROZEN_STATUSES
from .filtersets import CourseFilter
from .forms import AgendaItemForm, CourseForm, PhaseForm, TransitionForm
from .models import AgendaItem, Course, CoursePhase
from .permissions import CHANGE_COURSE, ORGANISE_COURSES, VIEW_COURSES, VIEW_OWN_COURSES
from .sections import COURSE_SECTIONS
from .selectors import course_detail_queryset, course_list
from .tables import CourseTable


class CourseListView(ListPage):
    table_class = CourseTable
    filterset_class = CourseFilter
    title = gettext_lazy("Courses")
    create_url = "courses:course_create"
    create_label = gettext_lazy("Add a course")
    links = (
        ("partners:partner_list", gettext_lazy("Partners")),
        ("partners:expert_list", gettext_lazy("Experts")),
    )
    perm = VIEW_COURSES
    create_perm = ORGANISE_COURSES

    def get_queryset(self):
        return course_list(fetched_by=self.request.user)


course_list_view = CourseListView.as_view()


def course_create(request):
    require(request.user, ORGANISE_COURSES)
    form = CourseForm(request.POST or None, user=request.user, initial=_from_plan(request))
    return edit_page(
        request,
        form,
        title=_("New course"),
        cancel="courses:course_list",
        save=lambda data: services.course_create(actor=request.user, **data),
    )


def _from_plan(request) -> dict:
    """Initial values from a course of the approved plan (``?planned=<id>``)."""
    planned = (
        PlannedCourse.objects.filter(
            pk=request.GET.get("planned") or 0, plan__status=PlanStatus.APPROVED
        ).first()
        if (request.GET.get("planned") or "").isdigit()
        else None
    )
    if planned is None:
        return {}
    return {
        "planned_course": planned.pk,
        "title": planned.topic,
        "form": planned.form_id,
        "content_group": planned.content_group_id,
        "countries": planned.country,
        "capacity": planned.capacity,
    }


def course_edit(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, CHANGE, pk=pk)
    if course.status in FROZEN_STATUSES:
        messages.error(request, _("The course can no longer be changed."))
        return redirect(course)
    form = CourseForm(request.POST or None, instance=course, user=request.user)
    return edit_page(
        request,
        form,
        title=_("Edit course"),
        cancel="courses:course_list",
        save=lambda data: services.course_update(actor=request.user, course=course, **data),
    )


def course_detail(request, pk):
    course = get_scoped_or_404(course_detail_queryset(fetched_by=request.user), request.user, pk=pk)
    can_edit = may(request.user, CHANGE_COURSE, course)
    context = {
        "course": course,
        "can_edit": can_edit and course.status not in FROZEN_STATUSES,
        "agenda_form": AgendaItemForm() if can_edit else None,
        "summary": hooks.course_summary(course, request.user),
        "sections": COURSE_SECTIONS.for_object(course, request.user),
        "phases": list(course.phases.all()),
    }
    return render(request, "courses/course_detail.html", context)


@require_POST
def course_transition(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, CHANGE, pk=pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.course_transition(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The course status was changed."))
    else:
        messages.error(request, _("Choose a valid status."))
    return redirect(course)


@require_POST
def agenda_add(request, pk):
    course = get_scoped_or_404(Course.objects, request.user, CHANGE, pk=pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_add(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The agenda item was added."))
    else:
        messages.error(
            request,
            _("The agenda item was not added: %(errors)s")
            % {"errors": "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())},
        )
    return redirect(course)


@require_POST
def agenda_delete(request, pk, item_pk):
    course = get_scoped_or_404(Course.objects, request.user, CHANGE, pk=pk)
    item = AgendaItem.objects.filter(course=course, pk=item_pk).first()
    if item is None:
        raise Http404
    try:
        services.agenda_delete(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(course)


@require_POST
def phase_edit(request, pk, phase_pk):
    course = get_scoped_or_404(Course.objects, request.user, CHANGE, pk=pk)
    phase = CoursePhase.objects.filter(course=course, pk=phase_pk).first()
    if phase is None:
        raise Http404
    form = PhaseForm(request.POST, instance=phase)
    if form.is_valid():
        try:
            services.phase_update(actor=request.user, phase=phase, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("The phase dates are not valid."))
    return redirect(course)


def course_programme(request, pk):
    """The printable programme of the course."""
    course = get_scoped_or_404(course_detail_queryset(fetched_by=request.user), request.user, pk=pk)
    return render(request, "courses/course_programme.html", {"course": course})


def my_courses(request):
    """A participant's nominations and courses with dates, agenda and documents."""
    if not may(request.user, VIEW_OWN_COURSES) or not request.user.cadre_id:
        raise Http404
    nominations = hooks.own_nominations(request.user.cadre_id, request.user)
    return render(request, "courses/my_courses.html", {"nominations": nominations})
