"""Partners (training institutions) and experts (lecturers, speakers).

The tables were created by the ``courses`` app and moved here with their rows (migration 0001
takes them over as they are, 0002 renames them).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.permissions import may
from apps.core.scoping import VIEW

from .permissions import CHANGE_REGISTRY, VIEW_REGISTRY


class RegistryQuerySet(models.QuerySet):
    """Partners and experts: all rows or none, as the partners policy says."""

    def restrict(self, user, action: str = VIEW):
        return (
            self if may(user, VIEW_REGISTRY if action == VIEW else CHANGE_REGISTRY) else self.none()
        )


class Partner(models.Model):
    """A training institution abroad or in Vietnam (đối tác)."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    country = models.CharField(_("country"), max_length=64)
    city = models.CharField(_("city"), max_length=128, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    fields = models.CharField(_("fields of training"), max_length=500, blank=True)
    content_groups = models.ManyToManyField(
        "programme.ContentGroup", verbose_name=_("content groups"), blank=True
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords(m2m_fields=[content_groups])
    objects = RegistryQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="partner_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", args=[self.pk])


class Expert(models.Model):
    """A lecturer abroad or an expert invited to speak in Vietnam (chuyên gia)."""

    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
    )
    country = models.CharField(_("country"), max_length=64)
    expertise = models.CharField(_("expertise"), max_length=500)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    content_groups = models.ManyToManyField(
        "programme.ContentGroup", verbose_name=_("content groups"), blank=True
    )

    history = HistoricalRecords(m2m_fields=[content_groups])
    objects = RegistryQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("partners:expert_detail", args=[self.pk])
