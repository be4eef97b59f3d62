"""The cadre record: person, current position, history, languages, sensitive identifiers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BackgroundJob
from apps.core.scoping import ScopedQuerySet

from .choices import (
    AcademicTitle,
    Degree,
    Gender,
    Language,
    LanguageLevel,
    ManagementCategory,
    PoliticalTheory,
    StateManagement,
    TrainingMode,
)
from .validators import validate_national_id


class CadreQuerySet(ScopedQuerySet):
    scope_agency_lookup = "agency"
    scope_cadre_lookup = "pk"


class ImportJobQuerySet(ScopedQuerySet):
    """An officer sees the imports made for its agency subtree; others as for cadres."""

    scope_agency_lookup = "agency"


class Cadre(models.Model):
    """A leader or manager who may be trained. Fields follow forms 2C/TCTW-98 and 2C-BNV/2008."""

    full_name = models.CharField(_("full name"), max_length=200)
    other_names = models.CharField(_("other names"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"))
    place_of_birth = models.CharField(_("place of birth"), max_length=255, blank=True)
    hometown = models.CharField(_("home town"), max_length=255, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=64, default="Kinh")
    religion = models.CharField(_("religion"), max_length=64, blank=True)
    national_id = models.CharField(_("citizen ID number"), max_length=12, unique=True)
    #: Mã định danh hồ sơ of the national cadre database (Nghị định 27/2026/NĐ-CP, group 1).
    dossier_code = models.CharField(_("dossier code"), max_length=32, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=16, blank=True)
    passport_expiry = models.DateField(_("passport expiry"), null=True, blank=True)

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="cadres"
    )
    position_title = models.CharField(_("current position"), max_length=255)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    party_position = models.CharField(_("party position"), max_length=255, blank=True)
    concurrent_positions = models.CharField(_("concurrent positions"), max_length=255, blank=True)
    management_category = models.CharField(
        _("management category"),
        max_length=8,
        choices=ManagementCategory.choices,
        default=ManagementCategory.OTHER,
    )
    position_level = models.ForeignKey(
        "programme.PositionLevel",
        verbose_name=_("position level"),
        on_delete=models.PROTECT,
        related_name="cadres",
    )
    planned_for = models.CharField(_("planned for"), max_length=255, blank=True)
    work_field = models.ForeignKey(
        "programme.WorkField",
        verbose_name=_("field of work"),
        on_delete=models.PROTECT,
        related_name="cadres",
    )
    uses_foreign_language = models.BooleanField(
        _("uses a foreign language regularly at work"), default=False
    )
    #: Who recorded (confirmed, for the agency) the regular use of a language, and when (R3).
    language_use_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("language use confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    language_use_confirmed_at = models.DateTimeField(
        _("language use confirmed at"), null=True, blank=True, editable=False
    )
    party_joined_on = models.DateField(_("joined the Party on"), null=True, blank=True)
    party_official_on = models.DateField(_("full Party member since"), null=True, blank=True)
    education = models.CharField(
        _("highest professional qualification"), max_length=255, blank=True
    )
    degree = models.CharField(_("degree"), max_length=4, choices=Degree.choices, blank=True)
    academic_title = models.CharField(
        _("academic title"), max_length=4, choices=AcademicTitle.choices, blank=True
    )
    political_theory = models.CharField(
        _("political theory"), max_length=16, choices=PoliticalTheory.choices, blank=True
    )
    state_management = models.CharField(
        _("state management"), max_length=24, choices=StateManagement.choices, blank=True
    )
    foreign_ties = models.TextField(_("relatives or ties abroad"), blank=True)
    retirement_override = models.DateField(_("retirement date (override)"), null=True, blank=True)
    expected_retirement = models.DateField(_("expected retirement"), null=True, editable=False)

    search_key = models.CharField(max_length=255, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_key", "updated_at"])
    objects = CadreQuerySet.as_manager()

    class Meta:
        verbose_name = _("cadre")
        verbose_name_plural = _("cadres")
        ordering = ["search_key", "pk"]
        indexes = [
            models.Index(fields=["agency", "search_key"], name="cadre_agency_search_idx"),
            models.Index(fields=["date_of_birth"], name="cadre_dob_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="cadre_national_id_12_digits",
                condition=Q(national_id__regex=r"^[0-9]{12}$"),
            ),
            models.UniqueConstraint(
                fields=["dossier_code"],
                condition=~Q(dossier_code=""),
                name="cadre_dossier_code_unique",
            ),
            models.CheckConstraint(
                name="cadre_party_dates_ordered",
                condition=Q(party_joined_on__isnull=True)
                | Q(party_official_on__isnull=True)
                | Q(party_joined_on__lte=F("party_official_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("cadres:cadre_detail", args=[self.pk])

    def validate_constraints(self, exclude=None):
        """The check constraints said as sentences on their fields (forms, services, API and
        import alike); the database still enforces them."""
        exclude = set(exclude or ())
        errors = {}
        if "national_id" not in exclude:
            try:
                validate_national_id(self.national_id)
            except ValidationError as error:
                errors["national_id"] = error.messages
        joined, official = self.party_joined_on, self.party_official_on
        dated = not exclude & {"party_joined_on", "party_official_on"} and joined and official
        if dated and joined > official:
            errors["party_official_on"] = [
                _("The date of full Party membership is before the date of joining the Party.")
            ]
        if errors:
            raise ValidationError(errors)
        super().validate_constraints(exclude=exclude)


class PositionHistoryQuerySet(ScopedQuerySet):
    scope_agency_lookup = "cadre__agency"
    scope_cadre_lookup = "cadre"


class PositionHistory(models.Model):
    """One line of quá trình công tác."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="positions")
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.CharField(_("unit"), max_length=255, blank=True)
    position_title = models.CharField(_("position"), max_length=255)
    position_level = models.ForeignKey(
        "programme.PositionLevel",
        verbose_name=_("position level"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = PositionHistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("position history")
        verbose_name_plural = _("position history")
        ordering = ["cadre", "-start"]
        constraints = [
            models.CheckConstraint(
                name="position_start_le_end",
                condition=Q(end__isnull=True) | Q(start__lte=F("end")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.position_title} ({self.start:%m/%Y})"

    def validate_constraints(self, exclude=None):
        """The date-order constraint said as a sentence on its field."""
        exclude = set(exclude or ())
        if not exclude & {"start", "end"} and self.start and self.end and self.start > self.end:
            raise ValidationError({"end": [_("The end date is before the start date.")]})
        super().validate_constraints(exclude=exclude)


class LanguageSkillQuerySet(ScopedQuerySet):
    scope_agency_lookup = "cadre__agency"
    scope_cadre_lookup = "cadre"


class LanguageSkill(models.Model):
    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    level = models.CharField(_("level"), max_length=2, choices=LanguageLevel.choices)
    certificate = models.CharField(_("certificate"), max_length=128, blank=True)
    score = models.CharField(_("score"), max_length=32, blank=True)
    certified_on = models.DateField(_("certified on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = LanguageSkillQuerySet.as_manager()

    class Meta:
        verbose_name = _("language skill")
        verbose_name_plural = _("language skills")
        ordering = ["cadre", "language"]
        constraints = [
            models.UniqueConstraint(fields=["cadre", "language"], name="language_skill_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.level}"


class TrainingRecordQuerySet(ScopedQuerySet):
    scope_agency_lookup = "cadre__agency"
    scope_cadre_lookup = "cadre"


class TrainingRecord(models.Model):
    """One line of quá trình đào tạo, bồi dưỡng (form 2C; group 5 of the national cadre
    database): entered, imported, or filled automatically when a course of this programme is
    completed (then ``programme_course_code`` and ``programme_form`` say which)."""

    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="trainings")
    course_name = models.CharField(_("training course"), max_length=255)
    institution = models.CharField(_("place of training"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=128, blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)
    mode = models.CharField(_("form"), max_length=16, choices=TrainingMode.choices, blank=True)
    certificate = models.CharField(_("certificate"), max_length=255, blank=True)
    programme_form = models.ForeignKey(
        "programme.TrainingForm",
        verbose_name=_("form of Đề án 165"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    programme_course_code = models.CharField(
        _("course of this programme"), max_length=32, blank=True, editable=False
    )

    history = HistoricalRecords()
    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training history")
        ordering = ["cadre", "-start"]
        constraints = [
            models.CheckConstraint(
                name="training_start_le_end",
                condition=Q(end__isnull=True) | Q(start__lte=F("end")),
                violation_error_message=_("The training cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["cadre", "programme_course_code"],
                condition=~Q(programme_course_code=""),
                name="training_programme_course_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_name} ({self.start:%m/%Y})"


class ImportJob(BackgroundJob):
    """One Excel import: validated in full first, applied all-or-nothing, with progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        VALIDATING = "validating", _("Checking")
        IMPORTING = "importing", _("Importing")
        SUCCEEDED = "succeeded", _("Imported")
        FAILED = "failed", _("Rejected")

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        "core.User", verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency of the uploader"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    stored_path = models.CharField(max_length=500, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_count = models.PositiveIntegerField(_("cadres created"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
