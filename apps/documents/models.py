"""The register documents are numbered from, and the documents issued for a course.

The tables were created by ``courses`` and moved here with their rows (migration 0001 takes them
over as they are, 0002 renames them).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.scoping import VIEW
from apps.courses.models import Course

from .choices import DocumentKind


class DocumentRegister(models.Model):
    """The book an issuer numbers its documents from: one per issuer, type and year.

    Numbering restarts each 1 January (Nghị định 30/2020); a number once issued is never reused.
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
    """A numbered document issued for a course; its file is kept and served with permission."""

    register = models.ForeignKey(
        DocumentRegister, on_delete=models.PROTECT, related_name="documents"
    )
    number = models.PositiveIntegerField(_("number"))
    reference = models.CharField(_("number and code"), max_length=64)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    course = models.ForeignKey("courses.Course", on_delete=models.PROTECT, related_name="documents")
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        "core.User", verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
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
            models.UniqueConstraint(fields=["register", "number"], name="issued_document_unique")
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def title(self) -> str:
        """How a link names the document: "Quyết định số 01-QĐ/BTCTW", never the register's code."""
        template = DOCUMENT_TITLES.get(self.kind, _("%(kind)s No. %(reference)s"))
        return str(template) % {"kind": self.get_kind_display(), "reference": self.reference}


#: a document's name in links, by kind ("%(reference)s" is its number and code)
DOCUMENT_TITLES = {
    DocumentKind.DECISION: _("Decision No. %(reference)s"),
    DocumentKind.SUMMARY_LIST: _("Summary list No. %(reference)s"),
}
