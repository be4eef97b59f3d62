"""The API's one error shape, for every error of every endpoint (settings EXCEPTION_HANDLER).

    {"detail": "<one sentence for a person>", "errors": {"<field>": ["<message>", ...]}}

``detail`` is always there: DRF's message for 401/403/404/405/415/…, the service's or
serializer's general message(s) for a 400, else "The data sent is not valid.". ``errors``
is always there too: the messages of each field of the input (nested the way the input is
for nested inputs), ``{}`` when no field is at fault. A service's Django ``ValidationError``
and ``PermissionDenied`` raised inside a view need no conversion by the view: they arrive
here and get the same shape (DECISIONS §29).
"""

from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, DjangoPermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, Http404):
        # Django's message names the model in English ("No Cadre matches the given query.").
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = error_body(exc, response.data)
    return response


def error_body(exc, data) -> dict:
    """``data`` (what DRF's own handler answered) in the one shape."""
    if not isinstance(exc, exceptions.ValidationError):
        detail = data.get("detail", "") if isinstance(data, Mapping) else data
        return {"detail": str(detail), "errors": {}}
    errors = dict(as_serializer_error(exc))
    general = [
        *errors.pop(api_settings.NON_FIELD_ERRORS_KEY, []),
        *errors.pop(NON_FIELD_ERRORS, []),
    ]
    detail = " ".join(str(message) for message in general) or _("The data sent is not valid.")
    return {"detail": detail, "errors": errors}


class Conflict(exceptions.APIException):
    """409: the record changed since the client read it."""

    status_code = 409
    default_detail = gettext_lazy("The record was changed by someone else. Read it again.")
    default_code = "conflict"
