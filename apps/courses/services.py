"""Writes of the course domain. Each takes the acting user and runs in one transaction."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import may, require
from apps.core.workflow import transition

from .choices import FROZEN_STATUSES, CourseStatus
from .hooks import places_taken
from .models import AgendaItem, Course, CoursePhase
from .permissions import CHANGE_COURSE, ORGANISE_COURSES, ORGANISE_OWN_COURSES


def _check_organiser(actor: User, organiser) -> None:
    """A steering admin organises for anyone; an agency officer only for its own subtree (and
    must name the organiser). ``actor`` None is the system (demo data)."""
    if actor is None:
        return
    require(actor, ORGANISE_COURSES, message=_("Your role may not organise courses."))
    own_only = may(actor, ORGANISE_OWN_COURSES)
    if (own_only and organiser is None) or not may(actor, ORGANISE_COURSES, organiser):
        raise ValidationError(
            {"organiser": _("You may only organise courses of your own agency and its units.")}
        )


@transaction.atomic
def course_create(*, actor: User, **fields: Any) -> Course:
    _check_organiser(actor, fields.get("organiser"))
    course = Course(**fields)
    course.status = CourseStatus.PLANNED
    if not course.code:
        course.code = course_next_code(year=course.start.year if course.start else 0)
    course.full_clean()
    course.save()
    _create_phases(course)
    audit_record(actor=actor, action="courses.create", obj=course)
    return course


def course_next_code(*, year: int) -> str:
    taken = Course.objects.filter(code__startswith=f"K{year}-").count()
    return f"K{year}-{taken + 1:03d}"


def _create_phases(course: Course) -> None:
    """A course of a form with phases (the language course) gets them, splitting its dates."""
    phases = list(course.form.phases.order_by("order"))
    if not phases or course.phases.exists():
        return
    total = (course.end - course.start).days + 1
    cursor = course.start
    weights = [p.typical_days or 1 for p in phases]
    for index, phase in enumerate(phases):
        if index == len(phases) - 1:
            end = course.end
        else:
            share = max(1, round(total * weights[index] / sum(weights)))
            end = min(course.end, cursor + datetime.timedelta(days=share - 1))
        CoursePhase.objects.create(course=course, form_phase=phase, start=cursor, end=end)
        cursor = min(course.end, end + datetime.timedelta(days=1))


def _locked(course: Course, actor: User | None = None) -> Course:
    """The course row locked for this transaction; refused if ``actor`` may not change it."""
    require(actor, CHANGE_COURSE, course, message=_("You may not change this course."))
    return Course.objects.select_for_update().get(pk=course.pk)


def _refuse_if_frozen(course: Course) -> None:
    if course.status in FROZEN_STATUSES:
        raise ValidationError(
            _("The course is %(status)s: it can no longer be changed.")
            % {"status": course.get_status_display().lower()}
        )


@transaction.atomic
def course_update(*, actor: User, course: Course, **fields: Any) -> Course:
    current = _locked(course, actor)
    _refuse_if_frozen(current)
    if "organiser" in fields:
        _check_organiser(actor, fields["organiser"])
    if "capacity" in fields and fields["capacity"] is not None:
        taken = places_taken(current)
        if fields["capacity"] < taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)s nominations are already approved: the capacity cannot be lower."
                    )
                    % {"taken": taken}
                }
            )
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    audit_record(actor=actor, action="courses.update", obj=current)
    return current


@transaction.atomic
def course_transition(*, actor: User, course: Course, to_status: str, reason: str = "") -> Course:
    """Move a course along its life cycle (``workflow.COURSE_WORKFLOW``); the members follow
    through the nominations app's subscription. Illegal moves are refused, nothing changes."""
    return transition(_locked(course, actor), to_status, actor=actor, reason=reason, locked=True)


@transaction.atomic
def agenda_add(*, actor: User, course: Course, **fields: Any) -> AgendaItem:
    current = _locked(course, actor)
    _refuse_if_frozen(current)
    item = AgendaItem(course=current, **fields)
    item.full_clean()
    if item.date and not (current.start <= item.date <= current.end):
        raise ValidationError(
            {
                "date": _("The date is outside the course (%(start)s – %(end)s).")
                % {
                    "start": current.start.strftime("%d/%m/%Y"),
                    "end": current.end.strftime("%d/%m/%Y"),
                }
            }
        )
    item.save()
    audit_record(actor=actor, action="courses.agenda_add", obj=current, detail={"id": item.pk})
    return item


@transaction.atomic
def agenda_delete(*, actor: User, item: AgendaItem) -> None:
    current = _locked(item.course, actor)
    _refuse_if_frozen(current)
    detail = {"item": str(item)}
    item.delete()
    audit_record(actor=actor, action="courses.agenda_delete", obj=current, detail=detail)


@transaction.atomic
def phase_update(*, actor: User, phase: CoursePhase, **fields: Any) -> CoursePhase:
    current = _locked(phase.course, actor)
    _refuse_if_frozen(current)
    for name, value in fields.items():
        setattr(phase, name, value)
    phase.full_clean()
    if phase.start < current.start or phase.end > current.end:
        raise ValidationError(_("A phase must lie within the course dates."))
    phase.save()
    audit_record(actor=actor, action="courses.phase_update", obj=current, detail={"id": phase.pk})
    return phase
