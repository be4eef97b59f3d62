"""Writes of nominations: nominate, submit, override, decide, withdraw, gate, quota use.

Every service takes the acting user and runs in one transaction; status changes go through
``apps.core.workflow`` (table in ``workflow.py``), which records the step and the audit entry.
The quota is ``apps.planning.quota``'s alone: approvals lock the course row, then (through it)
the quota holder's row and the quota rows, in that order, so capacity and quota hold when two
admins approve at the same moment (R8; DECISIONS.md §17); every step that takes or gives back a
place writes ``Quota.used`` there (a follower of the nomination's steps).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.agencies.models import Agency
from apps.cadres.models import Cadre
from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.core.scoping import CHANGE, VIEW
from apps.core.workflow import Change, check, record_step, transition
from apps.courses.choices import CourseStatus
from apps.courses.models import Course
from apps.planning import quota
from apps.programme import settings_registry

from .choices import PLACE_STATUSES, NominationStatus, Outcome
from .eligibility import (
    Candidate,
    RuleResult,
    evaluate,
    overall,
    overridable_fail,
    quota_fail,
)
from .models import GateResult, Nomination
from .permissions import NOMINATE, OVERRIDE, RECORD_GATE

S = NominationStatus


def _move(
    nomination: Nomination, to_status: str, *, actor: User, reason: str = "", **options
) -> None:
    """Take a step of ``workflow.NOMINATION_WORKFLOW`` on a nomination the caller locked."""
    transition(nomination, to_status, actor=actor, reason=reason, locked=True, **options)


def _check_results(nomination: Nomination, results: list[RuleResult]) -> None:
    nomination.eligibility = [r.as_dict() for r in results]
    nomination.outcome = overall(results)
    nomination.checked_at = timezone.now()


def eligibility_preview(*, course: Course, cadre: Cadre) -> list[RuleResult]:
    """The rule results a nomination would get now (nothing is saved)."""
    existing = Nomination.objects.filter(course=course, cadre=cadre).values_list("pk", flat=True)
    candidate = Candidate(cadre, course, cadre.agency, next(iter(existing), None))
    return evaluate([candidate])[0]


def _require_nominator(actor: User, course: Course, cadre: Cadre) -> None:
    require(actor, NOMINATE, message=_("Your role may not nominate cadres."))
    if not Cadre.objects.restrict(actor, CHANGE).filter(pk=cadre.pk).exists():
        raise ValidationError(_("You may only nominate cadres of your own agency and its units."))
    if not Course.objects.restrict(actor, VIEW).filter(pk=course.pk).exists():
        raise ValidationError(_("This course is not open to your agency."))
    if course.status != CourseStatus.OPEN:
        raise ValidationError(
            _("The course is not open for nominations (it is %(status)s).")
            % {"status": course.get_status_display().lower()}
        )


def _submit_blockers(nomination: Nomination, confirm_warnings: bool) -> list[str]:
    if quota_fail(nomination.results):
        return [
            _(
                "The agency's quota for this form is full; the nomination stays a draft until a "
                "steering admin moves places to the agency in the approved plan."
            )
        ]
    if nomination.outcome == Outcome.FAIL and not nomination.is_overridden:
        return [
            _(
                "The nominee does not meet every rule; it stays a draft until a steering admin "
                "overrides the failed rule with a written reason."
            )
        ]
    if nomination.outcome == Outcome.WARNING and not (
        confirm_warnings or nomination.warnings_confirmed
    ):
        return [_("Confirm that you have read the warnings before submitting.")]
    return []


@transaction.atomic
def nomination_create(
    *, actor: User, course: Course, cadre: Cadre, confirm_warnings: bool = False, note: str = ""
) -> Nomination:
    """Nominate a cadre: the eligibility result is stored at once; it is submitted when no rule
    fails and any warning is confirmed, otherwise it stays a draft showing why."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    _require_nominator(actor, course, cadre)
    if Nomination.objects.filter(course=course, cadre=cadre).exists():
        raise ValidationError(_("%(name)s is already nominated to this course.") % {"name": cadre})
    nomination = Nomination(
        course=course, cadre=cadre, agency=cadre.agency, created_by=actor, note=note
    )
    _check_results(nomination, eligibility_preview(course=course, cadre=cadre))
    nomination.warnings_confirmed = confirm_warnings and nomination.outcome == Outcome.WARNING
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as error:
        raise ValidationError(
            _("%(name)s is already nominated to this course.") % {"name": cadre}
        ) from error
    record_step(nomination, "", S.DRAFT, actor=actor)
    if not _submit_blockers(nomination, confirm_warnings):
        _move(nomination, S.SUBMITTED, actor=actor)
    return nomination


@transaction.atomic
def nomination_recheck(*, actor: User, nomination: Nomination) -> Nomination:
    """Run the rules again on a nomination the actor may change and store the result."""
    require(actor, NOMINATE, nomination, message=_("You may not change this nomination."))
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    results = evaluate(
        [Candidate(nomination.cadre, nomination.course, nomination.agency, nomination.pk)]
    )[0]
    _check_results(nomination, results)
    nomination.save()
    audit_record(actor=actor, action="nominations.recheck", obj=nomination)
    return nomination


@transaction.atomic
def nomination_submit(
    *, actor: User, nomination: Nomination, confirm_warnings: bool = False
) -> Nomination:
    nomination = nomination_recheck(actor=actor, nomination=nomination)
    if nomination.course.status != CourseStatus.OPEN:
        raise ValidationError(_("The course is no longer open for nominations."))
    blockers = _submit_blockers(nomination, confirm_warnings)
    if blockers:
        raise ValidationError(blockers)
    if confirm_warnings:
        nomination.warnings_confirmed = True
    _move(nomination, S.SUBMITTED, actor=actor)
    return nomination


@transaction.atomic
def nomination_override(*, actor: User, nomination: Nomination, reason: str) -> Nomination:
    """A steering admin lets a nominee through a failed rule, with a written reason (C5)."""
    require(actor, OVERRIDE, message=_("Only a steering admin may override a failed rule."))
    if not reason.strip():
        raise ValidationError({"reason": _("An override needs a written reason.")})
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.outcome != Outcome.FAIL:
        raise ValidationError(_("Only a nomination with a failed rule can be overridden."))
    if not overridable_fail(nomination.results):
        raise ValidationError(
            _(
                "A full quota cannot be overridden: approval checks it again. Move places to "
                "the agency in the approved plan instead."
            )
        )
    nomination.override_reason = reason.strip()
    nomination.override_by = actor
    nomination.override_at = timezone.now()
    nomination.warnings_confirmed = True
    nomination.save()
    audit_record(
        actor=actor, action="nominations.override", obj=nomination, detail={"reason": reason}
    )
    return nomination


def _places_taken(course: Course) -> int:
    return Nomination.objects.filter(course=course, status__in=PLACE_STATUSES).count()


def _record_quota_use(nomination: Nomination) -> None:
    """A place was taken or given back: planning writes the holder's ``Quota.used``."""
    course = nomination.course
    if quota.uses_quota(course):
        quota.record_use(agency=nomination.agency, form_id=course.form_id, year=course.start.year)


def _approve_locked(nomination: Nomination, *, actor: User, reason: str, **options) -> None:
    """Approve with the course row locked by the caller; checks eligibility, capacity, quota."""
    course = nomination.course
    if overridable_fail(nomination.results) and not nomination.is_overridden:
        raise ValidationError(
            _("The nominee fails an eligibility rule; a steering admin must override it first.")
        )
    if _places_taken(course) >= course.capacity:
        raise ValidationError(
            _("The course is full (%(capacity)s places); waitlist the nominee instead.")
            % {"capacity": course.capacity}
        )
    if quota.uses_quota(course):
        year = course.start.year
        quota.lock(agency=nomination.agency, form_id=course.form_id, year=year)
        state = quota.quota_state(agency=nomination.agency, form_id=course.form_id, year=year)
        if state.full:
            raise ValidationError(
                _("%(agency)s has used all %(quota)s of its places for this form in %(year)s.")
                % {
                    "agency": Agency.objects.get(pk=state.holder_id),
                    "quota": state.places,
                    "year": year,
                }
            )
    _move(nomination, S.APPROVED, actor=actor, reason=reason, **options)


@transaction.atomic
def nomination_decide(
    *, actor: User, nomination: Nomination, decision: str, reason: str = ""
) -> Nomination:
    """Approve, reject (with a reason) or waitlist a submitted or waitlisted nomination."""
    course = Course.objects.select_for_update().get(pk=nomination.course_id)
    nomination = (
        Nomination.objects.select_for_update()
        .select_related("course__form", "agency", "cadre")
        .get(pk=nomination.pk)
    )
    nomination.course = course
    check(nomination, decision, actor=actor, reason=reason)
    if decision == S.APPROVED:
        _approve_locked(nomination, actor=actor, reason=reason)
    elif decision == S.REJECTED:
        nomination.decision_reason = reason.strip()
        _move(nomination, S.REJECTED, actor=actor, reason=reason)
    elif decision == S.WAITLISTED:
        _move(nomination, S.WAITLISTED, actor=actor, reason=reason)
    else:
        raise ValidationError(_("Unknown decision."))
    return nomination


def _offer_freed_place(course: Course, *, actor: User) -> Nomination | None:
    """Give a freed place to the first waitlisted nominee who is eligible (or overridden)."""
    waiting = list(
        Nomination.objects.select_for_update()
        .filter(course=course, status=S.WAITLISTED)
        .select_related("cadre__agency", "cadre__position_level", "agency", "course__form")
        .order_by("waitlisted_at", "pk")
    )
    if not waiting:
        return None
    results = evaluate([Candidate(n.cadre, course, n.agency, n.pk) for n in waiting])
    for nomination, rule_results in zip(waiting, results, strict=True):
        _check_results(nomination, rule_results)
        nomination.save()
        nomination.course = course
        try:
            with transaction.atomic():
                _approve_locked(
                    nomination,
                    actor=actor,
                    reason=_("A place was freed on the course."),
                    as_consequence=True,
                )
        except ValidationError:
            continue
        return nomination
    return None


@transaction.atomic
def nomination_withdraw(*, actor: User, nomination: Nomination, reason: str = "") -> Nomination:
    """Withdraw a nomination; a place it held goes to the first eligible waitlisted nominee."""
    require(actor, NOMINATE, nomination, message=_("You may not change this nomination."))
    course = Course.objects.select_for_update().get(pk=nomination.course_id)
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    held_place = nomination.status in PLACE_STATUSES
    _move(nomination, S.WITHDRAWN, actor=actor, reason=reason)
    if held_place:
        _offer_freed_place(course, actor=actor)
    return nomination


def gate_pass_mark() -> tuple[int, int]:
    """(pass mark, scale maximum) of the language course's exit test (a setting)."""
    values = settings_registry.load(["language_gate_pass_mark"])
    return values.get("language_gate_pass_mark"), values.params("language_gate_pass_mark")[
        "scale_max"
    ]


@transaction.atomic
def gate_record(*, actor: User, nomination: Nomination, score) -> GateResult:
    """Record a member's exit test; one who fails does not continue to the abroad phase."""
    require(actor, RECORD_GATE, message=_("Only a steering admin may record the exit test."))
    nomination = (
        Nomination.objects.select_for_update().select_related("course__form").get(pk=nomination.pk)
    )
    if not nomination.course.phases.exists():
        raise ValidationError(_("This course has no phases and no gate."))
    if nomination.status != S.APPROVED:
        raise ValidationError(_("Only an approved member of the course takes the exit test."))
    if nomination.course.status not in (CourseStatus.CLOSED, CourseStatus.OPEN):
        raise ValidationError(_("The exit test is recorded before the course departs abroad."))
    pass_mark, scale = gate_pass_mark()
    if score is None or score < 0 or score > scale:
        raise ValidationError(
            {"score": _("The score must be between 0 and %(max)s.") % {"max": scale}}
        )
    passed = score >= pass_mark
    result, _created = GateResult.objects.update_or_create(
        nomination=nomination,
        defaults={"score": score, "pass_mark": pass_mark, "passed": passed, "recorded_by": actor},
    )
    if not passed:
        _move(
            nomination,
            S.NOT_CONTINUING,
            actor=actor,
            reason=_("Exit test %(score)s below the pass mark %(mark)s.")
            % {"score": score, "mark": pass_mark},
        )
    return result


def record_quota_use_on_step(change: Change) -> None:
    """Follower of the nomination's steps: a place taken or given back is written to planning."""
    if (change.source in PLACE_STATUSES) != (change.target in PLACE_STATUSES):
        _record_quota_use(change.obj)
