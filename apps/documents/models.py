"""Issuer profiles, the register of numbers seen, and the documents issued for a course.

Numbers come from the issuing body's own register: a decision is drafted without a number and
the office enters the number and the date it took from that register when it issues it
(``DocumentRegister`` only remembers the numbers used here, to suggest the next one and refuse a
number already used). The tables were created by ``courses`` and moved here with their rows
(migration 0001 takes them over as they are, 0002 renames them).
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.scoping import VIEW
from apps.courses.models import Course

from .choices import DocumentKind, DocumentStatus, Layout, Relation


class IssuerProfile(models.Model):
    """How an agency heads and signs the documents it issues (data, edited by a steering admin).

    The Steering Committee's decisions are issued by the profile marked ``steering`` (Ban Tổ
    chức Trung ương); a decentralised course's by its organiser's profile (or its nearest
    ancestor's). Party bodies use the Party layout, ministries and provincial People's Committees
    the State layout.
    """

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="issuer_profile",
    )
    layout = models.CharField(_("layout"), max_length=8, choices=Layout.choices)
    #: one line each, the superior body first and the issuer itself last ("BAN CHẤP HÀNH TRUNG
    #: ƯƠNG" / "BAN TỔ CHỨC"; "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI")
    name_lines = models.TextField(_("name lines"))
    #: the issuer's part of the number and code ("BTCTW", "BNV"; every provincial People's
    #: Committee writes "UBND": not unique, the register is the agency's)
    abbreviation = models.CharField(_("abbreviation"), max_length=32)
    place = models.CharField(_("place name"), max_length=64)
    #: who decides, as the decision's text names it ("BAN TỔ CHỨC TRUNG ƯƠNG",
    #: "BỘ TRƯỞNG BỘ NỘI VỤ")
    decider = models.CharField(_("deciding authority"), max_length=255)
    #: a collective body signs T/M (thay mặt) its name ("BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN");
    #: empty for a body under a head (a Ban, a ministry), which signs with the head's title
    collective_name = models.CharField(_("collective body"), max_length=128, blank=True)
    head_title = models.CharField(_("head's title"), max_length=64)
    deputy_title = models.CharField(_("deputy's title"), max_length=64, blank=True)
    signs_as_deputy = models.BooleanField(_("a deputy signs (K/T)"), default=False)
    signer_name = models.CharField(_("signer's name"), max_length=128, blank=True)
    #: the last line of "Nơi nhận" ("Lưu Văn phòng Ban Chỉ đạo Đề án 165"; "Lưu: VT, TCCB")
    archive = models.CharField(_("archive line"), max_length=128)
    steering = models.BooleanField(_("issues the Steering Committee's decisions"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("issuer profile")
        verbose_name_plural = _("issuer profiles")
        ordering = ["-steering", "abbreviation"]
        constraints = [
            models.UniqueConstraint(
                fields=["steering"], condition=Q(steering=True), name="issuer_one_steering"
            ),
            models.CheckConstraint(
                name="issuer_deputy_has_title",
                condition=Q(signs_as_deputy=False) | ~Q(deputy_title=""),
            ),
        ]

    def __str__(self) -> str:
        return self.lines[-1] if self.lines else self.abbreviation

    def get_absolute_url(self) -> str:
        return reverse("documents:issuer_edit", args=[self.pk])

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.name_lines.splitlines() if line.strip()]


class DocumentRegister(models.Model):
    """The numbers used here of an issuer's register: one row per issuer (its agency's code),
    type and year.

    Numbering restarts each 1 January (Nghị định 30/2020); a number once used is never reused.
    ``next_number`` is only a suggestion: the office reads the real next number from the
    issuing body's register.
    """

    issuer = models.CharField(_("issuer"), max_length=32)
    doc_type = models.CharField(_("document type"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    next_number = models.PositiveIntegerField(_("next number"), default=1)

    class Meta:
        verbose_name = _("document register")
        verbose_name_plural = _("document registers")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "doc_type", "year"], name="document_register_unique"
            ),
            models.CheckConstraint(
                name="document_register_next_positive", condition=Q(next_number__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type}/{self.issuer} {self.year}"


class IssuedDocumentQuerySet(models.QuerySet):
    def restrict(self, user, action: str = VIEW):
        return self.filter(course__in=Course.objects.restrict(user, action))


class IssuedDocument(models.Model):
    """A document for a course: drafted without a number, then issued with the number and date
    of the issuing body's register; its file is kept and served with permission."""

    status = models.CharField(
        _("status"), max_length=8, choices=DocumentStatus.choices, default=DocumentStatus.ISSUED
    )
    issuer = models.ForeignKey(
        IssuerProfile,
        verbose_name=_("issuer"),
        on_delete=models.PROTECT,
        related_name="documents",
        null=True,
        blank=True,
    )
    register = models.ForeignKey(
        DocumentRegister, on_delete=models.PROTECT, related_name="documents", null=True, blank=True
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    reference = models.CharField(_("number and code"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    course = models.ForeignKey("courses.Course", on_delete=models.PROTECT, related_name="documents")
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        "core.User",
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    drafted_by = models.ForeignKey(
        "core.User",
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    #: the earlier decision this one replaces or amends (and cites)
    cites = models.ForeignKey(
        "self",
        verbose_name=_("earlier decision"),
        on_delete=models.PROTECT,
        related_name="cited_by",
        null=True,
        blank=True,
    )
    relation = models.CharField(
        _("relation to the earlier decision"), max_length=8, choices=Relation.choices, blank=True
    )
    file_path = models.CharField(max_length=500, editable=False)
    file_name = models.CharField(_("file name"), max_length=255)
    #: what was rendered (members by nomination id): a copy without the personal fields of
    #: members outside a reader's scope is rendered from it (DECISIONS §22)
    context = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["register", "number"], name="issued_document_unique"),
            models.CheckConstraint(
                name="issued_document_has_number_and_date",
                condition=Q(status="draft")
                | Q(number__isnull=False, issued_on__isnull=False, register__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["course", "kind"],
                condition=Q(status="draft"),
                name="issued_document_one_draft",
            ),
            models.CheckConstraint(
                name="issued_document_cites_with_relation",
                condition=Q(cites__isnull=True, relation="")
                | Q(cites__isnull=False) & ~Q(relation=""),
            ),
        ]

    def __str__(self) -> str:
        return self.reference or str(_("draft"))

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT

    @property
    def title(self) -> str:
        """How a link names the document: "Quyết định số 01-QĐ/BTCTW", never the register's code;
        a draft has no number yet."""
        if self.is_draft:
            return str(DRAFT_TITLES.get(self.kind, _("Draft"))) % {"kind": self.get_kind_display()}
        template = DOCUMENT_TITLES.get(self.kind, _("%(kind)s No. %(reference)s"))
        return str(template) % {"kind": self.get_kind_display(), "reference": self.reference}


#: a document's name in links, by kind ("%(reference)s" is its number and code)
DOCUMENT_TITLES = {
    DocumentKind.DECISION: _("Decision No. %(reference)s"),
    DocumentKind.SUMMARY_LIST: _("Summary list No. %(reference)s"),
}

#: a draft's name in links (it has no number until it is issued)
DRAFT_TITLES = {DocumentKind.DECISION: _("Draft decision (no number yet)")}
