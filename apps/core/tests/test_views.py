from django.urls import reverse

from apps.core.audit import audit_record


def test_auditor_filters_the_audit_log_by_action(client_for, auditor, steering_admin, ministry):
    audit_record(actor=steering_admin, action="cadres.export", detail={"rows": 3})
    audit_record(actor=steering_admin, action="agencies.merge", obj=ministry)
    response = client_for(auditor).get(reverse("core:audit_log"), {"action": "cadres"})
    actions = [row.record.action for row in response.context["table"].page.object_list]
    assert actions == ["cadres.export"]


def test_home_counts_only_what_the_user_may_see(
    client_for, agency_officer, own_cadre, other_agency
):
    from apps.cadres.tests.factories import CadreFactory

    CadreFactory(agency=other_agency)
    cards = client_for(agency_officer).get(reverse("core:home")).context["summary"]
    assert {card["url_name"]: card["value"] for card in cards}["cadres:cadre_list"] == 1
