"""Closed lists of the cadre record (reference/cadre-record.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class ManagementCategory(models.TextChoices):
    POLITBURO = "BCT", _("Managed by the Politburo")
    SECRETARIAT = "BBT", _("Managed by the Secretariat")
    OTHER = "OTHER", _("Other")


class PoliticalTheory(models.TextChoices):
    NONE = "", _("None")
    ELEMENTARY = "so_cap", _("Elementary")
    INTERMEDIATE = "trung_cap", _("Intermediate")
    ADVANCED = "cao_cap", _("Advanced")
    BACHELOR = "cu_nhan", _("Bachelor (counted as advanced)")


class StateManagement(models.TextChoices):
    NONE = "", _("None")
    SPECIALIST = "chuyen_vien", _("Specialist")
    PRINCIPAL = "chuyen_vien_chinh", _("Principal specialist")
    SENIOR = "chuyen_vien_cao_cap", _("Senior specialist")


class Degree(models.TextChoices):
    NONE = "", _("None")
    COLLEGE = "CD", _("College")
    BACHELOR = "CN", _("Bachelor")
    ENGINEER = "KS", _("Engineer")
    MASTER = "ThS", _("Master")
    DOCTOR = "TS", _("Doctor")


class AcademicTitle(models.TextChoices):
    NONE = "", _("None")
    ASSOCIATE_PROFESSOR = "PGS", _("Associate professor")
    PROFESSOR = "GS", _("Professor")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    LAO = "lo", _("Lao")
    KHMER = "km", _("Khmer")


class LanguageLevel(models.TextChoices):
    """CEFR levels; Vietnam's 6-level framework maps Bậc 1–6 to A1–C2 (TT 01/2014/TT-BGDĐT)."""

    A1 = "A1", _("A1 (level 1)")
    A2 = "A2", _("A2 (level 2)")
    B1 = "B1", _("B1 (level 3)")
    B2 = "B2", _("B2 (level 4)")
    C1 = "C1", _("C1 (level 5)")
    C2 = "C2", _("C2 (level 6)")


LEVEL_ORDER = {level.value: index for index, level in enumerate(LanguageLevel)}


class AgeBand(models.TextChoices):
    """The breakdown of the Central Organization Commission's statistics."""

    UP_TO_40 = "le40", _("40 or under")
    FROM_41_TO_50 = "41_50", _("Over 40 to 50")
    OVER_50 = "gt50", _("Over 50")


class TrainingMode(models.TextChoices):
    """Hình thức đào tạo, bồi dưỡng (form 2C: tập trung, không tập trung …)."""

    FULL_TIME = "tap_trung", _("Full-time")
    PART_TIME = "khong_tap_trung", _("Part-time")
    ONLINE = "truc_tuyen", _("Online")
    BLENDED = "ket_hop", _("Blended")
