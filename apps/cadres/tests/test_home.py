"""What the cadre registry and the agency tree put on the home page."""

from django.urls import reverse

from apps.cadres.tests.factories import CadreFactory
from apps.core.home import Panel, StatCard


def test_home_counts_only_what_the_user_may_see(
    client_for, agency_officer, own_cadre, other_agency
):
    CadreFactory(agency=other_agency)
    items = client_for(agency_officer).get(reverse("core:home")).context["items"]
    cards = {item.url_name: item.value for item in items if isinstance(item, StatCard)}
    assert cards["cadres:cadre_list"] == 1
    assert cards["agencies:agency_tree"] == 2  # the officer's ministry and its unit


def test_a_participant_sees_no_counts_and_a_link_to_their_record(client_for, participant):
    response = client_for(participant).get(reverse("core:home"))
    items = response.context["items"]
    assert not [item for item in items if isinstance(item, StatCard)]
    assert [item for item in items if isinstance(item, Panel)]
    assert reverse("cadres:my_record") in response.content.decode()
