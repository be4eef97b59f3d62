"""The API's JSON parser: a body nested deeper than any real request is a 400, not a crash."""

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

#: No request of this API nests deeper than a few levels.
MAX_JSON_DEPTH = 32
TOO_DEEP = _("The request body is nested too deeply.")


def _depth(value) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(TOO_DEEP) from error
        if _depth(data) > MAX_JSON_DEPTH:
            raise ParseError(TOO_DEEP)
        return data
