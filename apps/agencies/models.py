"""The agency tree: a materialised path makes a subtree one indexed prefix query."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.scoping import ScopedQuerySet

from .choices import AgencyKind
from .permissions import TREE_WRITERS


class AgencyQuerySet(ScopedQuerySet):
    scope_agency_lookup = "pk"
    scope_writable_by = TREE_WRITERS

    def active(self):
        return self.filter(successor__isnull=True, is_active=True)

    def subtree(self, agency: "Agency"):
        return self.filter(path__startswith=agency.path)


class Agency(models.Model):
    """A body of the political system or one of its units.

    ``path`` holds the ids from the root down ("000012/000345/"), ``depth`` the level (0 = root)
    and ``is_central`` whether the root is a central body; services keep the three in step.
    A merged agency keeps its rows and history; ``successor`` and ``merged_on`` say where it went.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(_("tree path"), max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    is_central = models.BooleanField(_("central"), default=True, editable=False)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    merged_on = models.DateField(_("merged on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    search_key = models.CharField(max_length=255, editable=False, db_index=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(name="agency_not_own_parent", condition=~Q(parent=F("pk"))),
            models.CheckConstraint(
                name="agency_merge_has_date",
                condition=Q(successor__isnull=True) | Q(merged_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agencies:agency_detail", args=[self.pk])

    @property
    def is_merged(self) -> bool:
        return self.successor_id is not None

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.split("/") if part][:-1]
