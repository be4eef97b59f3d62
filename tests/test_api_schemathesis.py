"""schemathesis against the API's own description, inside the suite (issue 9).

The OpenAPI document is read from ``/api/schema/`` (drf-spectacular) through the WSGI
application, as a steering admin and as an agency officer; every operation then gets a few
generated requests, the same ones on every run (a fixed seed, derandomised, no deadline).
Each answer must be no server error, must be a status the description lists, with the
content type and the body it describes, and every error must have the one error shape
``{"detail": …, "errors": {…}}`` (DECISIONS §29). As generated ids rarely exist, the same
checks then run on the permission matrix's real objects. docs/SECURITY.md says which 400 and
404 answers are expected and why.
"""

import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.test_permission_matrix import EXPECTED
from tests.test_permission_writes import (  # noqa: F401  (the shared fixtures)
    BODIES,
    WRITES,
    _quiet_refusals,
    _url,
    both,
    world,
)

#: Generated requests per operation and persona: enough to meet every field's edge cases
#: once a run, few enough to keep the suite fast.
EXAMPLES = 3
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_app():
    """The application, called in the test's transaction: like Django's test client, neither
    the start nor the end of a request may close the test's database connection."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


_SCHEMA = {}


def _schema(app, headers):
    """The description, read once per session (it is the same for every caller: the
    credentials go with each request)."""
    if "schema" not in _SCHEMA:
        _SCHEMA["schema"] = schemathesis.openapi.from_wsgi("/api/schema/", app, headers=headers)
    _SCHEMA["schema"].app = app
    return _SCHEMA["schema"]


def _failures(app, headers) -> tuple[list[str], int]:
    """Each operation's failure, and the number of requests sent."""
    schema = _schema(app, headers)
    failures, sent = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @seed(165)
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case):
            nonlocal sent
            sent += 1
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"detail", "errors"}, body

        try:
            run()
        except (Exception, BaseExceptionGroup) as error:
            failures.append(f"{operation.method.upper()} {operation.path}: {error}"[:2000])
    return failures, sent


@pytest.mark.parametrize("persona", ["steering_admin", "agency_officer"])
def test_generated_requests_get_documented_answers(
    persona, personas, own_cadre, programme_settings, wsgi_app, api_for
):
    client = api_for(personas[persona])
    headers = {"Authorization": client._credentials["HTTP_AUTHORIZATION"]}
    failures, sent = _failures(wsgi_app, headers)
    assert sent > 100  # about thirty operations, a few requests each
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


def _operation(operations, method: str, path: str):
    """The described operation a concrete path belongs to, and its path parameters."""
    for operation in operations:
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", operation.path)
        match = re.fullmatch(pattern, path)
        if operation.method == method and match:
            return operation, match.groupdict()
    raise AssertionError(f"{method.upper()} {path} is not in the API's description")


def test_real_objects_answer_as_described(both, wsgi_app, api_for):  # noqa: F811
    """Generated ids rarely exist: every API URL of the permission matrix, on the world's real
    objects, read and written with the bodies the write matrix sends, answers as described
    (each write in a savepoint rolled back afterwards)."""
    failures, checked = [], 0
    requests = [(name, "get") for name in EXPECTED if name != "api_schema"]
    requests += [(name, method) for name, method in WRITES if name in BODIES]
    for persona in ["steering_admin", "agency_officer"]:
        failed, sent = _check_real(both, persona, wsgi_app, api_for, sorted(requests))
        failures += [f"as {persona}: {failure}" for failure in failed]
        checked += sent
    assert checked > 60
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


def _check_real(both, persona, wsgi_app, api_for, requests):  # noqa: F811
    """Each request's failure, and the number sent, for one persona."""
    client = api_for(both[persona])
    headers = {"Authorization": client._credentials["HTTP_AUTHORIZATION"]}
    schema = _schema(wsgi_app, headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures, checked = [], 0
    for name, method in requests:
        path = _url(name, both)
        if not path.startswith("/api/") or (
            method == "get" and name.endswith(("-merge", "-decide", "-transition"))
        ):
            continue
        operation, parameters = _operation(operations, method, path)
        body = BODIES[name](both) if method != "get" else None
        case = operation.Case(
            path_parameters=parameters,
            **({"body": body, "media_type": "application/json"} if body is not None else {}),
        )
        with transaction.atomic():
            response = case.call(headers=headers)
            transaction.set_rollback(True)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as error:
            failures.append(f"{method.upper()} {path}: {error}"[:2000])
        checked += 1
    return failures, checked
