"""Pages of delegation formation: a year's delegations, a formation run in the background with its
progress, one delegation with its members, moves, pins and confirmation. The steering admin forms
and changes (``FORM_DELEGATIONS``); the readers of the policy (``VIEW_DELEGATIONS``) only read."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.core import workflow
from apps.core.permissions import may, require

from . import selectors, services
from .models import Delegation, DelegationMember, FormationJob
from .permissions import FORM_DELEGATIONS, VIEW_DELEGATIONS


class FormationForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    courses = forms.MultipleChoiceField(
        label=gettext_lazy("Only these short courses (none chosen: every short course)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["courses"].choices = [
            (c.pk, f"{c.code} — {c.title} ({c.start:%d/%m/%Y})")
            for c in selectors.short_courses(year)
        ]


def _year(request) -> int:
    """The year asked for, if it is one a delegation can have; else the latest with any."""
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or "")
    except ValueError:
        year = 0
    if 2000 <= year <= 2100:
        return year
    found = selectors.years()
    return found[0] if found else timezone.localdate().year


@require_http_methods(["GET", "POST"])
def delegation_list(request):
    require(request.user, VIEW_DELEGATIONS)
    year = _year(request)
    form = FormationForm(request.POST or None, year=year, initial={"year": year})
    if request.method == "POST":
        require(request.user, FORM_DELEGATIONS)
        if form.is_valid():
            job = services.start_formation(
                actor=request.user,
                year=form.cleaned_data["year"],
                courses=[int(pk) for pk in form.cleaned_data["courses"]],
            )
            return redirect("delegations:job_detail", pk=job.pk)
    run = selectors.latest_run(year)
    context = {
        "year": year,
        "years": selectors.years(),
        "form": form,
        "overview": selectors.year_overview(year),
        "run": run,
        "job": selectors.latest_job(year),
        "apart": selectors.kept_apart(year),
        "can_form": may(request.user, FORM_DELEGATIONS),
    }
    return render(request, "delegations/delegation_list.html", context)


def _job(request, pk: int) -> FormationJob:
    require(request.user, VIEW_DELEGATIONS)
    return get_object_or_404(FormationJob.objects.select_related("run"), pk=pk)


@require_GET
def job_detail(request, pk: int):
    return render(request, "delegations/job_detail.html", {"job": _job(request, pk)})


@require_GET
def job_status(request, pk: int):
    job = _job(request, pk)
    response = render(request, "delegations/job_status.html", {"job": job})
    if job.is_finished and request.htmx:
        response["HX-Refresh"] = "true"
    return response


def _delegation(request, pk: int) -> Delegation:
    require(request.user, VIEW_DELEGATIONS)
    return get_object_or_404(
        Delegation.objects.select_related("course", "head", "secretary", "run"), pk=pk
    )


@require_GET
def delegation_detail(request, pk: int):
    delegation = _delegation(request, pk)
    members = list(
        delegation.members.select_related(
            *selectors.MEMBER_RELATED, "nomination__cadre__agency"
        ).order_by("nomination__cadre__position_level__rank", "nomination__cadre__full_name")
    )
    others = Delegation.objects.filter(
        year=delegation.year, course=delegation.course_id, status=delegation.status
    ).exclude(pk=delegation.pk)
    context = {
        "delegation": delegation,
        "members": members,
        "composition": selectors.composition(delegation),
        "others": others,
        "editable": delegation.status == "proposed" and may(request.user, FORM_DELEGATIONS),
        "next_steps": workflow.available_transitions(delegation, request.user),
        "transitions": delegation.transitions.select_related("actor"),
    }
    return render(request, "delegations/delegation_detail.html", context)


def _member(request, pk: int) -> DelegationMember:
    require(request.user, FORM_DELEGATIONS)
    return get_object_or_404(
        DelegationMember.objects.select_related("delegation", "nomination__cadre"), pk=pk
    )


def _target(request, member: DelegationMember) -> Delegation | None:
    try:
        pk = int(request.POST.get("to") or request.GET.get("to") or "")
    except ValueError:
        return None
    return Delegation.objects.filter(pk=pk, year=member.delegation.year).first()


@require_GET
def move_check(request, pk: int):
    """The live re-check of a move: every rule it would break, explained, before it is made."""
    member = _member(request, pk)
    target = _target(request, member)
    problems = (
        services.move_problems(member, target)
        if target
        else [_("Choose the delegation to move the person to.")]
    )
    context = {"member": member, "target": target, "problems": problems}
    return render(request, "delegations/move_check.html", context)


@require_POST
def move(request, pk: int):
    member = _member(request, pk)
    source = member.delegation
    target = _target(request, member)
    if target is None:
        messages.error(request, _("Choose the delegation to move the person to."))
        return redirect(source)
    try:
        services.move_member(member, target, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s was moved to %(delegation)s.")
            % {"name": member.nomination.cadre.full_name, "delegation": target},
        )
    return redirect(source)


@require_POST
def pin(request, pk: int):
    member = _member(request, pk)
    try:
        services.set_pinned(member, request.POST.get("pinned") == "1", actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(member.delegation)


@require_POST
def keep_apart(request, pk: int):
    delegation = _delegation(request, pk)
    require(request.user, FORM_DELEGATIONS)
    chosen = request.POST.getlist("members")
    found = list(DelegationMember.objects.filter(pk__in=chosen, delegation__year=delegation.year))
    if len(found) != 2:  # a pair
        messages.error(request, _("Choose exactly two people to keep apart."))
        return redirect(delegation)
    try:
        services.keep_apart(*found, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The two people will be kept apart at the next run."))
    return redirect(delegation)


@require_POST
def head(request, pk: int):
    delegation = _delegation(request, pk)
    try:
        head_id = int(request.POST.get("head") or "")
        secretary = request.POST.get("secretary")
        secretary_id = int(secretary) if secretary else None
    except ValueError:
        messages.error(request, _("Choose the head of the delegation."))
        return redirect(delegation)
    try:
        services.set_head(
            delegation, head_id=head_id, secretary_id=secretary_id, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The head and the secretary were saved."))
    return redirect(delegation)


@require_POST
def transition(request, pk: int):
    delegation = _delegation(request, pk)
    try:
        services.delegation_transition(
            actor=request.user,
            delegation=delegation,
            to_status=request.POST.get("to_status", ""),
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The delegation status was changed."))
    return redirect(delegation)
