"""One workflow core for every object with a life cycle (plans, courses, nominations, …).

* ``TransitionRecord``: the abstract history row (who, when, from, to, reason); each workflow's
  record adds one foreign key to its object and names it in ``subject_field``.
* ``Workflow``: the table of steps (from, to, the permission of the app's policy that takes it,
  reason required, offered on pages) of one model, registered under the model's label
  (``"planning.annualplan"``). Who holds the permission is the app's ``permissions.py``: the
  table names no role.
* ``transition(obj, to_status, actor=…, reason=…)``: locks the row, checks the table (step,
  permission, reason), runs the guards, saves, records the step, writes the audit entry
  ``<app>.<model>.<to_status>`` and calls the followers — all in the caller's transaction.
* Guards and followers are subscriptions by label: an app above subscribes in its
  ``AppConfig.ready()`` to the steps of a model below ("a course departs → its members
  depart"), so the app below never imports the app above.
* ``available_transitions(obj, user)``: the steps a user may take next; views, the API and the
  ``{% available_transitions %}`` tag all ask it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit import audit_record
from .permissions import may


class TransitionRecord(models.Model):
    """One step of an object's life cycle. Subclasses add the foreign key ``subject_field``."""

    subject_field: str = ""

    from_status = models.CharField(gettext_lazy("from"), max_length=16, blank=True)
    to_status = models.CharField(gettext_lazy("to"), max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(gettext_lazy("at"), auto_now_add=True)
    reason = models.TextField(gettext_lazy("reason"), blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{getattr(self, f'{self.subject_field}_id')}: {self.from_status} → {self.to_status}"

    def _label(self, status: str) -> str:
        subject = self._meta.get_field(self.subject_field).related_model
        return str(dict(subject._meta.get_field("status").flatchoices).get(status, status))

    def get_from_status_display(self) -> str:
        return self._label(self.from_status) if self.from_status else ""

    def get_to_status_display(self) -> str:
        return self._label(self.to_status)


@dataclass(frozen=True)
class Step:
    """One allowed move, taken by whoever holds ``perm`` (a permission name of the app's policy,
    e.g. ``"nominations.decide"``; the object's scope is the workflow's ``may_act``).
    ``offered=False``: taken only by a service or a follower, never shown as a button (e.g. a
    plan becoming superseded, members departing with their course)."""

    source: str
    target: str
    perm: str
    reason_required: bool = False
    reason_message: str = ""
    offered: bool = True
    target_label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.perm, str):
            raise TypeError("Step.perm is a permission name of the app's policy, not roles")


@dataclass(frozen=True)
class Change:
    """What guards and followers receive: the object (locked, not yet saved for guards)."""

    obj: models.Model
    source: str
    target: str
    actor: object
    reason: str
    step: Step


Hook = Callable[[Change], None]


@dataclass
class Workflow:
    """The steps of one model. ``record`` is the ``TransitionRecord`` subclass (app label
    ``"app.Model"``); ``may_act(obj, user)`` adds the object scope to ``available_transitions``
    (the services check the same scope before moving); ``conflict_message(obj)`` is shown when
    saving breaks a database constraint (e.g. two approved versions of a plan)."""

    model: str
    record: str
    steps: Iterable[Step]
    may_act: Callable[[models.Model, object], bool] | None = None
    conflict_message: Callable[[models.Model], str] | None = None
    on_enter: dict[str, Callable[[models.Model], None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.model = self.model.lower()
        self._steps = {(s.source, s.target): s for s in self.steps}

    def step(self, source: str, target: str) -> Step | None:
        return self._steps.get((source, target))

    def steps_from(self, source: str) -> list[Step]:
        return [s for (frm, _to), s in self._steps.items() if frm == source]

    def record_model(self) -> type[TransitionRecord]:
        return apps.get_model(self.record)


_workflows: dict[str, Workflow] = {}
_guards: dict[str, list[Hook]] = defaultdict(list)
_followers: dict[str, list[Hook]] = defaultdict(list)


def _label(model_or_obj) -> str:
    return model_or_obj._meta.label_lower


def register(workflow: Workflow) -> Workflow:
    _workflows[workflow.model] = workflow
    return workflow


def workflow_for(model_or_obj) -> Workflow:
    return _workflows[_label(model_or_obj)]


def add_guard(model_label: str, hook: Hook) -> None:
    """``hook(change)`` runs after the table's checks and before saving; it may refuse with a
    ``ValidationError`` (nothing is then saved) or prepare the object."""
    if hook not in _guards[model_label.lower()]:
        _guards[model_label.lower()].append(hook)


def follow(model_label: str, hook: Hook) -> None:
    """``hook(change)`` runs after the step is saved, recorded and audited, in the same
    transaction; an error in it undoes the step."""
    if hook not in _followers[model_label.lower()]:
        _followers[model_label.lower()].append(hook)


def _labels(obj: models.Model, *statuses: str) -> list[str]:
    choices = dict(obj._meta.get_field("status").flatchoices)
    return [str(choices.get(s, s)) for s in statuses]


#: Passed as ``actor`` to ``check``: the step is a consequence of another one, not a choice.
CONSEQUENCE = object()


def check(obj: models.Model, to_status: str, *, actor, reason: str = "") -> Step:
    """The step from ``obj``'s status to ``to_status`` if ``actor`` may take it with this
    reason; otherwise a Vietnamese ``ValidationError`` (not in the table, reason missing) or
    ``PermissionDenied`` (the policy does not give the step's permission). Nothing is changed."""
    step = workflow_for(obj).step(obj.status, to_status)
    names = {"object": obj._meta.verbose_name}
    if step is None:
        frm, to = _labels(obj, obj.status, to_status)
        raise ValidationError(
            _("The %(object)s cannot go from “%(from)s” to “%(to)s”.")
            % {**names, "from": frm, "to": to}
        )
    if actor is not CONSEQUENCE and (actor is None or not may(actor, step.perm)):
        frm, to = _labels(obj, obj.status, to_status)
        raise PermissionDenied(
            _("Your role may not move the %(object)s from “%(from)s” to “%(to)s”.")
            % {**names, "from": frm, "to": to}
        )
    if step.reason_required and not (reason or "").strip():
        raise ValidationError(
            {"reason": str(step.reason_message) or _("Give the reason for this step.")}
        )
    return step


def transition(
    obj: models.Model,
    to_status: str,
    *,
    actor,
    reason: str = "",
    locked: bool = False,
    as_consequence: bool = False,
) -> models.Model:
    """Move ``obj`` to ``to_status`` if the table allows it for ``actor``; returns ``obj``.

    The row is locked and ``obj`` refreshed from it. A caller that already locked the row
    itself (to keep a lock order, or to save other changes with the step) passes
    ``locked=True``: ``obj`` is then saved as it is. ``as_consequence=True`` is for a step the
    application takes because of another step the actor was allowed to take (members departing
    with their course, a freed place offered to the waitlist): the permission check is skipped, the
    step is still recorded under the actor.
    """
    workflow = workflow_for(obj)
    model = type(obj)
    with transaction.atomic():
        if not locked:
            fresh = model._default_manager.select_for_update().get(pk=obj.pk)
            for column in model._meta.concrete_fields:
                setattr(obj, column.attname, getattr(fresh, column.attname))
        reason = (reason or "").strip()
        step = check(obj, to_status, actor=CONSEQUENCE if as_consequence else actor, reason=reason)
        change = Change(obj, obj.status, to_status, actor, reason, step)
        for guard in _guards[workflow.model]:
            guard(change)
        obj.status = to_status
        if to_status in workflow.on_enter:
            workflow.on_enter[to_status](obj)
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError as error:
            if workflow.conflict_message is None:
                raise
            raise ValidationError(workflow.conflict_message(obj)) from error
        record_step(obj, change.source, to_status, actor=actor, reason=reason)
        for follower in _followers[workflow.model]:
            follower(change)
    return obj


def record_step(obj: models.Model, source: str, target: str, *, actor, reason: str = "") -> None:
    """Write the history row and the audit entry of a step (``source`` is "" at creation)."""
    workflow = workflow_for(obj)
    record = workflow.record_model()
    record.objects.create(
        **{record.subject_field: obj},
        from_status=source,
        to_status=target,
        actor=actor,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action=f"{workflow.model}.{target}",
        obj=obj,
        detail={"from": source, "to": target, "reason": reason},
    )


def available_transitions(obj: models.Model, user, *, in_scope: bool | None = None) -> list[Step]:
    """The offered steps ``user`` may take from ``obj``'s status (empty when out of scope).

    ``in_scope``: the caller already knows whether ``user`` may act on ``obj`` (a list checks
    its rows' scope in one query); ``None`` asks the workflow's ``may_act``.
    """
    workflow = workflow_for(obj)
    steps = [s for s in workflow.steps_from(obj.status) if s.offered and may(user, s.perm)]
    if in_scope is None and steps and workflow.may_act is not None:
        in_scope = workflow.may_act(obj, user)
    if in_scope is False:
        return []
    labels = dict(obj._meta.get_field("status").flatchoices)
    return [replace(s, target_label=str(labels.get(s.target, s.target))) for s in steps]


def available_targets(obj: models.Model, user) -> list[str]:
    return [step.target for step in available_transitions(obj, user)]
