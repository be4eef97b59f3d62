"""Template filters of the cadre registry."""

from django import template

from apps.cadres.identifiers import mask_identifier

register = template.Library()


@register.filter
def mask(value: str) -> str:
    """A masked citizen ID or passport number (the last characters only)."""
    return mask_identifier(value or "")
