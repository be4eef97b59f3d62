"""Every URL × every role, writing: POST on every page and each write method of the API, on an
object of the user's own agency and on one of another agency (issue 9).

``WRITES`` has a row for every named URL and method that may change something: POST for every
page (a page that only reads answers 405), and every write method an API view offers. A new
URL without a row fails ``test_every_url_and_write_method_is_in_the_matrix``, which says what
to add. Each request runs in a savepoint rolled back afterwards, so every row starts from the
same world; a request that is refused (401/403/404/405 or the login page) must not have written
a single row (``_Writes`` watches every INSERT, UPDATE and DELETE the request sends).

``OTHER`` names, for every URL that takes an agency-scoped object, the same object of another
agency: an agency officer and a participant get 404 there, reading and writing.

``test_no_answer_holds_what_the_role_may_not_see`` reads back every answer each role may open
(pages, htmx partials, API lists, .xlsx exports cell by cell, .docx documents paragraph by
paragraph), with searches for the outsider by name and by ID digits: an agency officer and a
participant never meet a cadre of another agency, and the roles that see identifiers masked
never meet a full citizen ID.
"""

import copy
import datetime
import html
import io
import json
import logging
import re
import zipfile

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from apps.cadres.models import ImportJob, TrainingRecord
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory, PositionHistoryFactory
from apps.core.models import ExportJob
from apps.nominations.tests.factories import NominationFactory
from apps.planning.tests.factories import make_registration
from tests.test_malformed_input import _forms, _initial
from tests.test_permission_matrix import (
    EXPECTED,
    FORBIDDEN,
    IGNORED_PREFIXES,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PERSONAS,
    REDIRECT,
    row,
    same,
    world,  # noqa: F401  (the shared fixture)
)

CREATED, NO_CONTENT, BAD = 201, 204, 400
WRITE_METHODS = ("post", "put", "patch", "delete")

#: Written by a refused request without harm: the session and the login throttle.
UNWATCHED_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog"}


def _routes():
    """(name, method) for every URL that can take a write: POST for a page, and for the API
    every write method its view offers."""
    for name, path, callback in _walk(get_resolver().url_patterns):
        actions = getattr(callback, "actions", None)
        if path.startswith("api/"):
            methods = [m for m in (actions or {}) if m in WRITE_METHODS]
            cls = getattr(callback, "cls", None)
            if actions is None and cls is not None:
                methods = [m for m in WRITE_METHODS if hasattr(cls, m)]
            yield from ((name, method) for method in methods)
        else:
            yield name, "post"


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            path = prefix + str(pattern.pattern)
            if not path.startswith(IGNORED_PREFIXES):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, path.replace("^", ""), pattern.callback


@pytest.fixture(autouse=True)
def _quiet_refusals():
    """Hundreds of refusals are the point here: Django's warning for each (with its
    traceback) would only cost time. Server errors are still logged."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


# --- The world: own objects (tests.test_permission_matrix.world) and another agency's ----------

OUTSIDER = "Hoàng Thị Ngoài Phạm Vi"  # a cadre of another agency
OUTSIDER_ID = "079188000123"
OUTSIDER_POSITION = "Chánh Văn phòng Ngoài Phạm Vi"
OUTSIDER_PARTY = "23/11/1987"  # joined the Party: a personal cell of the documents
OWN_ID = "001188000456"  # the participant's (own agency's) citizen ID


@pytest.fixture
def both(world, other_agency, other_officer):  # noqa: F811
    """``world`` plus the same kinds of object in another agency (``other_*``)."""
    own = world["own_cadre"]
    own.national_id = OWN_ID
    own.save(update_fields=["national_id"])
    outsider = CadreFactory(
        agency=other_agency,
        full_name=OUTSIDER,
        national_id=OUTSIDER_ID,
        position_title=OUTSIDER_POSITION,
        party_joined_on=datetime.date(1987, 11, 23),
    )
    admin, course = world["steering_admin"], world["course"]
    registration = make_registration(
        call=world["needs_call"], agency=other_agency, by=admin, places={"SHORT": 2}
    )
    registration.candidates.add(outsider)
    nomination = NominationFactory(
        course=course, cadre=outsider, status="approved", created_by=other_officer
    )
    from apps.documents.tests.factories import issue_decision

    colleague = CadreFactory(agency=world["ministry"], full_name="Phan Văn Đồng Nghiệp")
    return {
        **world,
        "colleague": colleague,  # of the officer's agency, nominated to nothing yet
        "pending": NominationFactory(
            course=course,
            cadre=CadreFactory(agency=world["ministry"]),
            created_by=world["agency_officer"],
        ),
        "other_agency": other_agency,
        "outsider": outsider,
        "other_position": PositionHistoryFactory(cadre=outsider),
        "other_training": TrainingRecord.objects.create(
            cadre=outsider, course_name="Bồi dưỡng", start="2015-01-01"
        ),
        "other_skill": LanguageSkillFactory(cadre=outsider),
        "other_registration": registration,
        "other_nomination": nomination,
        "other_import": ImportJob.objects.create(
            created_by=other_officer, agency=other_agency, file_name="y.xlsx"
        ),
        "other_export": ExportJob.objects.create(
            created_by=other_officer, kind="cadres", title="y", file_name="y.xlsx"
        ),
        # issued once the outsider is a member: it names both agencies' members
        "document": issue_decision(admin, course),
    }


def _cadre(key="outsider", **extra):
    return lambda w: {"pk": w[key].pk, **{k: w[v].pk for k, v in extra.items()}}


def _pk(key):
    return lambda w: {"pk": w[key].pk}


#: name → the URL's arguments on the other agency's object (see the module docstring).
OTHER = {
    **{
        f"cadres:{name}": _cadre()
        for name in [
            "cadre_detail",
            "cadre_edit",
            "cadre_reveal",
            "position_add",
            "training_add",
            "language_add",
        ]
    },
    "cadres:position_delete": _cadre(position_pk="other_position"),
    "cadres:training_delete": _cadre(record_pk="other_training"),
    "cadres:training_edit": _cadre(record_pk="other_training"),
    "cadres:language_delete": _cadre(skill_pk="other_skill"),
    "cadre-detail": _cadre(),
    "cadres:import_detail": _pk("other_import"),
    "cadres:import_status": _pk("other_import"),
    "core:export_detail": _pk("other_export"),
    "core:export_download": _pk("other_export"),
    **{
        f"agencies:agency_{name}": _pk("other_agency")
        for name in ["detail", "children", "edit", "merge"]
    },
    "agency-detail": _pk("other_agency"),
    "agency-merge": _pk("other_agency"),
    "planning:registration_detail": _pk("other_registration"),
    "planning:registration_reopen": _pk("other_registration"),
    "planning-needs-detail": _pk("other_registration"),
    "nominations:eligibility_check": lambda w: {
        "course_pk": w["course"].pk,
        "cadre_pk": w["outsider"].pk,
    },
    "nominations:nomination_create": lambda w: {
        "course_pk": w["course"].pk,
        "cadre_pk": w["outsider"].pk,
    },
    **{
        f"nominations:{name}": _pk("other_nomination")
        for name in [
            "nomination_detail",
            "nomination_submit",
            "nomination_override",
            "nomination_decide",
            "nomination_withdraw",
            "gate_record",
        ]
    },
    "nomination-detail": _pk("other_nomination"),
    "nomination-decide": _pk("other_nomination"),
}

#: name → what the POST sends (else the form(s) the steering admin's page renders, as rendered).
#: The body is one the authorised role may send, so that a refusal is what keeps it out.
BODIES = {
    "core:set_language": lambda w: {"language": "vi"},
    "cadres:position_add": lambda w: {
        "start": "01/01/2016",
        "end": "01/01/2017",
        "position_title": "Chuyên viên",
    },
    "cadres:training_add": lambda w: {"course_name": "Lớp mới", "start": "01/01/2016"},
    "cadres:training_edit": lambda w: {"course_name": "Lớp đã sửa", "start": "01/01/2015"},
    "documents:issuer_create": lambda w: {
        "agency": w["ministry"].pk,
        "layout": "state",
        "name_lines": "BỘ THỬ NGHIỆM",
        "abbreviation": "BTN",
        "place": "Hà Nội",
        "decider": "BỘ TRƯỞNG BỘ THỬ NGHIỆM",
        "head_title": "BỘ TRƯỞNG",
        "archive": "Lưu: VT, TCCB",
    },
    "cadres:language_add": lambda w: {"language": "fr", "level": "B2"},
    "courses:course_transition": lambda w: {"to_status": "closed", "reason": "Đủ người."},
    "delegations:head": lambda w: {
        "head": w["delegation_member"].nomination.cadre_id,
        "secretary": w["delegation_colleague"].nomination.cadre_id,
    },
    "delegations:transition": lambda w: {"to_status": "confirmed"},
    "delegations:keep_apart": lambda w: {
        "members": [w["delegation_member"].pk, w["delegation_colleague"].pk]
    },
    "delegations:move": lambda w: {"to": w["other_delegation"].pk},
    "delegations:pin": lambda w: {"pinned": "1"},
    # fragments (one template, no forms): nothing to read from the page
    "delegations:job_status": lambda w: {},
    "delegations:move_check": lambda w: {},
    "courses:phase_edit": lambda w: {"start": "01/01/2027", "end": "02/01/2027", "place": "Hà Nội"},
    "nominations:nomination_create": lambda w: {"confirm_warnings": "on", "note": "Cử đi."},
    "nominations:nomination_submit": lambda w: {"confirm_warnings": "on"},
    "nominations:nomination_override": lambda w: {"reason": "Đặc biệt."},
    "nominations:nomination_decide": lambda w: {"decision": "rejected", "reason": "Không."},
    "nominations:nomination_withdraw": lambda w: {"reason": "Rút."},
    "nominations:gate_record": lambda w: {"score": "8.50"},
    "planning:registration_reopen": lambda w: {"until": "31/12/2099"},
    "planning:plan_create": lambda w: {"year": 2028},
    "planning:plan_transition": lambda w: {"to_status": "submitted", "reason": "Trình."},
    "planning:quota_release": lambda w: {"cut_off": "31/12/2027"},
    # the API
    "cadre-list": lambda w: {
        "full_name": "Nguyễn Văn Mới",
        "gender": "F",
        "date_of_birth": "1980-01-01",
        "national_id": "001180000999",
        "agency": w["ministry"].pk,
        "position_title": "Chuyên viên",
        "position_level": w["level"].pk,
        "work_field": w["field"].pk,
    },
    "cadre-detail": lambda w: {"position_title": "Vụ trưởng", "version": w["own_cadre"].version},
    "agency-list": lambda w: {"code": "BMOI", "name": "Bộ Mới", "kind": "bo_nganh"},
    "agency-detail": lambda w: {"name": "Bộ Đổi Tên"},
    "agency-merge": lambda w: {"successor": w["other_agency"].pk, "merged_on": "2025-07-01"},
    "planning-needs-list": lambda w: {
        "year": 2027,
        "lines": [{"form": "SHORT", "content_group": 1, "places": 1}],
        "candidates": [],
    },
    "planning-plan-transition": lambda w: {"to_status": "submitted", "reason": "Trình."},
    "nomination-list": lambda w: {"course": w["course"].pk, "cadre": w["colleague"].pk},
    "nomination-decide": lambda w: {"decision": "rejected", "reason": "Không."},
}


# --- Sending one request and watching what it writes -------------------------------------------

_TABLE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


class _Writes:
    """An execute wrapper: the tables a request changed (rows really inserted, updated or
    deleted; an UPDATE that matched nothing is no write)."""

    def __init__(self):
        self.tables = []

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = _TABLE.match(sql)
        written = getattr(context["cursor"], "rowcount", -1) != 0
        if match and match.group(2) not in UNWATCHED_TABLES and written:
            self.tables.append(f"{match.group(1).split()[0].upper()} {match.group(2)}")
        return result


def _send(client, method: str, url: str, data: dict | None):
    """One request in a savepoint rolled back afterwards: (status, tables written).
    The client's cookies are put back too (a logout or a new language changes them)."""
    cookies = copy.deepcopy(client.cookies)
    writes = _Writes()
    with transaction.atomic(), connection.execute_wrapper(writes):
        if url.startswith("/api/"):
            response = getattr(client, method)(url, data or {}, format="json")
        else:
            response = client.post(url, data or {})
        transaction.set_rollback(True)
    client.cookies = cookies
    status = response.status_code
    if status == 302 and "/login/" in response.url:
        status = LOGIN
    return status, writes.tables


REFUSED = {401, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, LOGIN}


def _login(client, user):
    """``conftest.login``, with one device per user however many clients log in."""
    client.force_login(user)
    if user.needs_two_factor:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, name="test", defaults={"confirmed": True}
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def _clients(w, persona, api_for):
    """A page client and an API client of their own for the persona (the ``client`` fixture
    is one client: logging it in as another persona would log the first out)."""
    page, api = Client(), APIClient()
    if persona != "anonymous":
        page, api = _login(page, w[persona]), api_for(w[persona])
    page.raise_request_exception = api.raise_request_exception = False
    return page, api


def _bodies(w, api_for, names) -> dict:
    """Each page's POST body: BODIES, else the forms the steering admin's page renders."""
    admin, _api = _clients(w, "steering_admin", api_for)
    bodies = {}
    for name, method in _routes():
        build = EXPECTED[name][0] if name in EXPECTED else None
        if name not in names:
            continue
        if name in BODIES:
            bodies[name] = BODIES[name](w)
        elif method == "post" and not name.startswith("api") and "-" not in name:
            response = admin.get(reverse(name, kwargs=build(w) if build else None))
            data = {}
            if response.status_code == 200 and response.context is not None:
                for form in _forms(response.context):
                    data.update(_initial(form))
            bodies[name] = data
    return bodies


def _url(name, w, *, other=False):
    if other:
        return reverse(name, kwargs=OTHER[name](w))
    build = EXPECTED[name][0]
    return reverse(name, kwargs=build(w) if build else None)


# --- The matrix ---------------------------------------------------------------------------------

#: The POST is answered as the GET is (``EXPECTED``): a page with a form (the role that may
#: not use it is refused; the one that may gets the form back with its errors, or is sent
#: on), or a page that reads and does not restrict the method (nothing is written: proved).
AS_GET = "as GET"
#: Only the steering admin does it (then is sent on); everyone else is refused.
STEERING_DOES = row(
    steering_admin=REDIRECT,
    agency_officer=FORBIDDEN,
    finance_officer=FORBIDDEN,
    auditor=FORBIDDEN,
    participant=FORBIDDEN,
)
#: The registry's writers do it, each in its own scope; the readers are refused.
WRITERS_DO = row(
    steering_admin=REDIRECT,
    agency_officer=REDIRECT,
    finance_officer=FORBIDDEN,
    auditor=FORBIDDEN,
    participant=FORBIDDEN,
)
#: A list that only reads: 405, or 403 for a role that may not see the list at all.
LIST_READ_ONLY = row(
    steering_admin=NOT_ALLOWED,
    agency_officer=NOT_ALLOWED,
    finance_officer=NOT_ALLOWED,
    auditor=NOT_ALLOWED,
    participant=FORBIDDEN,
)

#: (name, method) → what each persona gets (own agency's objects; bodies from BODIES).
WRITES = {
    ("agencies:agency_children", "post"): same(NOT_ALLOWED),
    ("agencies:agency_create", "post"): AS_GET,
    ("agencies:agency_detail", "post"): same(NOT_ALLOWED),
    ("agencies:agency_edit", "post"): row(
        steering_admin=REDIRECT,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=NOT_FOUND,
    ),
    ("agencies:agency_list", "post"): LIST_READ_ONLY,
    ("agencies:agency_merge", "post"): AS_GET,
    ("agencies:agency_tree", "post"): same(NOT_ALLOWED),
    ("agency-detail", "patch"): row(
        anonymous=401,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("agency-detail", "put"): row(
        anonymous=401,
        steering_admin=BAD,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("agency-list", "post"): row(
        anonymous=401,
        steering_admin=CREATED,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("agency-merge", "post"): row(
        anonymous=401,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("cadre-detail", "patch"): row(
        anonymous=401,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("cadre-list", "post"): row(
        anonymous=401,
        steering_admin=CREATED,
        agency_officer=CREATED,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("cadres:cadre_create", "post"): AS_GET,
    ("cadres:cadre_detail", "post"): AS_GET,
    ("cadres:cadre_edit", "post"): WRITERS_DO,
    ("cadres:cadre_export", "post"): AS_GET,
    ("cadres:cadre_list", "post"): LIST_READ_ONLY,
    ("cadres:cadre_reveal", "post"): row(finance_officer=FORBIDDEN, auditor=FORBIDDEN),
    ("cadres:import_detail", "post"): same(NOT_ALLOWED),
    ("cadres:import_list", "post"): AS_GET,
    ("cadres:import_status", "post"): same(NOT_ALLOWED),
    ("cadres:import_template", "post"): same(NOT_ALLOWED),
    ("cadres:language_add", "post"): WRITERS_DO,
    ("cadres:language_delete", "post"): WRITERS_DO,
    ("cadres:my_record", "post"): AS_GET,
    ("cadres:position_add", "post"): WRITERS_DO,
    ("cadres:position_delete", "post"): WRITERS_DO,
    ("cadres:training_add", "post"): WRITERS_DO,
    ("cadres:training_delete", "post"): WRITERS_DO,
    ("cadres:training_edit", "post"): WRITERS_DO,
    ("core:api_token", "post"): same(REDIRECT),
    **{
        (name, "post"): row(
            steering_admin=NOT_ALLOWED,
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=NOT_ALLOWED,
            participant=FORBIDDEN,
        )
        for name in ("core:audit_log", "core:audit_log_export")
    },
    ("core:export_detail", "post"): AS_GET,
    ("core:export_download", "post"): AS_GET,
    ("core:health", "post"): same(NOT_ALLOWED, anonymous=NOT_ALLOWED),
    ("core:home", "post"): AS_GET,
    ("core:login", "post"): AS_GET,
    ("core:logout", "post"): same(LOGIN),
    ("core:otp_setup", "post"): AS_GET,
    ("core:otp_verify", "post"): AS_GET,
    ("core:password_change", "post"): AS_GET,
    ("core:set_language", "post"): AS_GET,
    ("delegations:delegation_list", "post"): STEERING_DOES,
    ("delegations:job_detail", "post"): same(NOT_ALLOWED),
    ("delegations:job_status", "post"): same(NOT_ALLOWED),
    ("delegations:delegation_detail", "post"): same(NOT_ALLOWED),
    ("delegations:move_check", "post"): same(NOT_ALLOWED),
    ("delegations:head", "post"): STEERING_DOES,
    ("delegations:transition", "post"): STEERING_DOES,
    ("delegations:keep_apart", "post"): STEERING_DOES,
    ("delegations:move", "post"): STEERING_DOES,
    ("delegations:pin", "post"): STEERING_DOES,
    ("courses:agenda_add", "post"): STEERING_DOES,
    ("courses:agenda_delete", "post"): STEERING_DOES,
    ("courses:course_create", "post"): AS_GET,
    ("courses:course_detail", "post"): AS_GET,
    ("courses:course_edit", "post"): STEERING_DOES,
    ("courses:course_list", "post"): LIST_READ_ONLY,
    ("courses:course_programme", "post"): AS_GET,
    ("courses:course_transition", "post"): STEERING_DOES,
    ("courses:my_courses", "post"): AS_GET,
    ("courses:phase_edit", "post"): row(
        steering_admin=NOT_FOUND,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("documents:decision_draft", "post"): STEERING_DOES,
    ("documents:decision_issue", "post"): STEERING_DOES,
    ("documents:issuer_list", "post"): same(NOT_ALLOWED),
    ("documents:issuer_create", "post"): STEERING_DOES,
    ("documents:issuer_edit", "post"): STEERING_DOES,
    ("documents:document_download", "post"): AS_GET,
    ("documents:programme_docx", "post"): AS_GET,
    ("documents:summary_list_docx", "post"): AS_GET,
    ("nomination-decide", "post"): row(
        anonymous=401,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=NOT_FOUND,
    ),
    ("nomination-list", "post"): row(
        anonymous=401,
        steering_admin=CREATED,
        agency_officer=CREATED,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("nominations:eligibility_check", "post"): AS_GET,
    ("nominations:gate_record", "post"): STEERING_DOES,
    ("nominations:nominate", "post"): AS_GET,
    ("finder:course_suggestions", "post"): same(NOT_ALLOWED),
    ("finder:untrained", "post"): same(NOT_ALLOWED),
    ("nominations:nomination_create", "post"): WRITERS_DO,
    ("nominations:nomination_decide", "post"): {**STEERING_DOES, "participant": NOT_FOUND},
    ("nominations:nomination_detail", "post"): AS_GET,
    ("nominations:nomination_export", "post"): AS_GET,
    ("nominations:nomination_list", "post"): LIST_READ_ONLY,
    ("nominations:nomination_override", "post"): STEERING_DOES,
    ("nominations:nomination_submit", "post"): WRITERS_DO,
    ("nominations:nomination_withdraw", "post"): WRITERS_DO,
    ("partners:expert_create", "post"): AS_GET,
    ("partners:expert_detail", "post"): AS_GET,
    ("partners:expert_edit", "post"): row(
        steering_admin=REDIRECT,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=NOT_FOUND,
    ),
    ("partners:expert_list", "post"): LIST_READ_ONLY,
    ("partners:partner_create", "post"): AS_GET,
    ("partners:partner_detail", "post"): AS_GET,
    ("partners:partner_edit", "post"): row(
        steering_admin=REDIRECT,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=NOT_FOUND,
    ),
    ("partners:partner_list", "post"): LIST_READ_ONLY,
    ("planning-needs-list", "post"): row(
        anonymous=401,
        steering_admin=NOT_FOUND,
        agency_officer=CREATED,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("planning-plan-transition", "post"): row(
        anonymous=401,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("planning:call_create", "post"): AS_GET,
    ("planning:call_detail", "post"): AS_GET,
    ("planning:call_list", "post"): AS_GET,
    ("planning:call_remind", "post"): STEERING_DOES,
    ("planning:consolidation", "post"): AS_GET,
    ("planning:consolidation_export", "post"): AS_GET,
    ("planning:plan_course_add", "post"): row(
        steering_admin=BAD,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("planning:plan_course_delete", "post"): STEERING_DOES,
    ("planning:plan_create", "post"): STEERING_DOES,
    ("planning:plan_detail", "post"): AS_GET,
    ("planning:plan_diff", "post"): AS_GET,
    ("planning:plan_export", "post"): AS_GET,
    ("planning:plan_list", "post"): AS_GET,
    ("planning:plan_quota_preview", "post"): row(
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=FORBIDDEN,
    ),
    ("planning:plan_quotas", "post"): STEERING_DOES,
    ("planning:plan_revise", "post"): STEERING_DOES,
    ("planning:plan_suggest", "post"): STEERING_DOES,
    ("planning:plan_transition", "post"): STEERING_DOES,
    ("planning:quota_list", "post"): LIST_READ_ONLY,
    ("planning:quota_move", "post"): AS_GET,
    ("planning:quota_release", "post"): STEERING_DOES,
    ("planning:registration_detail", "post"): AS_GET,
    ("planning:registration_edit", "post"): AS_GET,
    ("planning:registration_reopen", "post"): row(
        steering_admin=REDIRECT,
        agency_officer=FORBIDDEN,
        finance_officer=FORBIDDEN,
        auditor=FORBIDDEN,
        participant=NOT_FOUND,
    ),
    ("programme:content_group_edit", "post"): STEERING_DOES,
    ("programme:phase_create", "post"): AS_GET,
    ("programme:phase_edit", "post"): AS_GET,
    ("programme:position_level_edit", "post"): STEERING_DOES,
    ("programme:rule_setting_edit", "post"): STEERING_DOES,
    ("programme:setting_history", "post"): same(NOT_ALLOWED),
    ("programme:settings", "post"): same(NOT_ALLOWED),
    ("programme:training_form_edit", "post"): STEERING_DOES,
    ("programme:work_field_create", "post"): AS_GET,
    ("programme:work_field_edit", "post"): STEERING_DOES,
}

#: name → the URL's arguments for the write test, where EXPECTED's object cannot take the
#: write (a decision needs a submitted nomination).
ARGS = {
    "nomination-decide": _pk("pending"),
    "nominations:nomination_decide": _pk("pending"),
}


def test_every_url_and_write_method_is_in_the_matrix():
    routes = set(_routes())
    missing = sorted(f"({name!r}, {method!r})" for name, method in routes - set(WRITES))
    assert not missing, (
        "New URLs or write methods: add a row to WRITES in tests/test_permission_writes.py "
        "(what each role gets when it sends them), a body to BODIES if the steering admin's "
        "form is not one that would be accepted, and to OTHER the URL's arguments on another "
        "agency's object if it takes an agency's object (else to GLOBAL_OBJECTS): "
        + ", ".join(missing)
    )
    assert set(WRITES) - routes == set(), "these URLs or methods no longer exist"
    with_objects = {name for name, (build, _statuses) in EXPECTED.items() if build}
    undecided = sorted(with_objects - set(OTHER) - GLOBAL_OBJECTS)
    assert not undecided, (
        "URLs taking an object: add them to OTHER (the arguments of another agency's object) "
        "or to GLOBAL_OBJECTS (an object of no agency) in tests/test_permission_writes.py: "
        + ", ".join(undecided)
    )


#: URLs whose object belongs to no agency (the steering committee's courses, plans, settings,
#: partners) or to the user only (exports); the GET matrix covers them.
GLOBAL_OBJECTS = {
    "core:export_detail",
    "core:export_download",
    "programme:phase_edit",
    "programme:training_form_edit",
    "programme:content_group_edit",
    "programme:position_level_edit",
    "programme:work_field_edit",
    "programme:rule_setting_edit",
    "programme:setting_history",
    "planning:call_detail",
    "planning:call_remind",
    "planning:registration_edit",
    "planning:consolidation",
    "planning:consolidation_export",
    "planning:plan_detail",
    "planning:plan_course_add",
    "planning:plan_course_delete",
    "planning:plan_quotas",
    "planning:plan_quota_preview",
    "planning:plan_suggest",
    "planning:plan_transition",
    "planning:plan_revise",
    "planning:plan_diff",
    "planning:plan_export",
    "planning:quota_move",
    "planning:quota_release",
    "planning-plan-detail",
    "planning-plan-transition",
    "planning-quota-detail",
    "delegations:job_detail",
    "delegations:job_status",
    "delegations:delegation_detail",
    "delegations:head",
    "delegations:transition",
    "delegations:keep_apart",
    "delegations:move",
    "delegations:move_check",
    "delegations:pin",
    "courses:course_detail",
    "courses:course_edit",
    "courses:course_transition",
    "courses:agenda_add",
    "courses:agenda_delete",
    "courses:phase_edit",
    "courses:course_programme",
    "course-detail",
    "documents:programme_docx",
    "documents:summary_list_docx",
    "documents:decision_draft",
    "documents:decision_issue",
    "documents:document_download",
    "documents:issuer_edit",
    "nominations:nominate",
    "finder:course_suggestions",
    "partners:partner_detail",
    "partners:partner_edit",
    "partners:expert_detail",
    "partners:expert_edit",
    "partner-detail",
    "expert-detail",
    *(
        f"programme-{kind}-detail"
        for kind in [
            "phase",
            "form",
            "content-group",
            "position-level",
            "work-field",
            "rule-setting",
        ]
    ),
}


def _same(expected: dict, actual: dict) -> None:
    differ = [
        f"{key}: expected {expected[key]}, got {actual[key]}"
        for key in expected
        if actual[key] != expected[key]
    ]
    if differ:
        pytest.fail("\n".join(differ), pytrace=False)


def _expected(name, method, persona):
    statuses = WRITES[(name, method)]
    if statuses == AS_GET:
        statuses = EXPECTED[name][1]
    return statuses[persona]


def test_every_write_answers_each_role_and_a_refusal_writes_nothing(both, api_for):
    """Every role POSTs (or PUTs, PATCHes, DELETEs) to every URL with a body it could mean:
    the answer is the matrix's, and a refused request has not written a single row."""
    bodies = _bodies(both, api_for, {name for name, _method in WRITES})
    expected, actual, writes = {}, {}, {}
    for persona in PERSONAS:
        page, api = _clients(both, persona, api_for)
        for name, method in sorted(WRITES):
            if WRITES[(name, method)] == AS_GET and EXPECTED[name][1][persona] == OK:
                continue  # the page again, as the GET matrix reads it (keeps the suite fast)
            build = ARGS.get(name) or EXPECTED[name][0]
            url = reverse(name, kwargs=build(both) if build else None)
            client = api if url.startswith("/api/") else page
            status, tables = _send(client, method, url, bodies.get(name))
            key = f"{method.upper()} {name} as {persona}"
            expected[key], actual[key] = _expected(name, method, persona), status
            if status in REFUSED and tables:
                writes[key] = tables
    _same(expected, actual)
    assert writes == {}, "refused, yet written"


def _refused(status, own):
    """404, or the 403/405 the role gets on its own agency's object too."""
    return "refused" if status == NOT_FOUND or status == own in (FORBIDDEN, NOT_ALLOWED) else status


def test_another_agencys_objects_are_not_found_reading_or_writing(both, api_for):
    """An agency officer and a participant, on another agency's cadre, agency, import,
    registration, nomination and export: 404 (or the 403/405 their role gets anyway), and
    nothing written."""
    bodies = _bodies(both, api_for, set(OTHER))
    expected, actual, writes = {}, {}, {}
    for persona in ["agency_officer", "participant"]:
        page, api = _clients(both, persona, api_for)
        for name, build in sorted(OTHER.items()):
            url = reverse(name, kwargs=build(both))
            client = api if url.startswith("/api/") else page
            key = f"GET {name} as {persona}"
            expected[key] = "refused"
            actual[key] = _refused(client.get(url).status_code, EXPECTED[name][1][persona])
            for method in [m for n, m in WRITES if n == name]:
                key = f"{method.upper()} {name} as {persona}"
                status, tables = _send(client, method, url, bodies.get(name))
                expected[key] = "refused"
                actual[key] = _refused(status, _expected(name, method, persona))
                if tables:
                    writes[key] = tables
    _same(expected, actual)
    assert writes == {}, "another agency's object, yet written"


# --- What the answers hold ----------------------------------------------------------------------

#: Searches sent to every list, export and search page: the outsider by name and by ID (whole
#: and last digits) for the roles scoped to an agency; the own cadre's ID digits for the roles
#: that see identifiers masked; and a request for full identifiers.
SEARCHES = {
    "agency_officer": [
        {"q": OUTSIDER},
        {"q": OUTSIDER_ID},
        {"q": OUTSIDER_ID[-4:]},
        {"identifiers": "full"},
    ],
    "participant": [{"q": OUTSIDER}, {"q": OUTSIDER_ID[-4:]}],
    "finance_officer": [{"q": OWN_ID[-4:]}, {"identifiers": "full"}],
    "auditor": [],
}
#: Documents name every member of a course (a decision is one act); a reader outside a
#: member's agency gets the same document without that member's personal cells (DECISIONS,
#: documents): there the outsider's name and position may appear, the personal cells not.
DOCUMENTS = {"documents:summary_list_docx", "documents:document_download"}


def _secrets(persona, name, params) -> list[str]:
    """What the persona must not read in this answer: another agency's cadre (an agency
    officer, a participant) or a full citizen ID (the roles that see identifiers masked).
    The searched text itself is left out: a page shows what was searched for."""
    if persona in ("agency_officer", "participant"):
        secrets = [OUTSIDER_PARTY, OUTSIDER_ID]
        if name not in DOCUMENTS:
            secrets += [OUTSIDER, OUTSIDER_POSITION]
    else:
        secrets = [OWN_ID, OUTSIDER_ID]
    return [secret for secret in secrets if secret not in params.values()]


#: The lists, exports and searches that hold cadres: searched as SEARCHES say.
SEARCHED = {
    "cadres:cadre_list",
    "cadres:cadre_export",
    "cadre-list",
    "nominations:nomination_list",
    "nominations:nomination_export",
    "nominations:nominate",
    "nomination-list",
    "planning-needs-list",
}
#: Answers without a person in them (the API's description): not read, to keep the suite fast.
UNREAD = {"api_schema"}


def _text(response) -> str:
    """What a person would read in the answer: the page or JSON, or every text of an .xlsx
    or .docx (their XML, tags dropped, so a name split across runs reads whole)."""
    # the test client closes a streamed answer once read (a temporary file is then deleted)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            xml = "".join(
                archive.read(member).decode()
                for member in archive.namelist()
                if member.endswith(".xml")
            )
        return html.unescape(re.sub(r"<[^>]+>", "", xml))
    text = body.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def _readable(w, persona):
    """(name, url) of every URL the persona may read. The auditor follows the finance
    officer's identifier rule: read where the finance officer may not read (the audit log)."""
    for name, (build, statuses) in sorted(EXPECTED.items()):
        if name in UNREAD or (persona == "auditor" and statuses["finance_officer"] == OK):
            continue
        if statuses[persona] == OK:
            yield name, reverse(name, kwargs=build(w) if build else None)


def test_no_answer_holds_what_the_role_may_not_see(both, api_for):
    """Every page, partial, API answer, export and document a role may open, and every list
    searched for the outsider: nothing of another agency for an agency officer or a
    participant, no full citizen ID for the finance officer or the auditor."""
    seen, read = [], 0
    for persona in ["agency_officer", "participant", "finance_officer", "auditor"]:
        page, api = _clients(both, persona, api_for)
        for name, url in _readable(both, persona):
            client = api if url.startswith("/api/") else page
            for params in [{}, *(SEARCHES[persona] if name in SEARCHED else [])]:
                response = client.get(url, params)
                if response.status_code != OK:
                    continue
                read += 1
                text = _text(response)
                seen += [
                    (persona, name, params, s) for s in _secrets(persona, name, params) if s in text
                ]
    assert read > 200
    if seen:
        pytest.fail("\n".join(map(str, seen)), pytrace=False)


#: Where the steering admin meets the outsider (name → what the answer is).
ADMIN_READS = {
    "cadres:cadre_list": "page",
    "cadre-list": "API",
    "cadres:cadre_export": ".xlsx",
    "nominations:nomination_list": "page",
    "nominations:nomination_export": ".xlsx",
    "documents:summary_list_docx": ".docx",
    "documents:document_download": ".docx",
}


def test_the_reading_finds_the_outsider_where_the_admin_may_see_it(both, api_for):
    """The check above reads what it claims to: the steering admin meets the outsider there
    (with the position searched by name, the personal cells in the summary list, and the
    full ID in the export that asks for it)."""
    page, api = _clients(both, "steering_admin", api_for)
    missing = []
    for name, kind in ADMIN_READS.items():
        url = _url(name, both)
        client = api if url.startswith("/api/") else page
        text = _text(client.get(url))
        searched = {
            "cadres:cadre_list": ({"q": OUTSIDER}, OUTSIDER_POSITION),
            "cadres:cadre_export": ({"identifiers": "full"}, OUTSIDER_ID),
        }
        missing += [(name, kind, OUTSIDER)] if OUTSIDER not in text else []
        if name == "documents:summary_list_docx" and OUTSIDER_PARTY not in text:
            missing.append((name, kind, OUTSIDER_PARTY))
        if name in searched:
            params, secret = searched[name]
            if secret not in _text(client.get(url, params)):
                missing.append((name, kind, secret))
    assert missing == []
