"""Needs calls and registrations, the annual plan with its courses and quotas, and their history."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.rules import is_agency_officer
from apps.core.scoping import ScopedQuerySet
from apps.core.workflow import TransitionRecord

from .permissions import PLAN_KEEPERS


class NeedsCallQuerySet(ScopedQuerySet):
    """A call is addressed to every agency: all roles that read registries see it."""

    scope_agency_lookup = None
    scope_writable_by = PLAN_KEEPERS

    def restrict(self, user, action="view"):
        if action == "view" and is_agency_officer(user):
            return self if user.is_active else self.none()
        return super().restrict(user, action)


class NeedsCall(models.Model):
    """The steering committee's call for next year's training needs (đợt đăng ký nhu cầu)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    deadline = models.DateField(_("deadline"))
    note = models.TextField(_("note"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    objects = NeedsCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for needs")
        verbose_name_plural = _("calls for needs")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Call for needs %(year)s")) % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("planning:call_detail", args=[self.pk])


class NeedsRegistrationQuerySet(ScopedQuerySet):
    scope_agency_lookup = "agency"


class NeedsRegistration(models.Model):
    """One agency's needs for a year; registering again edits this row (never a duplicate)."""

    call = models.ForeignKey(NeedsCall, on_delete=models.CASCADE, related_name="registrations")
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="needs_registrations",
    )
    topics = models.TextField(_("topics"), blank=True)
    preferred_countries = models.CharField(_("preferred countries"), max_length=255, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    candidates = models.ManyToManyField(
        "cadres.Cadre", verbose_name=_("named candidates"), blank=True, related_name="+"
    )
    reopened_until = models.DateField(_("reopened until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=0)

    objects = NeedsRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs registration")
        verbose_name_plural = _("needs registrations")
        ordering = ["call", "agency__path"]
        constraints = [
            models.UniqueConstraint(fields=["call", "agency"], name="needs_one_per_agency_call")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.call.year}"

    def get_absolute_url(self) -> str:
        return reverse("planning:registration_detail", args=[self.pk])


class NeedsReminder(models.Model):
    """A steering admin reminded an agency that has not registered its needs for a call yet.

    The officers of the agency see the latest reminder on their home page until they register.
    """

    call = models.ForeignKey(NeedsCall, on_delete=models.CASCADE, related_name="reminders")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder to register needs")
        verbose_name_plural = _("reminders to register needs")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} · {self.call.year}"


class NeedsLine(models.Model):
    """Places requested for one form × content group."""

    registration = models.ForeignKey(
        NeedsRegistration, on_delete=models.CASCADE, related_name="lines"
    )
    form = models.ForeignKey("programme.TrainingForm", on_delete=models.PROTECT, related_name="+")
    content_group = models.ForeignKey(
        "programme.ContentGroup", on_delete=models.PROTECT, related_name="+"
    )
    places = models.PositiveIntegerField(_("places"))

    class Meta:
        verbose_name = _("needs line")
        verbose_name_plural = _("needs lines")
        ordering = ["form_id", "content_group__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "form", "content_group"], name="needs_line_unique"
            ),
            models.CheckConstraint(name="needs_line_places_ge_0", condition=Q(places__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.form_id}/{self.content_group_id}: {self.places}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    SUPERSEDED = "superseded", _("Superseded")


class AnnualPlanQuerySet(ScopedQuerySet):
    """Plans are the steering committee's; agencies read their quotas, not the plan."""

    scope_agency_lookup = None
    scope_writable_by = PLAN_KEEPERS


class AnnualPlan(models.Model):
    """A version of the year's plan. Only a draft (or returned) version can be edited."""

    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    objects = AnnualPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="plan_unique_version"),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(status="approved"),
                name="plan_one_approved_per_year",
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="plan_one_open_version_per_year",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Plan %(year)s v%(version)s")) % {"year": self.year, "version": self.version}

    def get_absolute_url(self) -> str:
        return reverse("planning:plan_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (PlanStatus.DRAFT, PlanStatus.RETURNED)


class PlanTransition(TransitionRecord):
    """One step of a plan's workflow: who moved it from where to where, when and why."""

    subject_field = "plan"
    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="transitions")

    class Meta:
        verbose_name = _("plan transition")
        verbose_name_plural = _("plan transitions")
        ordering = ["plan", "at", "pk"]


class Quarter(models.IntegerChoices):
    Q1 = 1, _("Quarter I")
    Q2 = 2, _("Quarter II")
    Q3 = 3, _("Quarter III")
    Q4 = 4, _("Quarter IV")


class PlannedCourse(models.Model):
    """A course the plan foresees; the courses app turns it into a real course."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="courses")
    form = models.ForeignKey(
        "programme.TrainingForm",
        verbose_name=_("form"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    content_group = models.ForeignKey(
        "programme.ContentGroup",
        verbose_name=_("content group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=255)
    country = models.CharField(_("country"), max_length=100, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=Quarter.choices)
    capacity = models.PositiveIntegerField(_("capacity"))
    estimated_cost = models.DecimalField(
        _("estimated cost (VND)"), max_digits=16, decimal_places=0, null=True, blank=True
    )

    class Meta:
        verbose_name = _("planned course")
        verbose_name_plural = _("planned courses")
        ordering = ["plan", "form_id", "quarter", "pk"]
        constraints = [
            models.CheckConstraint(
                name="planned_course_capacity_gt_0", condition=Q(capacity__gt=0)
            ),
            models.CheckConstraint(
                name="planned_course_cost_ge_0",
                condition=Q(estimated_cost__isnull=True) | Q(estimated_cost__gte=0),
            ),
        ]

    def __str__(self) -> str:
        return self.topic


class QuotaQuerySet(ScopedQuerySet):
    scope_agency_lookup = "agency"
    scope_writable_by = PLAN_KEEPERS


class Quota(models.Model):
    """Places of one form an agency may nominate for in a plan; ``used`` is what it filled."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="quotas")
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="quotas",
    )
    form = models.ForeignKey(
        "programme.TrainingForm",
        verbose_name=_("form"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    places = models.PositiveIntegerField(_("places"))
    used = models.PositiveIntegerField(_("places used"), default=0)

    objects = QuotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["plan", "agency__path", "form_id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "agency", "form"], name="quota_unique"),
            models.CheckConstraint(name="quota_places_ge_0", condition=Q(places__gte=0)),
            models.CheckConstraint(name="quota_used_le_places", condition=Q(used__lte=F("places"))),
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.form_id}: {self.places}"


class QuotaMove(models.Model):
    """Places moved between two agencies, or between an agency and the plan's pool (None)."""

    class Kind(models.TextChoices):
        MOVE = "move", _("Move")
        RELEASE = "release", _("Release to pool")

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="moves")
    form = models.ForeignKey("programme.TrainingForm", on_delete=models.PROTECT, related_name="+")
    from_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    places = models.PositiveIntegerField(_("places"))
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MOVE)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quota move")
        verbose_name_plural = _("quota moves")
        ordering = ["plan", "-at", "-pk"]
        constraints = [
            models.CheckConstraint(name="quota_move_places_gt_0", condition=Q(places__gt=0)),
            models.CheckConstraint(
                name="quota_move_has_a_side",
                condition=Q(from_agency__isnull=False) | Q(to_agency__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_agency_id or '-'} → {self.to_agency_id or '-'}: {self.places}"
