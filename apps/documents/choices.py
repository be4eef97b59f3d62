"""Kinds of official documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Decision to send cadres")
    SUMMARY_LIST = "summary_list", _("Summary list of cadres")
    PROGRAMME = "programme", _("Course programme")


class DocumentStatus(models.TextChoices):
    """A decision is drafted without a number; the office enters number and date at issue."""

    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class Relation(models.TextChoices):
    """How a later decision stands to the earlier one it cites."""

    REPLACES = "replaces", _("Replaces")
    AMENDS = "amends", _("Amends")


class Layout(models.TextChoices):
    """Party documents follow Hướng dẫn 36-HD/VPTW; State documents Nghị định 30/2020/NĐ-CP."""

    PARTY = "party", _("Party (Hướng dẫn 36-HD/VPTW)")
    STATE = "state", _("State (Nghị định 30/2020/NĐ-CP)")
