"""``{% available_transitions obj as steps %}``: the steps the user may take next, by target
status (``{% if "approved" in steps %}``, ``{% for step in steps.values %}``)."""

from django import template

from apps.core import workflow

register = template.Library()


@register.simple_tag(takes_context=True)
def available_transitions(context, obj) -> dict[str, workflow.Step]:
    user = context["request"].user
    return {step.target: step for step in workflow.available_transitions(obj, user)}
