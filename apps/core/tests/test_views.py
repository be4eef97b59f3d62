from django.test import RequestFactory
from django.urls import reverse

from apps.core.audit import audit_record, logged_filters
from apps.core.middleware import BoundedPagingMiddleware
from apps.core.models import AuditEntry


def test_auditor_filters_the_audit_log_by_action(client_for, auditor, steering_admin, ministry):
    audit_record(actor=steering_admin, action="cadres.export", detail={"rows": 3})
    audit_record(actor=steering_admin, action="agencies.merge", obj=ministry)
    response = client_for(auditor).get(reverse("core:audit_log"), {"action": "cadres"})
    actions = [view.entry.action for view in response.context["entries"]]
    assert actions == ["cadres.export"]


def test_audit_detail_drops_nul_characters_postgresql_cannot_store(steering_admin):
    entry = audit_record(
        actor=steering_admin, action="cadres.export", detail={"filters": {"q": ["x\x00y"]}}
    )
    entry.refresh_from_db()
    assert entry.detail == {"filters": {"q": ["xy"]}}


def test_an_export_logs_its_search_without_the_digits_of_an_id(client_for, agency_officer):
    """The auditor sees identifiers masked: a citizen ID typed in the search box of an export
    reaches the audit log masked (issue 9; tests/test_permission_writes.py reads the log)."""
    assert logged_filters({"q": "Lê 079188000123", "year": "2027"}) == {
        "q": "Lê ••••••••••••",
        "year": "2027",
    }
    client_for(agency_officer).get(reverse("cadres:cadre_export"), {"q": "079188000123"})
    entry = AuditEntry.objects.get(action="cadres.export")
    assert entry.detail["filters"] == {"q": "••••••••••••"}


def test_a_nul_character_in_a_search_is_removed_before_any_query():
    """PostgreSQL refuses NUL in a text value: ``?q=x%00`` must never reach a query (a 500)."""
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    request = RequestFactory().get("/cadres/", {"q": "Nguy\x00ễn", "page": "2"})
    BoundedPagingMiddleware(view)(request)
    assert seen == {"q": ["Nguyễn"], "page": ["2"]}
