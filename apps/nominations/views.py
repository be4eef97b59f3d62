"""Nomination views: nominate with an immediate eligibility result, review, decide."""

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from django_tables2.views import SingleTableMixin

from apps.cadres.models import Cadre
from apps.core.audit import audit_record, client_ip, logged_filters
from apps.core.permissions import may, require
from apps.core.redirects import safe_next_url
from apps.core.scoping import CHANGE, VIEW, get_scoped_or_404
from apps.courses.models import Course
from apps.planning.permissions import MANAGE_PLANS

from . import services
from .choices import NominationStatus, Outcome
from .eligibility import overall, overridable_fail, quota_fail
from .export import nomination_export_file
from .filtersets import NominationFilter
from .forms import DecisionForm, GateForm, NominateForm, ReasonForm
from .models import Nomination
from .permissions import NOMINATE, OVERRIDE, RECORD_GATE, VIEW_NOMINATIONS
from .selectors import (
    nominable_cadres,
    nomination_detail_queryset,
    nomination_list,
    places_left,
)
from .tables import NominationTable

S = NominationStatus


class NominationListView(SingleTableMixin, FilterView):
    template_name = "nominations/nomination_list.html"
    table_class = NominationTable
    filterset_class = NominationFilter
    paginate_by = 25

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW_NOMINATIONS)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return nomination_list(fetched_by=self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.urlencode()
        return context


nomination_list_view = NominationListView.as_view()


def nomination_export(request):
    """The filtered list as .xlsx; eligibility and any override are in the file."""
    require(request.user, VIEW_NOMINATIONS)
    filterset = NominationFilter(
        request.GET, queryset=nomination_list(fetched_by=request.user), user=request.user
    )
    if not filterset.is_valid():
        messages.error(request, _("The filters are not valid; nothing was exported."))
        return redirect("nominations:nomination_list")
    path, rows = nomination_export_file(filterset.qs)
    audit_record(
        actor=request.user,
        action="nominations.export",
        detail={"rows": rows, "filters": logged_filters(request.GET.dict())},
        ip_address=client_ip(request),
    )
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=f"de-cu-{timezone.localdate():%Y%m%d}.xlsx",
    )
    os.unlink(path)
    return response


def nominate(request, course_pk):
    """Search the cadres the user may nominate; each can be checked at once (htmx)."""
    require(request.user, NOMINATE)
    course = get_scoped_or_404(Course.objects.select_related("form"), request.user, pk=course_pk)
    search = request.GET.get("q", "")
    context = {
        "course": course,
        "search": search,
        "cadres": Paginator(nominable_cadres(fetched_by=request.user, search=search), 20).get_page(
            request.GET.get("page")
        ),
        "already": set(course.nominations.values_list("cadre_id", flat=True)),
    }
    if request.htmx and request.htmx.target == "cadre-results":
        return render(request, "nominations/_cadre_results.html", context)
    return render(request, "nominations/nominate.html", context)


def eligibility_check(request, course_pk, cadre_pk):
    """The eligibility result of a cadre for a course, rendered as a fragment."""
    require(request.user, NOMINATE)
    course = get_scoped_or_404(Course.objects.select_related("form"), request.user, pk=course_pk)
    cadre = get_scoped_or_404(
        Cadre.objects.select_related("agency", "position_level"), request.user, CHANGE, pk=cadre_pk
    )
    results = services.eligibility_preview(course=course, cadre=cadre)
    return render(
        request,
        "nominations/_eligibility.html",
        {
            "course": course,
            "cadre": cadre,
            "results": results,
            "outcome": overall(results),
            "overridable": overridable_fail(results),
            "form": NominateForm(),
        },
    )


@require_POST
def nomination_create(request, course_pk, cadre_pk):
    require(request.user, NOMINATE)
    course = get_scoped_or_404(Course.objects, request.user, pk=course_pk)
    cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=cadre_pk)
    form = NominateForm(request.POST)
    form.is_valid()
    try:
        nomination = services.nomination_create(
            actor=request.user,
            course=course,
            cadre=cadre,
            confirm_warnings=form.cleaned_data.get("confirm_warnings", False),
            note=form.cleaned_data.get("note", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("nominations:nominate", course_pk=course.pk)
    if nomination.status == NominationStatus.SUBMITTED:
        messages.success(request, _("%(name)s was nominated.") % {"name": cadre})
    elif nomination.outcome == Outcome.FAIL and not overridable_fail(nomination.results):
        messages.warning(
            request,
            _(
                "The quota for %(name)s is full: the nomination is kept as a draft until a "
                "steering admin moves places to the agency in the approved plan."
            )
            % {"name": cadre},
        )
    elif nomination.outcome == Outcome.FAIL:
        messages.warning(
            request,
            _(
                "%(name)s does not meet every rule: the nomination is kept as a draft; a steering "
                "admin may override it with a written reason."
            )
            % {"name": cadre},
        )
    else:
        messages.warning(
            request,
            _("Confirm the warnings to submit the nomination of %(name)s.") % {"name": cadre},
        )
    return redirect(nomination)


def nomination_detail(request, pk):
    nomination = get_scoped_or_404(
        nomination_detail_queryset(fetched_by=request.user), request.user, pk=pk
    )
    user = request.user
    status = nomination.status
    results = nomination.results
    open_statuses = (
        NominationStatus.DRAFT,
        NominationStatus.SUBMITTED,
        NominationStatus.WAITLISTED,
    )
    full_quota = quota_fail(results) if status in open_statuses else None
    return render(
        request,
        "nominations/nomination_detail.html",
        {
            "nomination": nomination,
            "can_override": may(user, OVERRIDE)
            and nomination.outcome == Outcome.FAIL
            and overridable_fail(results)
            and status in open_statuses,
            # R8 is not overridden (approval checks the quota again): places are moved instead.
            "quota_move_url": reverse("planning:quota_move", args=[full_quota.params["plan"]])
            if may(user, MANAGE_PLANS) and full_quota and full_quota.params.get("plan")
            else None,
            "can_gate": may(user, RECORD_GATE)
            and status == NominationStatus.APPROVED
            and nomination.course.form.code == "LANGUAGE",
            "gate_result": getattr(nomination, "gate_result", None)
            if hasattr(nomination, "gate_result")
            else None,
            "nominate_form": NominateForm(),
        },
    )


def _outcome_message(nomination: Nomination) -> str:
    """What the action did, as a sentence: who, which course, and the places left."""
    nomination.refresh_from_db(fields=["status"])
    names = {"cadre": nomination.cadre.full_name, "course": str(nomination.course)}
    status = nomination.status
    if status == NominationStatus.APPROVED:
        left = places_left(nomination.course)
        return ngettext(
            "Approved comrade %(cadre)s for the course %(course)s; %(left)d place left.",
            "Approved comrade %(cadre)s for the course %(course)s; %(left)d places left.",
            left,
        ) % {**names, "left": left}
    sentences = {
        NominationStatus.DRAFT: _("Saved the nomination of comrade %(cadre)s for %(course)s."),
        NominationStatus.SUBMITTED: _(
            "Submitted the nomination of comrade %(cadre)s for the course %(course)s."
        ),
        NominationStatus.REJECTED: _(
            "Rejected the nomination of comrade %(cadre)s for the course %(course)s."
        ),
        NominationStatus.WAITLISTED: _(
            "Put comrade %(cadre)s on the waiting list of the course %(course)s."
        ),
        NominationStatus.WITHDRAWN: _(
            "Withdrew the nomination of comrade %(cadre)s for the course %(course)s."
        ),
        NominationStatus.NOT_CONTINUING: _(
            "Recorded that comrade %(cadre)s does not continue the course %(course)s."
        ),
    }
    sentence = sentences.get(status, _("Recorded for comrade %(cadre)s in the course %(course)s."))
    return sentence % names


def _act(request, pk, action, *, action_check=CHANGE):
    nomination = get_scoped_or_404(Nomination.objects, request.user, action_check, pk=pk)
    try:
        action(nomination)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _outcome_message(nomination))
    return redirect(safe_next_url(request, nomination.get_absolute_url()))


@require_POST
def nomination_submit(request, pk):
    form = NominateForm(request.POST)
    form.is_valid()
    return _act(
        request,
        pk,
        lambda n: services.nomination_submit(
            actor=request.user,
            nomination=n,
            confirm_warnings=form.cleaned_data.get("confirm_warnings", False),
        ),
    )


@require_POST
def nomination_override(request, pk):
    form = ReasonForm(request.POST)
    form.is_valid()
    return _act(
        request,
        pk,
        lambda n: services.nomination_override(
            actor=request.user, nomination=n, reason=form.cleaned_data.get("reason", "")
        ),
    )


@require_POST
def nomination_decide(request, pk):
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve, reject or waitlist."))
        return redirect("nominations:nomination_detail", pk=pk)
    return _act(
        request,
        pk,
        lambda n: services.nomination_decide(
            actor=request.user,
            nomination=n,
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data.get("reason", ""),
        ),
    )


@require_POST
def nomination_withdraw(request, pk):
    form = ReasonForm(request.POST)
    form.is_valid()
    return _act(
        request,
        pk,
        lambda n: services.nomination_withdraw(
            actor=request.user, nomination=n, reason=form.cleaned_data.get("reason", "")
        ),
    )


@require_POST
def gate_record(request, pk):
    form = GateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the exit test score as a number."))
        return redirect("nominations:nomination_detail", pk=pk)
    return _act(
        request,
        pk,
        lambda n: services.gate_record(
            actor=request.user, nomination=n, score=form.cleaned_data["score"]
        ),
        action_check=VIEW,
    )
