"""Planning views: they check access, call a selector or a service, and respond."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from django_tables2 import RequestConfig
from django_tables2.views import SingleTableMixin

from apps.agencies.models import Agency
from apps.core.audit import audit_record, client_ip
from apps.core.forms import apply_service_errors
from apps.core.permissions import may, require
from apps.core.scoping import VIEW, agency_scope_ids, get_scoped_or_404

from . import selectors, services
from .export import consolidation_workbook, plan_workbook
from .filtersets import QuotaFilter
from .forms import (
    AgencyPickForm,
    NeedsCallForm,
    PlanCreateForm,
    PlannedCourseForm,
    QuotaMoveForm,
    RegistrationForm,
    ReleaseForm,
    ReopenForm,
)
from .models import AnnualPlan, NeedsCall, NeedsRegistration, PlannedCourse, PlanStatus
from .permissions import (
    MANAGE_CALLS,
    MANAGE_PLANS,
    REGISTER_NEEDS,
    REGISTER_OWN_NEEDS,
    VIEW_NEEDS,
    VIEW_PLANS,
    VIEW_QUOTAS,
)
from .tables import QuotaTable, RegistrationTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _errors_to_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- calls and registrations ----------------------------------------------------------------


def call_list(request):
    require(request.user, VIEW_NEEDS)
    calls = selectors.call_list(fetched_by=request.user)
    return render(
        request,
        "planning/call_list.html",
        {
            "calls": calls,
            "today": selectors.today(),
            "can_open": may(request.user, MANAGE_CALLS),
        },
    )


def call_create(request):
    require(request.user, MANAGE_CALLS)
    form = NeedsCallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.needs_call_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The call for needs %(year)s is open.") % {"year": call.year}
            )
            return redirect(call)
    return render(request, "planning/call_form.html", {"form": form})


def call_detail(request, pk):
    require(request.user, VIEW_NEEDS)
    call = get_object_or_404(selectors.call_list(fetched_by=request.user), pk=pk)
    table = RegistrationTable(selectors.registration_list(fetched_by=request.user, call=call))
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    own = None
    if may(request.user, REGISTER_OWN_NEEDS):
        own = NeedsRegistration.objects.filter(call=call, agency=request.user.agency).first()
    is_call_open = selectors.today() <= call.deadline
    return render(
        request,
        "planning/call_detail.html",
        {
            "call": call,
            "table": table,
            "own": own,
            "is_open": selectors.registration_is_open(own, call),
            "can_register": may(request.user, REGISTER_NEEDS),
            "can_consolidate": may(request.user, VIEW_PLANS),
            "waiting": selectors.agencies_not_registered(call=call)
            if may(request.user, VIEW_PLANS)
            else None,
            "can_remind": may(request.user, MANAGE_CALLS) and is_call_open,
        },
    )


@require_POST
def call_remind(request, pk):
    """Remind the agencies ticked (or every one still missing) to register their needs."""
    require(request.user, MANAGE_CALLS)
    call = get_object_or_404(selectors.call_list(fetched_by=request.user), pk=pk)
    waiting = selectors.agencies_not_registered(call=call)
    chosen = set(request.POST.getlist("agency"))
    agencies = [a for a in waiting if "all" in chosen or str(a.pk) in chosen]
    if not agencies:
        messages.error(request, _("Tick the agencies to remind."))
        return redirect(call)
    try:
        count = services.needs_remind(actor=request.user, call=call, agencies=agencies)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s agency was reminded to register its needs.",
                "%(count)s agencies were reminded to register their needs.",
                count,
            )
            % {"count": count},
        )
    return redirect(call)


def registration_edit(request, pk):
    """Register or edit needs; an officer for its agency, an admin for the agency it picks."""
    require(request.user, REGISTER_NEEDS)
    call = get_object_or_404(NeedsCall.objects.restrict(request.user), pk=pk)
    if may(request.user, REGISTER_OWN_NEEDS):
        agency = request.user.agency
        requested = request.GET.get("agency")
        if requested:
            scope = Agency.objects.filter(pk__in=agency_scope_ids(request.user))
            agency = get_object_or_404(scope, pk=requested)
    else:
        picker = AgencyPickForm(request.GET or None)
        if not picker.is_valid():
            return render(request, "planning/agency_pick.html", {"call": call, "form": picker})
        agency = picker.cleaned_data["agency"]
    registration = (
        selectors.registration_detail_queryset(fetched_by=request.user)
        .filter(call=call, agency=agency)
        .first()
    )
    is_open = selectors.registration_is_open(registration, call)
    form = RegistrationForm(request.POST or None, agency=agency, registration=registration)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.needs_register(
                actor=request.user,
                call=call,
                agency=agency,
                places=form.places(),
                topics=form.cleaned_data["topics"],
                preferred_countries=form.cleaned_data["preferred_countries"],
                justification=form.cleaned_data["justification"],
                candidates=form.cleaned_data["candidates"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The needs of %(agency)s were saved.") % {"agency": agency})
            return redirect(registration)
    return render(
        request,
        "planning/registration_form.html",
        {"call": call, "agency": agency, "form": form, "is_open": is_open},
    )


def registration_detail(request, pk):
    registration = get_scoped_or_404(
        selectors.registration_detail_queryset(fetched_by=request.user), request.user, pk=pk
    )
    return render(
        request,
        "planning/registration_detail.html",
        {
            "registration": registration,
            "is_open": selectors.registration_is_open(registration, registration.call),
            "can_edit": may(request.user, REGISTER_NEEDS),
            "can_reopen": may(request.user, MANAGE_CALLS),
            "reopen_form": ReopenForm(),
        },
    )


@require_POST
def registration_reopen(request, pk):
    registration = get_scoped_or_404(NeedsRegistration.objects, request.user, VIEW, pk=pk)
    require(request.user, MANAGE_CALLS)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.needs_reopen(
                actor=request.user, registration=registration, until=form.cleaned_data["until"]
            )
        except ValidationError as error:
            _errors_to_messages(request, error)
        else:
            messages.success(
                request,
                _("Registration reopened for %(agency)s.") % {"agency": registration.agency},
            )
    else:
        messages.error(request, _("Give the date until which registration is reopened."))
    return redirect(registration)


def consolidation(request, year):
    require(request.user, VIEW_PLANS)
    data = selectors.consolidation(year=year)
    return render(
        request,
        "planning/consolidation.html",
        {
            "data": data,
            "plan": AnnualPlan.objects.filter(year=year).order_by("-version").first(),
            "can_manage": may(request.user, MANAGE_PLANS),
        },
    )


def consolidation_export(request, year):
    require(request.user, VIEW_PLANS)
    content = consolidation_workbook(selectors.consolidation(year=year))
    audit_record(
        actor=request.user,
        action="planning.consolidation_export",
        detail={"year": year},
        ip_address=client_ip(request),
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tong-hop-nhu-cau-{year}.xlsx"'
    return response


# --- plans ------------------------------------------------------------------------------------


def plan_list(request):
    require(request.user, VIEW_PLANS)
    return render(
        request,
        "planning/plan_list.html",
        {
            "plans": selectors.plan_list(fetched_by=request.user),
            "can_manage": may(request.user, MANAGE_PLANS),
            "form": PlanCreateForm(initial={"year": selectors.today().year + 1}),
        },
    )


@require_POST
def plan_create(request):
    require(request.user, MANAGE_PLANS)
    form = PlanCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the year of the plan."))
        return redirect("planning:plan_list")
    try:
        plan = services.plan_create(actor=request.user, year=form.cleaned_data["year"])
    except ValidationError as error:
        _errors_to_messages(request, error)
        return redirect("planning:plan_list")
    messages.success(request, _("%(plan)s was created as a draft.") % {"plan": plan})
    return redirect(plan)


def _plan(request, pk) -> AnnualPlan:
    require(request.user, VIEW_PLANS)
    return get_scoped_or_404(
        selectors.plan_detail_queryset(fetched_by=request.user), request.user, pk=pk
    )


def _plan_context(request, plan: AnnualPlan, **extra) -> dict:
    forms, rows = selectors.plan_quota_grid(plan)
    can_manage = may(request.user, MANAGE_PLANS)
    return {
        "plan": plan,
        "totals": selectors.plan_totals(plan),
        "courses": plan.courses.select_related("form", "content_group"),
        "forms": forms,
        "quota_rows": rows,
        "transitions": plan.transitions.select_related("actor"),
        "moves": selectors.plan_moves(plan)[:50],
        "can_edit": can_manage and plan.is_editable,
        "can_manage": can_manage,
        "course_form": extra.pop("course_form", None) or PlannedCourseForm(),
        "has_newer": AnnualPlan.objects.filter(year=plan.year, version__gt=plan.version).exists(),
        **extra,
    }


def plan_detail(request, pk):
    plan = _plan(request, pk)
    return render(request, "planning/plan_detail.html", _plan_context(request, plan))


@require_POST
def plan_course_add(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    form = PlannedCourseForm(request.POST)
    if form.is_valid():
        try:
            services.plan_course_add(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_messages(request, error)
        else:
            messages.success(request, _("The course was added to the plan."))
            return redirect(plan)
    messages.error(request, _("The course was not added: correct the fields shown."))
    return render(
        request,
        "planning/plan_detail.html",
        _plan_context(request, plan, course_form=form),
        status=400,
    )


@require_POST
def plan_course_delete(request, pk, course_pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    course = get_object_or_404(PlannedCourse, plan=plan, pk=course_pk)
    try:
        services.plan_course_delete(actor=request.user, course=course)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(request, _("The course was removed from the plan."))
    return redirect(plan)


def _posted_quotas(request) -> dict[tuple[int, int], str]:
    places = {}
    for name, value in request.POST.items():
        if name.startswith("quota_"):
            try:
                _prefix, agency_id, form_id = name.split("_")
                places[(int(agency_id), int(form_id))] = value
            except ValueError:
                continue
    return places


@require_POST
def plan_quotas(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    try:
        services.plan_quotas_set(actor=request.user, plan=plan, places=_posted_quotas(request))
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(request, _("The quotas were saved."))
    return redirect(plan)


@require_POST
def plan_quota_preview(request, pk):
    """Live totals while the admin types quotas (htmx): nothing is saved."""
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    totals = selectors.plan_totals(plan)
    typed: dict[int, int] = {}
    invalid = []
    for (_agency, form_id), value in _posted_quotas(request).items():
        try:
            number = int(value or 0)
        except ValueError:
            invalid.append(value)
            continue
        if number < 0:
            invalid.append(value)
        typed[form_id] = typed.get(form_id, 0) + max(number, 0)
    for row in totals:
        row.quotas = typed.get(row.form.pk, 0)
    return render(
        request, "planning/_plan_totals.html", {"totals": totals, "invalid": invalid, "plan": plan}
    )


@require_POST
def plan_suggest(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    try:
        services.plan_quotas_suggest(actor=request.user, plan=plan)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(
            request, _("Quotas were set to the suggested allocation; edit them as needed.")
        )
    return redirect(plan)


@require_POST
def plan_transition(request, pk):
    plan = _plan(request, pk)
    try:
        plan = services.plan_transition(
            actor=request.user,
            plan=plan,
            to_status=request.POST.get("to_status", ""),
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(
            request,
            _("%(plan)s is now %(status)s.")
            % {"plan": plan, "status": plan.get_status_display().lower()},
        )
    return redirect(plan)


@require_POST
def plan_revise(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    try:
        revision = services.plan_revise(actor=request.user, plan=plan)
    except ValidationError as error:
        _errors_to_messages(request, error)
        return redirect(plan)
    messages.success(request, _("%(plan)s was created as a draft revision.") % {"plan": revision})
    return redirect(revision)


def plan_diff(request, pk):
    plan = _plan(request, pk)
    diff = selectors.plan_diff(plan)
    if diff is None:
        raise Http404
    return render(request, "planning/plan_diff.html", {"plan": plan, "diff": diff})


def plan_export(request, pk):
    plan = _plan(request, pk)
    audit_record(
        actor=request.user, action="planning.plan_export", obj=plan, ip_address=client_ip(request)
    )
    response = HttpResponse(plan_workbook(plan), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="ke-hoach-{plan.year}-v{plan.version}.xlsx"'
    )
    return response


def quota_move(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    agencies = (
        Agency.objects.filter(
            Q(depth=0, successor__isnull=True, is_active=True) | Q(quotas__plan=plan)
        )
        .distinct()
        .order_by("path")
    )
    form = QuotaMoveForm(request.POST or None, agencies=agencies)
    if plan.status != PlanStatus.APPROVED:
        messages.error(request, _("Places can only be moved or released in an approved plan."))
        return redirect(plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.quota_move(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The places were moved."))
            return redirect(plan)
    return render(
        request,
        "planning/quota_move.html",
        {
            "plan": plan,
            "form": form,
            "release_form": ReleaseForm(initial={"cut_off": selectors.today()}),
        },
    )


@require_POST
def quota_release(request, pk):
    plan = _plan(request, pk)
    require(request.user, MANAGE_PLANS)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the cut-off date."))
        return redirect("planning:quota_move", pk=plan.pk)
    try:
        released = services.quota_release_unused(
            actor=request.user, plan=plan, cut_off=form.cleaned_data["cut_off"]
        )
    except ValidationError as error:
        _errors_to_messages(request, error)
        return redirect("planning:quota_move", pk=plan.pk)
    messages.success(
        request, _("%(count)s unused places went back to the pool.") % {"count": released}
    )
    return redirect(plan)


class QuotaListView(SingleTableMixin, FilterView):
    """Approved quotas: an agency officer sees its own, readers of plans see all."""

    template_name = "planning/quota_list.html"
    table_class = QuotaTable
    filterset_class = QuotaFilter
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW_QUOTAS)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.quotas_of(fetched_by=self.request.user)


quota_list = QuotaListView.as_view()
