"""What apps above ``courses`` (documents, …) show on a course's page.

They register a provider ``(course, user) -> Section | None`` in their ``AppConfig.ready()``.
"""

from apps.core.sections import SectionRegistry

COURSE_SECTIONS = SectionRegistry()
course_section = COURSE_SECTIONS.register
