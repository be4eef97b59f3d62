"""Templates ask the apps' policies: ``{% load policy %}{% if user|may:"cadres.add_cadre" %}``."""

from django import template

from apps.core.permissions import may as policy_may

register = template.Library()


@register.filter
def may(user, perm: str) -> bool:
    return policy_may(user, perm)
