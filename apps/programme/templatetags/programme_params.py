"""``{% rule_params setting %}``: a rule setting's structured parameters, labelled."""

from django import template

from apps.programme.params_display import describe

register = template.Library()


@register.inclusion_tag("programme/_rule_params.html")
def rule_params(setting, compact=False):
    return {"params": describe(setting.code, setting.params), "compact": compact}
