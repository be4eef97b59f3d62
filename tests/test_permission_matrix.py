"""Every URL × every role: who may open what, and nobody reaches another agency's records.

``EXPECTED`` lists every named URL of the project; a new URL without a row fails
``test_every_url_is_in_the_matrix``. Statuses are for GET with a logged-in persona (2FA done);
``OK`` accepts 200 (or a redirect where the page legitimately sends you on).
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.cadres.models import ImportJob, TrainingRecord
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory, PositionHistoryFactory
from apps.core.models import ExportJob
from apps.delegations.tests.factories import delegation_world
from apps.documents.tests.factories import course_world
from apps.planning.tests.factories import permission_world
from apps.programme.models import (
    ContentGroup,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)

PERSONAS = [
    "anonymous",
    "steering_admin",
    "agency_officer",
    "finance_officer",
    "auditor",
    "participant",
]
OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405
LOGIN = "login"  # anonymous users are sent to the login page


def row(
    anonymous=LOGIN,
    steering_admin=OK,
    agency_officer=OK,
    finance_officer=OK,
    auditor=OK,
    participant=OK,
):
    return dict(
        zip(
            PERSONAS,
            [anonymous, steering_admin, agency_officer, finance_officer, auditor, participant],
            strict=True,
        )
    )


REGISTRY = row(participant=FORBIDDEN)
STEERING_ONLY = row(
    agency_officer=FORBIDDEN, finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN
)
WRITERS = row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN)


def same(status, anonymous=LOGIN):
    """Every logged-in persona gets ``status``."""
    return {persona: (anonymous if persona == "anonymous" else status) for persona in PERSONAS}


POST_ONLY = same(NOT_ALLOWED)
PLAN_READERS = row(agency_officer=FORBIDDEN, participant=FORBIDDEN)
API_REGISTRY = row(anonymous=401, participant=FORBIDDEN)
API_PLAN_READERS = row(anonymous=401, agency_officer=FORBIDDEN, participant=FORBIDDEN)

# name → (kwargs builder, expected statuses)
EXPECTED = {
    "core:home": (None, row()),
    "core:login": (
        None,
        row(
            anonymous=OK,
            steering_admin=REDIRECT,
            agency_officer=REDIRECT,
            finance_officer=REDIRECT,
            auditor=REDIRECT,
            participant=REDIRECT,
        ),
    ),
    "core:logout": (None, same(NOT_ALLOWED)),
    "core:password_change": (None, row()),
    "core:otp_verify": (None, row(agency_officer=REDIRECT, auditor=REDIRECT, participant=REDIRECT)),
    "core:otp_setup": (
        None,
        row(agency_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "core:audit_log": (
        None,
        row(agency_officer=FORBIDDEN, finance_officer=FORBIDDEN, participant=FORBIDDEN),
    ),
    "core:audit_log_export": (
        None,
        row(agency_officer=FORBIDDEN, finance_officer=FORBIDDEN, participant=FORBIDDEN),
    ),
    "core:api_token": (None, row()),
    "core:export_detail": (
        lambda w: {"pk": w["export"].pk},
        row(
            agency_officer=NOT_FOUND,
            finance_officer=NOT_FOUND,
            auditor=NOT_FOUND,
            participant=NOT_FOUND,
        ),
    ),
    "core:export_download": (
        lambda w: {"pk": w["export"].pk},
        row(
            steering_admin=NOT_FOUND,
            agency_officer=NOT_FOUND,
            finance_officer=NOT_FOUND,
            auditor=NOT_FOUND,
            participant=NOT_FOUND,
        ),
    ),
    "core:health": (None, row(anonymous=OK)),
    "core:set_language": (None, same(REDIRECT, anonymous=REDIRECT)),
    "agencies:agency_tree": (None, REGISTRY),
    "agencies:agency_list": (None, REGISTRY),
    "agencies:agency_create": (None, STEERING_ONLY),
    "agencies:agency_detail": (lambda w: {"pk": w["ministry"].pk}, row(participant=NOT_FOUND)),
    "agencies:agency_children": (lambda w: {"pk": w["ministry"].pk}, row(participant=NOT_FOUND)),
    "agencies:agency_edit": (
        lambda w: {"pk": w["ministry"].pk},
        row(
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=NOT_FOUND,
        ),
    ),
    "agencies:agency_merge": (
        lambda w: {"pk": w["ministry"].pk},
        row(
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=NOT_FOUND,
        ),
    ),
    "cadres:cadre_list": (None, REGISTRY),
    "cadres:cadre_export": (None, REGISTRY),
    "cadres:cadre_create": (None, WRITERS),
    "cadres:my_record": (
        None,
        row(
            steering_admin=NOT_FOUND,
            agency_officer=NOT_FOUND,
            finance_officer=NOT_FOUND,
            auditor=NOT_FOUND,
            participant=REDIRECT,
        ),
    ),
    "cadres:import_list": (None, WRITERS),
    "cadres:import_template": (None, WRITERS),
    "cadres:import_detail": (
        lambda w: {"pk": w["import"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "cadres:import_status": (
        lambda w: {"pk": w["import"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "cadres:cadre_detail": (lambda w: {"pk": w["own_cadre"].pk}, row()),
    "cadres:cadre_edit": (
        lambda w: {"pk": w["own_cadre"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "cadres:cadre_reveal": (lambda w: {"pk": w["own_cadre"].pk}, POST_ONLY),
    "cadres:position_add": (lambda w: {"pk": w["own_cadre"].pk}, POST_ONLY),
    "cadres:position_delete": (
        lambda w: {"pk": w["own_cadre"].pk, "position_pk": w["position"].pk},
        POST_ONLY,
    ),
    "cadres:training_add": (lambda w: {"pk": w["own_cadre"].pk}, POST_ONLY),
    "cadres:training_edit": (
        lambda w: {"pk": w["own_cadre"].pk, "record_pk": w["training"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "cadres:training_delete": (
        lambda w: {"pk": w["own_cadre"].pk, "record_pk": w["training"].pk},
        POST_ONLY,
    ),
    "cadres:language_add": (lambda w: {"pk": w["own_cadre"].pk}, POST_ONLY),
    "cadres:language_delete": (
        lambda w: {"pk": w["own_cadre"].pk, "skill_pk": w["skill"].pk},
        POST_ONLY,
    ),
    "programme:settings": (None, REGISTRY),
    "programme:phase_create": (None, STEERING_ONLY),
    "programme:phase_edit": (lambda w: {"pk": w["phase"].pk}, STEERING_ONLY),
    "programme:training_form_edit": (lambda w: {"pk": w["form"].pk}, STEERING_ONLY),
    "programme:content_group_edit": (lambda w: {"pk": w["group"].pk}, STEERING_ONLY),
    "programme:position_level_edit": (lambda w: {"pk": w["level"].pk}, STEERING_ONLY),
    "programme:work_field_create": (None, STEERING_ONLY),
    "programme:work_field_edit": (lambda w: {"pk": w["field"].pk}, STEERING_ONLY),
    "programme:rule_setting_edit": (lambda w: {"pk": w["rule"].pk}, STEERING_ONLY),
    "programme:setting_history": (lambda w: {"kind": "rule", "pk": w["rule"].pk}, REGISTRY),
    **{
        f"planning:{name}": (build, expected)
        for name, build, expected in [
            ("call_list", None, REGISTRY),
            ("call_create", None, STEERING_ONLY),
            ("call_detail", lambda w: {"pk": w["needs_call"].pk}, REGISTRY),
            ("registration_edit", lambda w: {"pk": w["needs_call"].pk}, WRITERS),
            ("call_remind", lambda w: {"pk": w["needs_call"].pk}, POST_ONLY),
            (
                "registration_detail",
                lambda w: {"pk": w["registration"].pk},
                row(participant=NOT_FOUND),
            ),
            ("registration_reopen", lambda w: {"pk": w["registration"].pk}, POST_ONLY),
            ("consolidation", lambda w: {"year": 2027}, PLAN_READERS),
            ("consolidation_export", lambda w: {"year": 2027}, PLAN_READERS),
            ("plan_list", None, PLAN_READERS),
            ("plan_create", None, POST_ONLY),
            ("plan_detail", lambda w: {"pk": w["plan"].pk}, PLAN_READERS),
            ("plan_course_add", lambda w: {"pk": w["revision"].pk}, POST_ONLY),
            (
                "plan_course_delete",
                lambda w: {"pk": w["revision"].pk, "course_pk": w["planned_course"].pk},
                POST_ONLY,
            ),
            ("plan_quotas", lambda w: {"pk": w["revision"].pk}, POST_ONLY),
            ("plan_quota_preview", lambda w: {"pk": w["revision"].pk}, POST_ONLY),
            ("plan_suggest", lambda w: {"pk": w["revision"].pk}, POST_ONLY),
            ("plan_transition", lambda w: {"pk": w["revision"].pk}, POST_ONLY),
            ("plan_revise", lambda w: {"pk": w["plan"].pk}, POST_ONLY),
            ("plan_diff", lambda w: {"pk": w["revision"].pk}, PLAN_READERS),
            ("plan_export", lambda w: {"pk": w["plan"].pk}, PLAN_READERS),
            ("quota_move", lambda w: {"pk": w["plan"].pk}, STEERING_ONLY),
            ("quota_release", lambda w: {"pk": w["plan"].pk}, POST_ONLY),
            ("quota_list", None, REGISTRY),
        ]
    },
    "planning-needs-list": (None, API_REGISTRY),
    "planning-needs-detail": (lambda w: {"pk": w["registration"].pk}, API_REGISTRY),
    "planning-plan-list": (None, API_PLAN_READERS),
    "planning-plan-detail": (lambda w: {"pk": w["plan"].pk}, API_PLAN_READERS),
    "planning-plan-transition": (
        lambda w: {"pk": w["revision"].pk},
        row(
            anonymous=401,
            steering_admin=NOT_ALLOWED,
            agency_officer=FORBIDDEN,
            finance_officer=NOT_ALLOWED,
            auditor=NOT_ALLOWED,
            participant=FORBIDDEN,
        ),
    ),
    "planning-quota-list": (None, API_REGISTRY),
    "planning-quota-detail": (lambda w: {"pk": w["plan"].quotas.get().pk}, API_REGISTRY),
    "api_schema": (None, row(anonymous=401)),
    "agency-list": (None, API_REGISTRY),
    "agency-detail": (lambda w: {"pk": w["ministry"].pk}, API_REGISTRY),
    "agency-merge": (
        lambda w: {"pk": w["ministry"].pk},
        row(
            anonymous=401,
            steering_admin=NOT_ALLOWED,
            agency_officer=NOT_ALLOWED,
            finance_officer=NOT_ALLOWED,
            auditor=NOT_ALLOWED,
            participant=FORBIDDEN,
        ),
    ),
    "cadre-list": (None, row(anonymous=401)),
    "cadre-detail": (lambda w: {"pk": w["own_cadre"].pk}, row(anonymous=401)),
    **{
        f"programme-{kind}-{suffix}": (
            (lambda w, k=kind: {"pk": w[k].pk}) if suffix == "detail" else None,
            API_REGISTRY,
        )
        for kind in [
            "phase",
            "form",
            "content-group",
            "position-level",
            "work-field",
            "rule-setting",
        ]
        for suffix in ["list", "detail"]
    },
    # --- courses (issue 5) ---
    "delegations:delegation_list": (None, PLAN_READERS),
    "delegations:job_detail": (lambda w: {"pk": w["formation_job"].pk}, PLAN_READERS),
    "delegations:job_status": (lambda w: {"pk": w["formation_job"].pk}, PLAN_READERS),
    "delegations:delegation_detail": (lambda w: {"pk": w["delegation"].pk}, PLAN_READERS),
    "delegations:head": (lambda w: {"pk": w["delegation"].pk}, POST_ONLY),
    "delegations:transition": (lambda w: {"pk": w["delegation"].pk}, POST_ONLY),
    "delegations:keep_apart": (lambda w: {"pk": w["delegation"].pk}, POST_ONLY),
    "delegations:move": (lambda w: {"pk": w["delegation_member"].pk}, POST_ONLY),
    "delegations:move_check": (lambda w: {"pk": w["delegation_member"].pk}, STEERING_ONLY),
    "delegations:pin": (lambda w: {"pk": w["delegation_member"].pk}, POST_ONLY),
    "courses:course_list": (None, REGISTRY),
    "courses:course_create": (None, WRITERS),
    "courses:my_courses": (
        None,
        row(
            steering_admin=NOT_FOUND,
            agency_officer=NOT_FOUND,
            finance_officer=NOT_FOUND,
            auditor=NOT_FOUND,
        ),
    ),
    "courses:course_detail": (lambda w: {"pk": w["course"].pk}, row()),
    "courses:course_edit": (
        lambda w: {"pk": w["course"].pk},
        row(
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=FORBIDDEN,
        ),
    ),
    "courses:course_transition": (lambda w: {"pk": w["course"].pk}, POST_ONLY),
    "courses:agenda_add": (lambda w: {"pk": w["course"].pk}, POST_ONLY),
    "courses:agenda_delete": (
        lambda w: {"pk": w["course"].pk, "item_pk": w["agenda_item"].pk},
        POST_ONLY,
    ),
    "courses:phase_edit": (lambda w: {"pk": w["course"].pk, "phase_pk": 1}, POST_ONLY),
    "courses:course_programme": (lambda w: {"pk": w["course"].pk}, row()),
    "documents:programme_docx": (lambda w: {"pk": w["course"].pk}, row()),
    "documents:summary_list_docx": (
        lambda w: {"pk": w["course"].pk},
        row(participant=FORBIDDEN),
    ),
    "documents:decision_draft": (lambda w: {"pk": w["course"].pk}, POST_ONLY),
    "documents:decision_issue": (
        lambda w: {"pk": w["document"].pk},
        row(
            steering_admin=REDIRECT,  # already issued: back to the course
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=FORBIDDEN,
        ),
    ),
    "documents:issuer_list": (None, STEERING_ONLY),
    "documents:issuer_create": (None, STEERING_ONLY),
    "documents:issuer_edit": (lambda w: {"pk": w["issuer"].pk}, STEERING_ONLY),
    "documents:document_download": (lambda w: {"pk": w["document"].pk}, row()),
    "partners:partner_list": (None, REGISTRY),
    "partners:partner_create": (None, STEERING_ONLY),
    "partners:partner_detail": (
        lambda w: {"pk": w["partner"].pk},
        row(participant=NOT_FOUND),
    ),
    "partners:partner_edit": (
        lambda w: {"pk": w["partner"].pk},
        row(
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=NOT_FOUND,
        ),
    ),
    "partners:expert_list": (None, REGISTRY),
    "partners:expert_create": (None, STEERING_ONLY),
    "partners:expert_detail": (lambda w: {"pk": w["expert"].pk}, row(participant=NOT_FOUND)),
    "partners:expert_edit": (
        lambda w: {"pk": w["expert"].pk},
        row(
            agency_officer=FORBIDDEN,
            finance_officer=FORBIDDEN,
            auditor=FORBIDDEN,
            participant=NOT_FOUND,
        ),
    ),
    "course-list": (None, row(anonymous=401)),
    "course-detail": (lambda w: {"pk": w["course"].pk}, row(anonymous=401)),
    "partner-list": (None, API_REGISTRY),
    "partner-detail": (lambda w: {"pk": w["partner"].pk}, API_REGISTRY),
    "expert-list": (None, API_REGISTRY),
    "expert-detail": (lambda w: {"pk": w["expert"].pk}, API_REGISTRY),
    # --- nominations (issue 5) ---
    "nominations:nomination_list": (None, REGISTRY),
    "nominations:nomination_export": (None, REGISTRY),
    "nominations:nominate": (
        lambda w: {"course_pk": w["course"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "nominations:eligibility_check": (
        lambda w: {"course_pk": w["course"].pk, "cadre_pk": w["own_cadre"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "nominations:nomination_create": (
        lambda w: {"course_pk": w["course"].pk, "cadre_pk": w["own_cadre"].pk},
        POST_ONLY,
    ),
    "nominations:nomination_detail": (lambda w: {"pk": w["nomination"].pk}, row()),
    # --- candidate finder (issue 11): the roles that nominate ---
    "finder:course_suggestions": (
        lambda w: {"course_pk": w["course"].pk},
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    "finder:untrained": (
        None,
        row(finance_officer=FORBIDDEN, auditor=FORBIDDEN, participant=FORBIDDEN),
    ),
    **{
        f"nominations:nomination_{verb}": (lambda w: {"pk": w["nomination"].pk}, POST_ONLY)
        for verb in ["submit", "override", "decide", "withdraw"]
    },
    "nominations:gate_record": (lambda w: {"pk": w["nomination"].pk}, POST_ONLY),
    "nomination-list": (None, row(anonymous=401)),
    "nomination-detail": (lambda w: {"pk": w["nomination"].pk}, row(anonymous=401)),
    "nomination-decide": (lambda w: {"pk": w["nomination"].pk}, same(NOT_ALLOWED, anonymous=401)),
}
IGNORED_PREFIXES = ("django-admin/",)  # Django's own admin: superusers only, not a product page


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            path = prefix + str(pattern.pattern)
            if not path.startswith(IGNORED_PREFIXES):
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_is_in_the_matrix():
    names = set(_walk(get_resolver().url_patterns))
    assert names - set(EXPECTED) == set(), "add these URLs to the permission matrix"
    assert set(EXPECTED) - names == set(), "these URLs no longer exist"


@pytest.fixture
def world(personas, ministry, ministry_unit, own_cadre, other_agency, programme_settings):
    skill = LanguageSkillFactory(cadre=own_cadre)
    found = {
        **personas,
        "ministry": ministry,
        "own_cadre": own_cadre,
        "other_cadre": CadreFactory(agency=other_agency),
        "position": PositionHistoryFactory(
            cadre=own_cadre, start=datetime.date(2010, 1, 1), end=datetime.date(2012, 1, 1)
        ),
        "skill": skill,
        "training": TrainingRecord.objects.create(
            cadre=own_cadre, course_name="Bồi dưỡng", start=datetime.date(2015, 1, 1)
        ),
        "export": ExportJob.objects.create(
            created_by=personas["steering_admin"], kind="cadres", title="x", file_name="x.xlsx"
        ),
        "import": ImportJob.objects.create(
            created_by=personas["agency_officer"], agency=ministry, file_name="x.xlsx"
        ),
        "phase": Phase.objects.first(),
        "form": TrainingForm.objects.first(),
        "group": ContentGroup.objects.first(),
        "content-group": ContentGroup.objects.first(),
        "level": PositionLevel.objects.first(),
        "position-level": PositionLevel.objects.first(),
        "field": WorkField.objects.first(),
        "work-field": WorkField.objects.first(),
        "rule": RuleSetting.objects.first(),
        "rule-setting": RuleSetting.objects.first(),
        **permission_world(admin=personas["steering_admin"], agency=ministry),
        **course_world(admin=personas["steering_admin"], own_cadre=own_cadre),
    }
    found |= delegation_world(
        admin=personas["steering_admin"], course=found["course"], nomination=found["nomination"]
    )
    return found


def _status(client, url: str, expected) -> int | str:
    response = client.get(url)
    if expected == LOGIN and response.status_code == 302 and "/login/" in response.url:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_the_role_as_expected(persona, world, client, client_for, api_for):
    """One persona, every URL: the world is built once and the diff names each URL that differs."""
    page_client = client if persona == "anonymous" else client_for(world[persona])
    api_client = None if persona == "anonymous" else api_for(world[persona])
    expected, actual = {}, {}
    for name, (build, statuses) in sorted(EXPECTED.items()):
        url = reverse(name, kwargs=build(world) if build else None)
        expected[name] = statuses[persona]
        if url.startswith("/api/") and api_client is not None:
            actual[name] = api_client.get(url).status_code
        else:
            actual[name] = _status(page_client, url, statuses[persona])
    assert actual == expected


OTHER_AGENCY_URLS = [
    "cadres:cadre_detail",
    "cadres:cadre_edit",
    "agencies:agency_detail",
    "agencies:agency_edit",
    "agencies:agency_merge",
    "agencies:agency_children",
]


@pytest.mark.parametrize("name", OTHER_AGENCY_URLS)
def test_agency_officer_gets_404_for_another_agency(name, world, client_for):
    pk = world["other_cadre"].pk if name.startswith("cadres") else world["other_cadre"].agency_id
    response = client_for(world["agency_officer"]).get(reverse(name, kwargs={"pk": pk}))
    assert response.status_code == 404


def test_participant_gets_404_for_someone_else(world, client_for):
    response = client_for(world["participant"]).get(
        reverse("cadres:cadre_detail", kwargs={"pk": world["other_cadre"].pk})
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "name",
    ["cadres:cadre_reveal", "cadres:position_add", "cadres:language_add", "cadres:training_add"],
)
@pytest.mark.parametrize("persona", ["agency_officer", "participant"])
def test_nobody_writes_to_another_agency_cadre(name, persona, world, client_for):
    response = client_for(world[persona]).post(
        reverse(name, kwargs={"pk": world["other_cadre"].pk})
    )
    assert response.status_code == 404
