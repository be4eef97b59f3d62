"""Delegations, their members and the record of each formation run."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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


class DelegationMember(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    nomination = models.OneToOneField(
        "nominations.Nomination",
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="delegation_member",
    )

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "pk"]

    def __str__(self) -> str:
        return str(self.nomination.cadre)
