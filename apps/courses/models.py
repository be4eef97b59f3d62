"""Courses with their phases and agenda."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.rules import is_agency_officer, is_participant, is_steering_admin, reads_everything
from apps.core.scoping import VIEW, agency_scope_ids
from apps.core.workflow import TransitionRecord

from .choices import AgendaKind, CourseStatus, HostType, Modality


def _usable(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role)


#: States in which a course of the Steering Committee is visible to every agency.
PUBLISHED_STATUSES = (
    CourseStatus.OPEN,
    CourseStatus.CLOSED,
    CourseStatus.DEPARTED,
    CourseStatus.COMPLETED,
)


class CourseQuerySet(models.QuerySet):
    """Who sees a course.

    * steering admin: all; finance officer and auditor: read all;
    * agency officer: courses it may nominate to (the Steering Committee's once opened) and the
      decentralised courses organised in its subtree; it changes only the latter;
    * participant: the courses they are nominated to.
    """

    def restrict(self, user, action: str = VIEW):
        if not _usable(user):
            return self.none()
        if is_steering_admin(user):
            return self
        if action == VIEW and reads_everything(user):
            return self
        if is_agency_officer(user):
            own = Q(organiser__in=agency_scope_ids(user))
            if action == VIEW:
                return self.filter(own | Q(organiser__isnull=True, status__in=PUBLISHED_STATUSES))
            return self.filter(own)
        if is_participant(user) and action == VIEW and user.cadre_id:
            # Through the reverse relation of the app above; one nomination per course and cadre,
            # so the join repeats no course.
            return self.filter(nominations__cadre_id=user.cadre_id)
        return self.none()


class Course(models.Model):
    """One run of a training form (lớp/khóa bồi dưỡng)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    title = models.CharField(_("topic"), max_length=255)
    form = models.ForeignKey(
        "programme.TrainingForm",
        verbose_name=_("form"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    content_group = models.ForeignKey(
        "programme.ContentGroup",
        verbose_name=_("content group"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    countries = models.CharField(_("countries"), max_length=255)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    modality = models.CharField(
        _("modality"), max_length=16, choices=Modality.choices, default=Modality.IN_PERSON
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    language = models.CharField(_("language of instruction"), max_length=8, blank=True)
    min_language_level = models.CharField(
        _("minimum language level"),
        max_length=2,
        blank=True,
        help_text=_("Empty: the form's own minimum (medium courses: B2)."),
    )
    organiser = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_courses",
        help_text=_("Empty: the Steering Committee; otherwise the decentralised agency."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CourseStatus.choices, default=CourseStatus.PLANNED
    )
    planned_course = models.ForeignKey(
        "planning.PlannedCourse",
        verbose_name=_("planned course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        help_text=_("The course of the approved annual plan this course carries out, if any."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-start", "code"]
        constraints = [
            models.CheckConstraint(name="course_start_le_end", condition=Q(start__lte=F("end"))),
            models.CheckConstraint(name="course_capacity_positive", condition=Q(capacity__gte=1)),
        ]
        indexes = [models.Index(fields=["status", "start"], name="course_status_start_idx")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("courses:course_detail", args=[self.pk])

    def validate_constraints(self, exclude=None):
        """The check constraints said as sentences on their fields (forms, services and API alike);
        the database still enforces them."""
        exclude = set(exclude or ())
        errors = {}
        if not exclude & {"start", "end"} and self.start and self.end and self.start > self.end:
            errors["end"] = [_("The end date is before the start date.")]
        if "capacity" not in exclude and self.capacity is not None and self.capacity < 1:
            errors["capacity"] = [_("A course has at least one place.")]
        if errors:
            raise ValidationError(errors)
        super().validate_constraints(exclude=exclude)

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def organiser_label(self) -> str:
        return self.organiser.name if self.organiser_id else str(_("Steering Committee"))


class CourseTransition(TransitionRecord):
    """One change of a course's status: from, to, who, when and why."""

    subject_field = "course"
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="transitions")

    class Meta:
        verbose_name = _("course transition")
        verbose_name_plural = _("course transitions")
        ordering = ["course", "at", "pk"]


class CoursePhase(models.Model):
    """A phase of a language course (in Vietnam, then abroad) with the gate's pass mark."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="phases")
    form_phase = models.ForeignKey(
        "programme.FormPhase", verbose_name=_("phase"), on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    place = models.CharField(_("place"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("course phase")
        verbose_name_plural = _("course phases")
        ordering = ["course", "start"]
        constraints = [
            models.CheckConstraint(
                name="course_phase_start_le_end", condition=Q(start__lte=F("end"))
            ),
            models.UniqueConstraint(fields=["course", "form_phase"], name="course_phase_unique"),
        ]

    def __str__(self) -> str:
        return str(self.form_phase)


class AgendaItem(models.Model):
    """A line of the course programme: lecture, field visit, working session, online session."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(_("kind"), max_length=24, choices=AgendaKind.choices)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("to"), null=True, blank=True)
    title = models.CharField(_("content"), max_length=255)
    place = models.CharField(_("place"), max_length=255, blank=True)
    host_type = models.CharField(
        _("host type"), max_length=24, choices=HostType.choices, blank=True
    )
    host = models.CharField(_("host"), max_length=255, blank=True)
    expert = models.ForeignKey(
        "partners.Expert",
        verbose_name=_("speaker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    content_group = models.ForeignKey(
        "programme.ContentGroup",
        verbose_name=_("content group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["course", "date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                name="agenda_time_ordered",
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(start_time__lte=F("end_time")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.title}"
