"""Programme settings are data, not code: changing one needs no deploy and keeps history."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PositionLevel(models.Model):
    """An ordered position level; ``rank`` 1 is the highest (TW_MANAGED)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), unique=True)
    source = models.CharField(_("source"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("position level")
        verbose_name_plural = _("position levels")
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The short name for tables and badges, the full name where there is none."""
        return self.short_name or self.name


class ContentGroup(models.Model):
    code = models.PositiveSmallIntegerField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=255)
    source = models.CharField(_("source"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("content group")
        verbose_name_plural = _("content groups")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"({self.code}) {self.name}"


class WorkField(models.Model):
    """A field of work (lĩnh vực công tác), used for filtering and delegation homogeneity."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    #: The content groups (KL §2.3) that match the field: the candidate finder's field match.
    content_groups = models.ManyToManyField(
        ContentGroup, verbose_name=_("matching content groups"), blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TrainingForm(models.Model):
    """A form of training (hình thức): SHORT, MEDIUM or LANGUAGE (KL §2.4)."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=255)
    typical_days = models.PositiveIntegerField(_("typical length in days"), null=True, blank=True)
    delegation_min = models.PositiveSmallIntegerField(
        _("minimum delegation size"), null=True, blank=True
    )
    delegation_max = models.PositiveSmallIntegerField(
        _("maximum delegation size"), null=True, blank=True
    )
    taught_in_foreign_language = models.BooleanField(
        _("taught in a foreign language"), default=False
    )
    min_language_level = models.CharField(_("minimum language level"), max_length=2, blank=True)
    eligible_levels = models.ManyToManyField(
        PositionLevel, verbose_name=_("eligible position levels"), blank=True
    )
    eligibility_note = models.TextField(_("who is eligible"), blank=True)
    gate = models.CharField(_("gate between phases"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=64, blank=True)

    history = HistoricalRecords(m2m_fields=[eligible_levels])

    class Meta:
        verbose_name = _("training form")
        verbose_name_plural = _("training forms")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="form_delegation_min_le_max",
                condition=Q(delegation_min__isnull=True)
                | Q(delegation_max__isnull=True)
                | Q(delegation_min__lte=F("delegation_max")),
            )
        ]

    def __str__(self) -> str:
        return self.name


class FormPhase(models.Model):
    """A phase of a form: the language course is studied at home, then abroad."""

    form = models.ForeignKey(TrainingForm, on_delete=models.CASCADE, related_name="phases")
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=255)
    typical_days = models.PositiveIntegerField(_("typical length in days"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("form phase")
        verbose_name_plural = _("form phases")
        ordering = ["form", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="form_phase_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class Phase(models.Model):
    """A programme phase with its annual targets per form (KL §2.2)."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=255)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    source = models.CharField(_("source"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(name="phase_start_le_end", condition=Q(start__lte=F("end")))
        ]

    def __str__(self) -> str:
        return self.name


class AnnualTarget(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="targets")
    form = models.ForeignKey(TrainingForm, on_delete=models.PROTECT, related_name="targets")
    places = models.PositiveIntegerField(_("places per year"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual target")
        verbose_name_plural = _("annual targets")
        ordering = ["phase", "form"]
        constraints = [
            models.UniqueConstraint(fields=["phase", "form"], name="annual_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.phase.code} {self.form.code}: {self.places}"


class Severity(models.TextChoices):
    FAIL = "fail", _("Fail")
    WARNING = "warning", _("Warning")


class RuleSetting(models.Model):
    """A rule's parameter: a number, a severity and structured parameters, with its source."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=4, null=True, blank=True)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
