"""Writes of delegation formation: run the optimiser for a year and store its delegations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from apps.agencies.models import Agency
from apps.core.permissions import require

from .choices import DelegationStatus
from .models import Delegation, DelegationMember, FormationRun
from .optimiser import Nominee, form, group_cost, violations
from .permissions import FORM_DELEGATIONS
from .selectors import (
    delegations_of_year,
    formation_rules,
    nominee,
    pool_nominations,
    top_agency_id,
)


def suggest_head_and_secretary(members: list[Nominee]) -> tuple[int, int | None]:
    """Cadre ids of the suggested head (highest post level) and secretary (next highest)."""
    ordered = sorted(members, key=lambda m: (m.level, m.cadre_id))
    return ordered[0].cadre_id, ordered[1].cadre_id if len(ordered) > 1 else None


@transaction.atomic
def form_delegations(
    year: int,
    *,
    seed: int = 0,
    seconds_per_course: float = 10.0,
    pins: dict[int, str] | None = None,
    apart: list[tuple[int, int]] = (),
    user=None,
) -> FormationRun:
    """Replace the year's proposed delegations by the optimiser's; ``InfeasibleError`` says why not.

    Confirmed (and later) delegations are kept and their members stay out of the pool.
    ``user`` None is the system (the command line).
    """
    require(user, FORM_DELEGATIONS, message=_("Only a steering admin may form delegations."))
    nominations = list(pool_nominations(year))
    pool = [nominee(n) for n in nominations]
    labels = {n.course_id: str(n.course) for n in nominations}
    roots = {top_agency_id(n.agency.path) for n in nominations}
    agency_names = dict(Agency.objects.filter(pk__in=roots).values_list("pk", "name"))
    result = form(
        pool,
        formation_rules(),
        pins=pins,
        apart=apart,
        seed=seed,
        seconds_per_course=seconds_per_course,
        course_labels=labels,
        agency_labels=agency_names,
    )
    Delegation.objects.filter(year=year, status=DelegationStatus.PROPOSED).delete()
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
    for group in result.groups:
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
            DelegationMember(delegation=delegation, nomination_id=m.id) for m in group
        )
    return run


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


@transaction.atomic
def move_member(member: DelegationMember, to: Delegation) -> None:
    """Move one person by hand; every rule is re-checked on both delegations and explained."""
    if to.status != DelegationStatus.PROPOSED or member.delegation.status != to.status:
        raise ValidationError(_("Only proposed delegations can be changed by hand."))
    source = member.delegation
    rules = formation_rules()
    moving = nominee(member.nomination)
    after_to = [*(nominee(m.nomination) for m in to.members.all()), moving]
    after_from = [nominee(m.nomination) for m in source.members.all() if m.pk != member.pk]
    reasons = [f"{to}: {reason}" for reason in violations(after_to, rules, course=to.course_id)] + [
        f"{source}: {reason}" for reason in violations(after_from, rules, course=source.course_id)
    ]
    if reasons:
        raise ValidationError(reasons)
    member.delegation = to
    member.save(update_fields=["delegation"])
    for delegation, members in ((to, after_to), (source, after_from)):
        mixed = len({m.central for m in members}) == 2
        delegation.cost = group_cost(members, mixed_pool=mixed)
        delegation.save(update_fields=["cost"])
