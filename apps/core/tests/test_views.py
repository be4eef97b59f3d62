from django.test import RequestFactory
from django.urls import reverse

from apps.core.audit import audit_record
from apps.core.middleware import BoundedPagingMiddleware


def test_auditor_filters_the_audit_log_by_action(client_for, auditor, steering_admin, ministry):
    audit_record(actor=steering_admin, action="cadres.export", detail={"rows": 3})
    audit_record(actor=steering_admin, action="agencies.merge", obj=ministry)
    response = client_for(auditor).get(reverse("core:audit_log"), {"action": "cadres"})
    actions = [row.record.action for row in response.context["table"].page.object_list]
    assert actions == ["cadres.export"]


def test_audit_detail_drops_nul_characters_postgresql_cannot_store(steering_admin):
    entry = audit_record(
        actor=steering_admin, action="cadres.export", detail={"filters": {"q": ["x\x00y"]}}
    )
    entry.refresh_from_db()
    assert entry.detail == {"filters": {"q": ["xy"]}}


def test_a_nul_character_in_a_search_is_removed_before_any_query():
    """PostgreSQL refuses NUL in a text value: ``?q=x%00`` must never reach a query (a 500)."""
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    request = RequestFactory().get("/cadres/", {"q": "Nguy\x00ễn", "page": "2"})
    BoundedPagingMiddleware(view)(request)
    assert seen == {"q": ["Nguyễn"], "page": ["2"]}
