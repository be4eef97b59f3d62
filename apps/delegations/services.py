"""Writes of delegation formation: run the optimiser, store its delegations, change them by hand."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from apps.agencies.models import Agency
from apps.core import workflow
from apps.core.permissions import require

from .choices import DelegationStatus
from .models import Delegation, DelegationMember, FormationJob, FormationRun, KeepApart
from .optimiser import InfeasibleError, Nominee, form, group_cost, violations
from .permissions import FORM_DELEGATIONS
from .selectors import (
    agency_names,
    delegations_of_year,
    formation_rules,
    nominee,
    pool_nominations,
    top_agency_id,
)

logger = logging.getLogger("de165")


def suggest_head_and_secretary(members: list[Nominee]) -> tuple[int, int | None]:
    """Cadre ids of the suggested head (highest post level) and secretary (next highest)."""
    ordered = sorted(members, key=lambda m: (m.level, m.cadre_id))
    return ordered[0].cadre_id, ordered[1].cadre_id if len(ordered) > 1 else None


@transaction.atomic
def form_delegations(
    year: int,
    *,
    courses: list[int] | None = None,
    seed: int = 0,
    seconds_per_course: float = 10.0,
    pins: dict[int, str] | None = None,
    apart: list[tuple[int, int]] | None = None,
    user=None,
    progress=None,
    workers: int = 2,
) -> FormationRun:
    """Replace the year's proposed delegations (of ``courses`` if given) by the optimiser's;
    ``InfeasibleError`` says why not.

    Confirmed (and later) delegations are kept and their members stay out of the pool. Pinned
    members of the proposed delegations travel together again, and the pairs kept apart of the
    year stay apart, unless ``pins`` / ``apart`` are given.
    """
    require(user, FORM_DELEGATIONS, message=_("Only a steering admin may form delegations."))
    nominations = pool_nominations(year)
    replaced = Delegation.objects.filter(year=year, status=DelegationStatus.PROPOSED)
    if courses:
        nominations = nominations.filter(course__in=courses)
        replaced = replaced.filter(course__in=courses)
    nominations = list(nominations)
    pool = [nominee(n) for n in nominations]
    if pins is None:
        pins = {
            nomination: str(number)
            for nomination, number in DelegationMember.objects.filter(
                delegation__in=replaced, pinned=True
            ).values_list("nomination", "delegation__number")
        }
    if apart is None:
        apart = list(KeepApart.objects.filter(year=year).values_list("first", "second"))
    labels = {n.course_id: str(n.course) for n in nominations}
    result = form(
        pool,
        formation_rules(),
        pins=pins,
        apart=apart,
        seed=seed,
        seconds_per_course=seconds_per_course,
        course_labels=labels,
        agency_labels=agency_names({m.top_agency for m in pool}),
        progress=progress,
        workers=workers,
    )
    replaced.delete()
    run = FormationRun.objects.create(
        year=year,
        seed=seed,
        objective=result.objective,
        bound=result.bound,
        seconds=result.seconds,
        optimal=result.optimal,
        created_by=user,
    )
    number = Delegation.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
    mixed = {
        course: len({m.central for m in pool if m.course == course}) == 2
        for course in {m.course for m in pool}
    }
    for group in sorted(result.groups, key=lambda g: (g[0].course, min(m.level for m in g))):
        number += 1
        head, secretary = suggest_head_and_secretary(group)
        delegation = Delegation.objects.create(
            year=year,
            course_id=group[0].course,
            number=number,
            cost=group_cost(group, mixed_pool=mixed[group[0].course]),
            head_id=head,
            secretary_id=secretary,
            run=run,
        )
        DelegationMember.objects.bulk_create(
            DelegationMember(delegation=delegation, nomination_id=m.id, pinned=m.id in pins)
            for m in group
        )
    return run


def start_formation(*, actor, year: int, courses: list[int] | None = None) -> FormationJob:
    """Record the request and queue it (the database task queue shares the transaction)."""
    require(actor, FORM_DELEGATIONS)
    job = FormationJob.objects.create(created_by=actor, year=year, courses=courses or [])
    run_formation.enqueue(job.pk)
    return job


@task()
def run_formation(job_id: int) -> None:
    job = FormationJob.objects.select_related("created_by").get(pk=job_id)
    FormationJob.objects.filter(pk=job.pk).update(status=FormationJob.Status.RUNNING)

    def progress(done: int, total: int) -> None:
        FormationJob.objects.filter(pk=job.pk).update(processed_rows=done, total_rows=total)

    try:
        run = form_delegations(
            job.year, courses=job.courses or None, user=job.created_by, progress=progress
        )
    except InfeasibleError as error:
        FormationJob.objects.filter(pk=job.pk).update(
            status=FormationJob.Status.FAILED, message=str(error), finished_at=timezone.now()
        )
        return
    except Exception:
        logger.exception("Delegation formation %s failed", job.pk)
        FormationJob.objects.filter(pk=job.pk).update(
            status=FormationJob.Status.FAILED,
            message=_("The formation stopped because of an internal error."),
            finished_at=timezone.now(),
        )
        raise
    FormationJob.objects.filter(pk=job.pk).update(
        status=FormationJob.Status.SUCCEEDED, run=run, finished_at=timezone.now()
    )


def csv_rows(year: int) -> list[list]:
    """One row per member: delegation,cadre_id,level,field,top_agency,central,course (codes)."""
    delegations = list(delegations_of_year(year))
    roots = {top_agency_id(m.nomination.agency.path) for d in delegations for m in d.members.all()}
    root_codes = dict(Agency.objects.filter(pk__in=roots).values_list("pk", "code"))
    rows = []
    for delegation in delegations:
        for member in delegation.members.all():
            nomination = member.nomination
            cadre = nomination.cadre
            rows.append(
                [
                    delegation.number,
                    cadre.pk,
                    cadre.position_level.code if cadre.position_level else "",
                    cadre.work_field.code if cadre.work_field else "",
                    root_codes[top_agency_id(nomination.agency.path)],
                    int(nomination.agency.is_central),
                    delegation.course.code,
                ]
            )
    return rows


def move_problems(member: DelegationMember, to: Delegation) -> list[str]:
    """Every rule the move would break, on both delegations, as Vietnamese sentences."""
    if to.status != DelegationStatus.PROPOSED or member.delegation.status != to.status:
        return [_("Only proposed delegations can be changed by hand.")]
    if to.pk == member.delegation_id:
        return [_("The person is already in this delegation.")]
    source = member.delegation
    rules = formation_rules()
    moving = nominee(member.nomination)
    after_to = [*(nominee(m.nomination) for m in to.members.all()), moving]
    after_from = [nominee(m.nomination) for m in source.members.all() if m.pk != member.pk]
    apart = list(KeepApart.objects.filter(year=to.year).values_list("first", "second"))
    names = agency_names({m.top_agency for m in [*after_to, *after_from]})
    problems = [
        f"{delegation}: {reason}"
        for delegation, members in ((to, after_to), (source, after_from))
        for reason in violations(
            members, rules, course=delegation.course_id, apart=apart, agency_labels=names
        )
    ]
    if member.pinned:
        problems.append(_("The person is pinned to this delegation: unpin them first."))
    return problems


@transaction.atomic
def move_member(member: DelegationMember, to: Delegation, *, actor=None) -> None:
    """Move one person by hand; every rule is re-checked on both delegations and explained."""
    require(actor, FORM_DELEGATIONS)
    problems = move_problems(member, to)
    if problems:
        raise ValidationError(problems)
    source = member.delegation
    member.delegation = to
    member.save(update_fields=["delegation"])
    for delegation in (to, source):
        members = [
            nominee(m.nomination)
            for m in delegation.members.select_related(
                "nomination__cadre__position_level",
                "nomination__cadre__work_field",
                "nomination__agency",
            )
        ]
        delegation.cost = group_cost(members, mixed_pool=len({m.central for m in members}) == 2)
        # the person who left no longer heads or keeps the minutes of the source delegation
        if member.nomination.cadre_id in (delegation.head_id, delegation.secretary_id) and (
            delegation is source
        ):
            delegation.head_id, delegation.secretary_id = suggest_head_and_secretary(members)
        delegation.save(update_fields=["cost", "head", "secretary"])


def set_pinned(member: DelegationMember, pinned: bool, *, actor=None) -> None:
    require(actor, FORM_DELEGATIONS)
    if member.delegation.status != DelegationStatus.PROPOSED:
        raise ValidationError(_("Only proposed delegations can be changed by hand."))
    member.pinned = pinned
    member.save(update_fields=["pinned"])


def keep_apart(first: DelegationMember, second: DelegationMember, *, actor=None) -> KeepApart:
    """Record that two nominees must never share a delegation (used by the next run)."""
    require(actor, FORM_DELEGATIONS)
    if first.pk == second.pk:
        raise ValidationError(_("Choose two different people."))
    a, b = sorted([first.nomination_id, second.nomination_id])
    pair, _created = KeepApart.objects.get_or_create(
        year=first.delegation.year, first_id=a, second_id=b
    )
    return pair


def set_head(delegation: Delegation, *, head_id: int, secretary_id: int | None, actor=None):
    """The head (trưởng đoàn) and the secretary must be two members of the delegation."""
    require(actor, FORM_DELEGATIONS)
    members = set(delegation.members.values_list("nomination__cadre", flat=True))
    if head_id not in members or (secretary_id is not None and secretary_id not in members):
        raise ValidationError(_("The head and the secretary must be members of the delegation."))
    if head_id == secretary_id:
        raise ValidationError(_("The head and the secretary must be two different people."))
    delegation.head_id = head_id
    delegation.secretary_id = secretary_id
    delegation.save(update_fields=["head", "secretary"])


def delegation_transition(*, actor, delegation: Delegation, to_status: str, reason: str = ""):
    """Confirm (or reopen, depart, return) a delegation through the workflow core."""
    require(actor, FORM_DELEGATIONS)
    if to_status == DelegationStatus.CONFIRMED and delegation.head_id is None:
        raise ValidationError(_("Choose the head of the delegation before confirming it."))
    return workflow.transition(delegation, to_status, actor=actor, reason=reason)
