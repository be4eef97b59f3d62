"""Documents: the register of numbers, issued documents and the .docx rendering of courses."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "apps.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self) -> None:
        from apps.courses.sections import course_section

        from .selectors import course_documents_section

        course_section(course_documents_section)
