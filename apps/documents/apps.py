"""Documents: the register of numbers, issued documents and the .docx rendering of courses."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "apps.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self) -> None:
        from apps.core.navigation import register_nav
        from apps.core.reference import register_reference_loader
        from apps.courses.sections import course_section

        from .permissions import MANAGE_ISSUERS
        from .reference import load_issuers
        from .selectors import course_documents_section

        course_section(course_documents_section)
        # after the agencies (order 20): a profile belongs to an agency
        register_reference_loader(load_issuers, order=60)
        register_nav(_("Issuing bodies"), "documents:issuer_list", perm=MANAGE_ISSUERS, order=95)
