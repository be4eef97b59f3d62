"""Nominations with their eligibility snapshot, override, transitions and gate results."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.scoping import ScopedQuerySet
from apps.core.workflow import TransitionRecord

from .choices import NominationStatus, Outcome


class NominationQuerySet(ScopedQuerySet):
    """Scoped by the cadre's agency: an officer sees the nominations of its subtree's cadres."""

    scope_agency_lookup = "cadre__agency"
    scope_cadre_lookup = "cadre"


class Nomination(models.Model):
    """A cadre put forward for a course by an agency, within the quota it draws on.

    ``agency`` is the nominating unit: the cadre's agency at the time of nomination. The quota
    holder is looked up from it (``apps.planning.quota``): the unit's own quota first, then up
    its path to the root.
    """

    course = models.ForeignKey(
        "courses.Course",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    cadre = models.ForeignKey(
        "cadres.Cadre",
        verbose_name=_("cadre"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("nominating agency"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NominationStatus.choices,
        default=NominationStatus.DRAFT,
    )
    eligibility = models.JSONField(_("eligibility result"), default=list, blank=True)
    outcome = models.CharField(
        _("eligibility"), max_length=8, choices=Outcome.choices, default=Outcome.PASS
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    warnings_confirmed = models.BooleanField(_("warnings confirmed"), default=False)
    override_reason = models.TextField(_("override reason"), blank=True)
    override_by = models.ForeignKey(
        "core.User",
        verbose_name=_("overridden by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    override_at = models.DateTimeField(_("overridden at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason of the decision"), blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        "core.User", verbose_name=_("nominated by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["course", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "cadre"], name="nomination_one_per_course"),
            models.CheckConstraint(
                name="nomination_override_has_reason",
                condition=Q(override_by__isnull=True) | ~Q(override_reason=""),
            ),
        ]
        indexes = [
            models.Index(fields=["cadre", "status"], name="nomination_cadre_status_idx"),
            models.Index(fields=["agency", "status"], name="nomination_agency_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.cadre} → {self.course.code}"

    def get_absolute_url(self) -> str:
        return reverse("nominations:nomination_detail", args=[self.pk])

    @property
    def is_overridden(self) -> bool:
        return bool(self.override_by_id)

    @property
    def results(self):
        """The stored rule results, their messages in the current language."""
        from .eligibility import RuleResult

        return [RuleResult.from_dict(row) for row in self.eligibility]


class NominationTransition(TransitionRecord):
    """One step of a nomination: from, to, who, when and why."""

    subject_field = "nomination"
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="transitions")

    class Meta:
        verbose_name = _("nomination transition")
        verbose_name_plural = _("nomination transitions")
        ordering = ["nomination", "at", "pk"]


class GateResult(models.Model):
    """The domestic phase's exit test of a language course member (R3 gate)."""

    nomination = models.OneToOneField(
        Nomination, on_delete=models.CASCADE, related_name="gate_result"
    )
    score = models.DecimalField(_("exit test score"), max_digits=5, decimal_places=2)
    pass_mark = models.DecimalField(_("pass mark"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"))
    recorded_by = models.ForeignKey(
        "core.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("gate result")
        verbose_name_plural = _("gate results")
        constraints = [
            models.CheckConstraint(name="gate_score_not_negative", condition=Q(score__gte=0)),
            models.CheckConstraint(
                name="gate_passed_matches_mark",
                condition=Q(passed=True, score__gte=F("pass_mark"))
                | Q(passed=False, score__lt=F("pass_mark")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.score}"
