"""Delegations, their members and the record of each formation run."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import BackgroundJob
from apps.core.workflow import TransitionRecord

from .choices import DelegationStatus


class FormationRun(models.Model):
    """One run of the optimiser for a year: what it achieved and how far from the best possible."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    seed = models.IntegerField(_("seed"), default=0)
    objective = models.IntegerField(_("objective"))
    bound = models.IntegerField(_("lower bound"))
    seconds = models.FloatField(_("solve time (s)"))
    optimal = models.BooleanField(_("proven optimal"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        verbose_name = _("formation run")
        verbose_name_plural = _("formation runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year}: {self.objective} ≥ {self.bound}"

    @property
    def gap_percent(self) -> float:
        if self.objective == 0:
            return 0.0
        return 100.0 * (self.objective - self.bound) / self.objective


class Delegation(models.Model):
    """A group of 15–20 cadres travelling together on one short course (KL §2.4)."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    course = models.ForeignKey(
        "courses.Course",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DelegationStatus.choices,
        default=DelegationStatus.PROPOSED,
    )
    cost = models.IntegerField(_("homogeneity score"), default=0)
    head = models.ForeignKey(
        "cadres.Cadre",
        verbose_name=_("head of delegation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.ForeignKey(
        "cadres.Cadre",
        verbose_name=_("secretary"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    run = models.ForeignKey(
        FormationRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="delegation_year_number")
        ]

    def __str__(self) -> str:
        return _("Delegation %(number)d/%(year)d") % {"number": self.number, "year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("delegations:delegation_detail", args=[self.pk])


class DelegationMember(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    nomination = models.OneToOneField(
        "nominations.Nomination",
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="delegation_member",
    )
    #: A new run keeps the pinned members of a delegation together.
    pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "pk"]

    def __str__(self) -> str:
        return str(self.nomination.cadre)


class KeepApart(models.Model):
    """Two nominees whom no run may put in the same delegation."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    first = models.ForeignKey("nominations.Nomination", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("nominations.Nomination", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("pair kept apart")
        verbose_name_plural = _("pairs kept apart")
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="keep_apart_pair")]

    def __str__(self) -> str:
        return f"{self.first} ≠ {self.second}"


class DelegationTransition(TransitionRecord):
    """One change of a delegation's status: from, to, who, when and why."""

    subject_field = "delegation"
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="transitions")

    class Meta:
        verbose_name = _("delegation transition")
        verbose_name_plural = _("delegation transitions")
        ordering = ["delegation", "at", "pk"]


class FormationJob(BackgroundJob):
    """A formation asked for on the page, run by the task worker; progress counts courses."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Done")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    courses = models.JSONField(_("courses"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    run = models.ForeignKey(
        FormationRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("formation job")
        verbose_name_plural = _("formation jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} #{self.pk}"
