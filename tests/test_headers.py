"""Security headers asserted on real responses: no-store where personal data is served, CSP
without inline script, frame-ancestors, referrer policy (HSTS: production settings, see
apps/core/tests/test_security.py::test_production_settings_pass_the_deploy_check)."""

import pytest
from django.urls import reverse

from tests.test_permission_matrix import EXPECTED, world  # noqa: F401  (the shared fixture)


def _personal_urls(world):  # noqa: F811
    for name, (build, statuses) in sorted(EXPECTED.items()):
        if statuses["steering_admin"] == 200:
            yield name, reverse(name, kwargs=build(world) if build else None)


def test_every_page_export_document_and_api_answer_is_no_store(world, client_for, api_for):  # noqa: F811
    admin = world["steering_admin"]
    page, api = client_for(admin), api_for(admin)
    missing = []
    for name, url in _personal_urls(world):
        response = (api if url.startswith("/api/") else page).get(url)
        if "no-store" not in response.get("Cache-Control", ""):
            missing.append(name)
    assert missing == []


@pytest.mark.parametrize(
    "name", ["cadres:cadre_export", "core:api_token", "cadres:cadre_list", "core:home"]
)
def test_sensitive_answers_carry_every_header(name, client_for, steering_admin, own_cadre):
    response = client_for(steering_admin).get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_reveal_answer_is_no_store(client_for, agency_officer, own_cadre):
    response = client_for(agency_officer).post(reverse("cadres:cadre_reveal", args=[own_cadre.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_static_files_may_be_cached(client):
    response = client.get("/static/does-not-matter.css")
    assert "no-store" not in response.get("Cache-Control", "")
