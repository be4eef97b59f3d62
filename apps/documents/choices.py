"""Kinds of official documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Decision to send cadres")
    SUMMARY_LIST = "summary_list", _("Summary list of cadres")
    PROGRAMME = "programme", _("Course programme")
