"""Closed lists of the course domain (KL §2.5); its life cycle table is in ``workflow.py``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for nominations")
    CLOSED = "closed", _("Nominations closed")
    DEPARTED = "departed", _("Departed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


#: A course in one of these states can no longer be edited (only moved on).
FROZEN_STATUSES = frozenset({CourseStatus.DEPARTED, CourseStatus.COMPLETED, CourseStatus.CANCELLED})


class Modality(models.TextChoices):
    IN_PERSON = "IN_PERSON", _("In person")
    ONLINE = "ONLINE", _("Online")
    BLENDED = "BLENDED", _("Blended")


class AgendaKind(models.TextChoices):
    LECTURE = "LECTURE", _("Lecture")
    FIELD_VISIT = "FIELD_VISIT", _("Field visit")
    WORKING_SESSION = "WORKING_SESSION", _("Working session")
    ONLINE_SESSION = "ONLINE_SESSION", _("Online session")


class HostType(models.TextChoices):
    """Who a working session is held with (KL §2.5)."""

    RULING_PARTY = "RULING_PARTY", _("Ruling party")
    LEGISLATURE = "LEGISLATURE", _("Legislature")
    EXECUTIVE = "EXECUTIVE", _("Executive")
    JUDICIARY = "JUDICIARY", _("Judiciary")
    MASS_ORGANISATION = "MASS_ORGANISATION", _("Mass organisation")
    TRAINING_INSTITUTION = "TRAINING_INSTITUTION", _("Training institution")
    OTHER = "OTHER", _("Other")
