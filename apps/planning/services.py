"""Writes of planning. Each takes the acting user, runs in one transaction and is audited.

The plan's workflow is the table in ``workflow.py``, taken through ``apps.core.workflow``.
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from apps.agencies.models import Agency
from apps.cadres.models import Cadre
from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.core.workflow import transition
from apps.programme.models import ContentGroup, TrainingForm
from apps.programme.selectors import phase_for_year

from . import selectors
from .allocation import allocate
from .models import (
    AnnualPlan,
    NeedsCall,
    NeedsLine,
    NeedsRegistration,
    NeedsReminder,
    PlannedCourse,
    PlanStatus,
    Quota,
    QuotaMove,
)
from .permissions import MANAGE_CALLS, MANAGE_PLANS, REGISTER_NEEDS

S = PlanStatus


def _require(actor: User, perm: str = MANAGE_PLANS) -> None:
    """Calls and plans are the steering admin's (``permissions.py``)."""
    require(actor, perm, message=_("Only a steering admin may do this."))


def _check_year(year: int) -> None:
    if phase_for_year(year) is None:
        raise ValidationError(
            {"year": _("The year %(year)s is outside every programme phase.") % {"year": year}}
        )


#: More places on one line than the programme's whole phase: a typing mistake (and no 500).
MAX_PLACES = 100_000


def _check_places(value, *, where: str) -> int:
    """A number of places: a whole number ≥ 0, or a message that names where it was typed."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, str):
        value = value.strip() or "0"
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise ValidationError(
            _("%(where)s: “%(value)s” is not a whole number of places.")
            % {"where": where, "value": value}
        )
    if number < 0:
        raise ValidationError(
            _("%(where)s: the number of places cannot be negative (%(value)s).")
            % {"where": where, "value": value}
        )
    if number > MAX_PLACES:
        raise ValidationError(
            _("%(where)s: %(value)s places is more than the programme could ever have.")
            % {"where": where, "value": value}
        )
    return int(number)


# --- calls and registrations -------------------------------------------------------------------


@transaction.atomic
def needs_remind(*, actor: User, call: NeedsCall, agencies: Iterable[Agency]) -> int:
    """Remind agencies that have not registered yet; answer how many were reminded.

    Agencies that registered in the meantime are skipped; the reminder shows on their officers'
    home page (``selectors.latest_reminder``).
    """
    _require(actor, MANAGE_CALLS)
    if selectors.today() > call.deadline:
        raise ValidationError(_("The call is closed: there is nothing left to remind of."))
    waiting = {agency.pk for agency in selectors.agencies_not_registered(call=call)}
    chosen = [agency for agency in agencies if agency.pk in waiting]
    NeedsReminder.objects.bulk_create(
        NeedsReminder(call=call, agency=agency, sent_by=actor) for agency in chosen
    )
    if chosen:
        audit_record(
            actor=actor,
            action="planning.needs_remind",
            obj=call,
            detail={"agencies": [agency.name for agency in chosen]},
        )
    return len(chosen)


@transaction.atomic
def needs_call_open(
    *, actor: User, year: int, deadline: datetime.date, note: str = ""
) -> NeedsCall:
    _require(actor, MANAGE_CALLS)
    _check_year(year)
    if deadline < selectors.today():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    if NeedsCall.objects.filter(year=year).exists():
        raise ValidationError({"year": _("A call for %(year)s already exists.") % {"year": year}})
    call = NeedsCall.objects.create(year=year, deadline=deadline, note=note, opened_by=actor)
    audit_record(actor=actor, action="planning.call_open", obj=call)
    return call


def candidates_in_agency(agency: Agency, ids: Iterable[int]) -> list[Cadre]:
    """The cadres ``ids`` if every one works in ``agency`` or a unit below it.

    The refusal names the number the caller sent, never the person: a cadre of another agency
    must not be identifiable through this form (or tell apart from a number that is unknown).
    """
    ids = list(dict.fromkeys(ids))
    found = {
        cadre.pk: cadre
        for cadre in Cadre.objects.filter(pk__in=ids, agency__path__startswith=agency.path)
    }
    outside = [pk for pk in ids if pk not in found]
    if outside:
        raise ValidationError(
            {
                "candidates": _(
                    "Candidate no. %(number)s does not work in %(agency)s or a unit below it."
                )
                % {"number": outside[0], "agency": agency}
            }
        )
    return [found[pk] for pk in ids]


@transaction.atomic
def needs_register(
    *,
    actor: User,
    call: NeedsCall,
    agency: Agency,
    places: Mapping[tuple[int, int], object],
    topics: str = "",
    preferred_countries: str = "",
    justification: str = "",
    candidates: Iterable[Cadre] = (),
    version: int | None = None,
) -> NeedsRegistration:
    """Create or update the agency's registration for the call (a second one merges into it).

    ``places`` maps (form id, content group id) to a number of places; a line set to 0 is
    removed. Refused after the deadline unless a steering admin reopened the agency, and when
    ``version`` (the one the form was opened with) is no longer current: someone else saved in
    between and their changes would be lost.
    """
    require(actor, REGISTER_NEEDS, message=_("Your role cannot register needs."))
    require(
        actor,
        REGISTER_NEEDS,
        agency,
        message=_("You can only register needs for your own agency and the units below it."),
    )
    registration = (
        NeedsRegistration.objects.select_for_update().filter(call=call, agency=agency).first()
    )
    if version is not None and registration is not None and registration.version != version:
        raise ValidationError(
            _(
                "The needs of %(agency)s were changed by someone else after you opened the "
                "form. Nothing was saved: reload the page to see their changes."
            )
            % {"agency": agency}
        )
    if not selectors.registration_is_open(registration, call):
        raise ValidationError(
            _(
                "The deadline for registering needs (%(deadline)s) has passed; nothing was "
                "saved. Ask the steering committee to reopen registration for your agency."
            )
            % {"deadline": call.deadline.strftime("%d/%m/%Y")}
        )
    forms = {form.pk: form for form in TrainingForm.objects.all()}
    groups = {group.pk: group for group in ContentGroup.objects.all()}
    clean: dict[tuple[int, int], int] = {}
    for (form_id, group_id), value in places.items():
        if form_id not in forms or group_id not in groups:
            raise ValidationError(_("Unknown form or content group."))
        where = f"{forms[form_id]} × {groups[group_id]}"
        clean[(form_id, group_id)] = _check_places(value, where=where)
    candidates = candidates_in_agency(agency, [c.pk for c in candidates])
    created = registration is None
    if created:
        registration = NeedsRegistration(call=call, agency=agency, created_by=actor)
    else:
        registration.version += 1
    registration.topics = topics
    registration.preferred_countries = preferred_countries
    registration.justification = justification
    registration.save()
    existing = {(line.form_id, line.content_group_id): line for line in registration.lines.all()}
    for key, value in clean.items():
        line = existing.get(key)
        if value == 0:
            if line is not None:
                line.delete()
        elif line is None:
            NeedsLine.objects.create(
                registration=registration, form_id=key[0], content_group_id=key[1], places=value
            )
        elif line.places != value:
            line.places = value
            line.save(update_fields=["places"])
    registration.candidates.set(candidates)
    audit_record(
        actor=actor,
        action="planning.needs_register" if created else "planning.needs_update",
        obj=registration,
        detail={"places": {f"{f}/{g}": v for (f, g), v in clean.items() if v}},
    )
    return registration


@transaction.atomic
def needs_reopen(
    *, actor: User, registration: NeedsRegistration, until: datetime.date
) -> NeedsRegistration:
    """Let one agency edit its registration after the deadline, up to ``until``."""
    _require(actor, MANAGE_CALLS)
    if until < selectors.today():
        raise ValidationError({"until": _("Reopen until a date that has not passed.")})
    registration.reopened_until = until
    registration.save(update_fields=["reopened_until", "updated_at"])
    audit_record(
        actor=actor, action="planning.needs_reopen", obj=registration, detail={"until": str(until)}
    )
    return registration


# --- plans ---------------------------------------------------------------------------------------


def _editable(plan: AnnualPlan) -> AnnualPlan:
    """The plan locked for writing; refused unless it is a draft or returned version."""
    locked = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if not locked.is_editable:
        raise ValidationError(
            _(
                "The plan %(plan)s is %(status)s and cannot be changed. "
                "Create a revision to change an approved plan."
            )
            % {"plan": locked, "status": locked.get_status_display().lower()}
        )
    return locked


@transaction.atomic
def plan_create(*, actor: User, year: int, note: str = "") -> AnnualPlan:
    _require(actor)
    _check_year(year)
    if AnnualPlan.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": _("A plan for %(year)s already exists; revise it instead.") % {"year": year}}
        )
    plan = AnnualPlan.objects.create(year=year, note=note, created_by=actor)
    audit_record(actor=actor, action="planning.plan_create", obj=plan)
    return plan


@transaction.atomic
def plan_course_add(*, actor: User, plan: AnnualPlan, **fields) -> PlannedCourse:
    _require(actor)
    plan = _editable(plan)
    course = PlannedCourse(plan=plan, **fields)
    course.full_clean()
    course.save()
    audit_record(
        actor=actor, action="planning.course_add", obj=plan, detail={"topic": course.topic}
    )
    return course


@transaction.atomic
def plan_course_delete(*, actor: User, course: PlannedCourse) -> None:
    _require(actor)
    plan = _editable(course.plan)
    remaining = (
        PlannedCourse.objects.filter(plan=plan, form_id=course.form_id)
        .exclude(pk=course.pk)
        .aggregate(total=Sum("capacity"))["total"]
        or 0
    )
    given = Quota.objects.filter(plan=plan, form_id=course.form_id).aggregate(t=Sum("places"))["t"]
    if (given or 0) > remaining:
        raise ValidationError(
            _(
                "Removing this course leaves %(capacity)s places of %(form)s for %(quotas)s "
                "places already given as quotas; lower the quotas first."
            )
            % {"capacity": remaining, "form": course.form, "quotas": given}
        )
    detail = {"topic": course.topic}
    course.delete()
    audit_record(actor=actor, action="planning.course_delete", obj=plan, detail=detail)


def _capacity_by_form(plan: AnnualPlan) -> dict[int, int]:
    return dict(
        PlannedCourse.objects.filter(plan=plan)
        .values_list("form_id")
        .annotate(total=Sum("capacity"))
        .order_by()
    )


@transaction.atomic
def plan_quotas_set(
    *, actor: User, plan: AnnualPlan, places: Mapping[tuple[int, int], object]
) -> AnnualPlan:
    """Set quotas, keyed by (agency id, form id). All or nothing.

    The places given for a form may not exceed the capacity of the plan's courses of that form.
    """
    _require(actor)
    plan = _editable(plan)
    forms = {form.pk: form for form in TrainingForm.objects.all()}
    agencies = Agency.objects.in_bulk({agency_id for agency_id, _form in places})
    current = {(q.agency_id, q.form_id): q for q in Quota.objects.filter(plan=plan)}
    wanted = {key: quota.places for key, quota in current.items()}
    for (agency_id, form_id), value in places.items():
        if agency_id not in agencies or form_id not in forms:
            raise ValidationError(_("Unknown agency or form."))
        where = f"{agencies[agency_id]} × {forms[form_id]}"
        wanted[(agency_id, form_id)] = _check_places(value, where=where)
        quota = current.get((agency_id, form_id))
        if quota is not None and wanted[(agency_id, form_id)] < quota.used:
            raise ValidationError(
                _("%(where)s: %(used)s places are already used; the quota cannot be lower.")
                % {"where": where, "used": quota.used}
            )
    capacity = _capacity_by_form(plan)
    for form_id, form in forms.items():
        total = sum(v for (_a, f), v in wanted.items() if f == form_id)
        if total > capacity.get(form_id, 0):
            raise ValidationError(
                _(
                    "Quotas of %(form)s add up to %(total)s places but the plan's courses of "
                    "that form hold %(capacity)s. Add a course or lower the quotas; nothing "
                    "was saved."
                )
                % {"form": form, "total": total, "capacity": capacity.get(form_id, 0)}
            )
    for key, value in wanted.items():
        quota = current.get(key)
        if quota is None:
            if value:
                Quota.objects.create(plan=plan, agency_id=key[0], form_id=key[1], places=value)
        elif value == 0 and quota.used == 0:
            quota.delete()
        elif quota.places != value:
            quota.places = value
            quota.save(update_fields=["places"])
    audit_record(
        actor=actor,
        action="planning.quotas_set",
        obj=plan,
        detail={f"{a}/{f}": v for (a, f), v in places.items()},
    )
    return plan


def suggested_allocation(plan: AnnualPlan) -> dict[tuple[int, int], int]:
    """Quotas proportional to realistic demand: each agency's request of a form × its realism
    ratio for that form (cadres sent ÷ places allocated in past years, capped at 1 here: an
    agency that filled every place keeps its whole request; 1 without history), sharing each
    form's planned capacity."""
    consolidated = selectors.consolidation(year=plan.year)
    capacity = _capacity_by_form(plan)
    result: dict[tuple[int, int], int] = {}
    for index, form in enumerate(consolidated.forms):
        weights, caps = {}, {}
        for row in consolidated.rows:
            requested = row.by_form[index]
            if not requested:
                continue
            ratio = row.realism[index].ratio
            factor = min(ratio, Decimal(1)) if ratio is not None else Decimal(1)
            weights[row.registration.agency_id] = Decimal(requested) * factor
            caps[row.registration.agency_id] = requested
        shares = allocate(capacity.get(form.pk, 0), weights, caps)
        result.update({(agency_id, form.pk): n for agency_id, n in shares.items()})
    return result


@transaction.atomic
def plan_quotas_suggest(*, actor: User, plan: AnnualPlan) -> AnnualPlan:
    """Replace every quota by the suggested allocation (the admin edits it afterwards)."""
    _require(actor)
    plan = _editable(plan)
    suggestion = suggested_allocation(plan)
    Quota.objects.filter(plan=plan, used=0).exclude(
        agency_id__in={agency_id for agency_id, _f in suggestion}
    ).delete()
    zeroed = {(q.agency_id, q.form_id): 0 for q in Quota.objects.filter(plan=plan)}
    return plan_quotas_set(actor=actor, plan=plan, places={**zeroed, **suggestion})


@transaction.atomic
def plan_transition(
    *, actor: User, plan: AnnualPlan, to_status: str, reason: str = ""
) -> AnnualPlan:
    """Take one step of the plan's workflow table (``workflow.PLAN_WORKFLOW``)."""
    return transition(plan, to_status, actor=actor, reason=reason)


@transaction.atomic
def plan_revise(*, actor: User, plan: AnnualPlan, note: str = "") -> AnnualPlan:
    """Start version N+1 of an approved plan as a draft copy; the approved one stays in force."""
    _require(actor)
    plan = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != S.APPROVED:
        raise ValidationError(_("Only the approved version of a plan can be revised."))
    if AnnualPlan.objects.filter(
        year=plan.year, status__in=[S.DRAFT, S.SUBMITTED, S.RETURNED]
    ).exists():
        raise ValidationError(_("A revision of this plan is already in progress."))
    latest = AnnualPlan.objects.filter(year=plan.year).order_by("-version").first()
    revision = AnnualPlan.objects.create(
        year=plan.year,
        version=latest.version + 1,
        previous=plan,
        note=note,
        created_by=actor,
    )
    PlannedCourse.objects.bulk_create(
        PlannedCourse(
            plan=revision,
            form_id=c.form_id,
            content_group_id=c.content_group_id,
            topic=c.topic,
            country=c.country,
            quarter=c.quarter,
            capacity=c.capacity,
            estimated_cost=c.estimated_cost,
        )
        for c in plan.courses.all()
    )
    Quota.objects.bulk_create(
        Quota(plan=revision, agency_id=q.agency_id, form_id=q.form_id, places=q.places, used=q.used)
        for q in plan.quotas.all()
    )
    audit_record(
        actor=actor, action="planning.plan_revise", obj=revision, detail={"previous": plan.pk}
    )
    return revision


# --- quotas after approval -----------------------------------------------------------------------


def _approved(plan: AnnualPlan) -> AnnualPlan:
    locked = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.status != S.APPROVED:
        raise ValidationError(_("Places can only be moved or released in an approved plan."))
    return locked


@transaction.atomic
def quota_move(
    *,
    actor: User,
    plan: AnnualPlan,
    form: TrainingForm,
    from_agency: Agency | None,
    to_agency: Agency | None,
    places: object,
    reason: str,
) -> QuotaMove:
    """Move places of a form between two agencies, or from the pool (``from_agency=None``) to
    an agency. Totals are conserved: what one side loses the other gains."""
    _require(actor)
    plan = _approved(plan)
    count = _check_places(places, where=str(_("Places to move")))
    if count == 0:
        raise ValidationError({"places": _("Move at least one place.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the move.")})
    if (from_agency is None and to_agency is None) or from_agency == to_agency:
        raise ValidationError(_("Choose two different sides for the move."))
    if from_agency is None:
        available = _pool(plan, form)
        source_name = str(_("the pool"))
    else:
        source = (
            Quota.objects.select_for_update()
            .filter(plan=plan, agency=from_agency, form=form)
            .first()
        )
        available = source.places - source.used if source else 0
        source_name = str(from_agency)
    if count > available:
        raise ValidationError(
            {
                "places": _("%(source)s has only %(available)s unused places of %(form)s to give.")
                % {"source": source_name, "available": available, "form": form}
            }
        )
    if from_agency is not None:
        source.places -= count
        source.save(update_fields=["places"])
    if to_agency is not None:
        target, _created = Quota.objects.select_for_update().get_or_create(
            plan=plan, agency=to_agency, form=form, defaults={"places": 0}
        )
        target.places += count
        target.save(update_fields=["places"])
    move = QuotaMove.objects.create(
        plan=plan,
        form=form,
        from_agency=from_agency,
        to_agency=to_agency,
        places=count,
        reason=reason,
        actor=actor,
    )
    audit_record(
        actor=actor,
        action="planning.quota_move",
        obj=plan,
        detail={
            "form": form.code,
            "from": from_agency.pk if from_agency else None,
            "to": to_agency.pk if to_agency else None,
            "places": count,
            "reason": reason,
        },
    )
    return move


def _pool(plan: AnnualPlan, form: TrainingForm) -> int:
    capacity = _capacity_by_form(plan).get(form.pk, 0)
    given = Quota.objects.filter(plan=plan, form=form).aggregate(t=Sum("places"))["t"] or 0
    return capacity - given


@transaction.atomic
def quota_release_unused(
    *, actor: User, plan: AnnualPlan, cut_off: datetime.date, form: TrainingForm | None = None
) -> int:
    """At the cut-off date, give every quota's unused places back to the pool; returns them."""
    _require(actor)
    plan = _approved(plan)
    if cut_off > selectors.today():
        raise ValidationError(
            {"cut_off": _("Unused places are released on or after the cut-off date.")}
        )
    quotas = Quota.objects.select_for_update().filter(plan=plan).select_related("form", "agency")
    if form is not None:
        quotas = quotas.filter(form=form)
    released = 0
    reason = _("Unused at the cut-off date %(date)s") % {"date": cut_off.strftime("%d/%m/%Y")}
    for quota in quotas:
        unused = quota.places - quota.used
        if unused <= 0:
            continue
        quota.places = quota.used
        quota.save(update_fields=["places"])
        QuotaMove.objects.create(
            plan=plan,
            form=quota.form,
            from_agency=quota.agency,
            to_agency=None,
            places=unused,
            kind=QuotaMove.Kind.RELEASE,
            reason=reason,
            actor=actor,
        )
        released += unused
    audit_record(
        actor=actor,
        action="planning.quota_release",
        obj=plan,
        detail={"cut_off": str(cut_off), "places": released},
    )
    return released
