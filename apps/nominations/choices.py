"""Closed lists of nominations: statuses, rule outcomes (the life cycle is ``workflow.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WAITLISTED = "waitlisted", _("Waitlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NOT_CONTINUING = "not_continuing", _("Not continuing (gate not passed)")
    DEPARTED = "departed", _("Departed")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Did not complete")


S = NominationStatus

#: A nomination in one of these states holds (or asks for) a place: it counts for date clashes.
ACTIVE_STATUSES = (S.SUBMITTED, S.APPROVED, S.WAITLISTED, S.DEPARTED)
#: States that use a place of the course and of the quota (``apps.planning.quota``): approved
#: and after; a member who went and did not complete still used the place (DECISIONS §20).
PLACE_STATUSES = (S.APPROVED, S.DEPARTED, S.COMPLETED, S.NOT_COMPLETED)
#: States that count as having attended a form (R6).
ATTENDED_STATUSES = (S.APPROVED, S.DEPARTED, S.COMPLETED)


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    WARNING = "warning", _("Warning")
    FAIL = "fail", _("Fail")


OUTCOME_ORDER = {Outcome.PASS: 0, Outcome.WARNING: 1, Outcome.FAIL: 2}
