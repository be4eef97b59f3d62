"""What apps above ``partners`` (courses, …) show on a partner's or an expert's page.

They register a provider ``(obj, user) -> Section`` in their ``AppConfig.ready()``.
"""

from apps.core.sections import SectionRegistry

PARTNER_SECTIONS = SectionRegistry()
EXPERT_SECTIONS = SectionRegistry()
partner_section = PARTNER_SECTIONS.register
expert_section = EXPERT_SECTIONS.register
