"""The API's description (drf-spectacular): every operation lists its error answers, all in
the one error shape ``{"detail", "errors"}`` (DECISIONS §29, ``apps.core.api_errors``), so
that a client, and schemathesis in the suite, know them (docs/SECURITY.md says why each)."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error of the API: one sentence for a person, and the messages of "
    "each field of the input at fault ({} when no field is).",
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["detail", "errors"],
    "additionalProperties": False,
}

#: status → when the API answers it.
ERRORS = {
    "400": "The data or a filter is not valid (a field, a number out of bounds, a date, a "
    "refused transition, a page beyond the last); `errors` names the fields.",
    "401": "Not authenticated, or a second-factor role whose token predates its enrolment.",
    "403": "The caller's role may not do this.",
    "404": "No such object in the caller's scope: another agency's object is not found.",
}
#: status → when a write that carries the record's version answers it.
WRITE_ERRORS = {"409": "The record was changed by someone else since it was read."}


def document_errors(result, generator, request, public):
    """A POSTPROCESSING_HOOK: the error answers of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            errors = {**ERRORS, **(WRITE_ERRORS if method in ("put", "patch") else {})}
            for status, description in errors.items():
                responses.setdefault(status, {"description": description, "content": error})
    return result
