"""The pages: form in the background, see the composition, re-check a move live, move, choose the
head, confirm through the workflow; the steering admin forms, finance officers and auditors read."""

import pytest
from django.urls import reverse

from apps.agencies.tests.factories import AgencyFactory
from apps.cadres.tests.factories import CadreFactory
from apps.courses.tests.factories import CourseFactory
from apps.delegations.choices import DelegationStatus
from apps.delegations.models import Delegation, FormationJob
from apps.nominations.tests.factories import NominationFactory
from apps.programme.models import PositionLevel, WorkField

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(programme_settings):
    course = CourseFactory(code="KT-DOAN")
    high = PositionLevel.objects.get(code="PROVINCIAL_STANDING")
    low = PositionLevel.objects.get(code="DEPARTMENT_CENTRAL")
    field = WorkField.objects.get(code="TCCB")
    for i in range(32):
        agency = AgencyFactory(kind="tinh" if i % 2 else "bo_nganh")
        cadre = CadreFactory(
            agency=agency, position_level=high if i < 16 else low, work_field=field
        )
        NominationFactory(course=course, cadre=cadre, status="approved")
    return course


def test_the_admin_forms_in_the_background_and_sees_names_never_codes(
    client_for, steering_admin, pool, django_assert_max_num_queries
):
    client = client_for(steering_admin)
    url = reverse("delegations:delegation_list")
    response = client.post(url, {"year": 2026, "courses": [pool.pk]})
    job = FormationJob.objects.get()
    assert response.url == reverse("delegations:job_detail", args=[job.pk])
    assert job.status == FormationJob.Status.SUCCEEDED  # the test task backend runs it at once
    assert (job.processed_rows, job.total_rows) == (1, 1)
    status = client.get(reverse("delegations:job_status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert status["HX-Refresh"] == "true"
    with django_assert_max_num_queries(25):
        page = client.get(url, {"year": 2026}).content.decode()
    assert str(PositionLevel.objects.get(code="PROVINCIAL_STANDING")) in page  # by name
    assert "2026" in page
    assert "PROVINCIAL_STANDING" not in page
    assert "TCCB" not in page
    assert page.count('href="/delegations/') >= 2


def test_a_failed_run_explains_why(client_for, steering_admin, programme_settings):
    client = client_for(steering_admin)
    client.post(reverse("delegations:delegation_list"), {"year": 2031})
    job = FormationJob.objects.get()
    assert job.status == FormationJob.Status.FAILED
    page = client.get(reverse("delegations:job_detail", args=[job.pk])).content.decode()
    assert job.message in page
    assert job.message


def test_move_is_rechecked_live_then_made_head_chosen_and_confirmed(
    client_for, steering_admin, pool
):
    client = client_for(steering_admin)
    client.post(reverse("delegations:delegation_list"), {"year": 2026})
    first, second = Delegation.objects.filter(year=2026).order_by("number")
    member = first.members.first()
    check = client.get(reverse("delegations:move_check", args=[member.pk]), {"to": second.pk})
    assert "Every rule holds" in check.content.decode() or "quy tắc" in check.content.decode()
    first.head_id = member.nomination.cadre_id
    first.save(update_fields=["head"])
    client.post(reverse("delegations:move", args=[member.pk]), {"to": second.pk})
    assert second.members.count() == 17
    first.refresh_from_db()
    staying = set(first.members.values_list("nomination__cadre", flat=True))
    assert {first.head_id, first.secretary_id} <= staying  # the leaver's role was re-suggested
    # a second move would leave 14: explained live, refused on submit
    other = first.members.first()
    check = client.get(reverse("delegations:move_check", args=[other.pk]), {"to": second.pk})
    assert "14" in check.content.decode()
    client.post(reverse("delegations:move", args=[other.pk]), {"to": second.pk})
    assert first.members.count() == 15
    detail = client.get(first.get_absolute_url()).content.decode()
    assert "14" in detail  # the refusal is shown with its reason
    head = second.members.last().nomination.cadre
    client.post(reverse("delegations:head", args=[second.pk]), {"head": head.pk, "secretary": ""})
    second.refresh_from_db()
    assert (second.head, second.secretary) == (head, None)
    client.post(reverse("delegations:transition", args=[second.pk]), {"to_status": "confirmed"})
    second.refresh_from_db()
    assert second.status == DelegationStatus.CONFIRMED
    assert second.transitions.get().to_status == "confirmed"
    # a confirmed delegation can no longer be changed by hand
    refused = client.get(
        reverse("delegations:move_check", args=[second.members.first().pk]), {"to": first.pk}
    )
    assert "14" not in refused.content.decode()


def test_pins_and_pairs_kept_apart_feed_the_next_run(client_for, steering_admin, pool):
    client = client_for(steering_admin)
    client.post(reverse("delegations:delegation_list"), {"year": 2026})
    first = Delegation.objects.filter(year=2026).order_by("number").first()
    a, b = list(first.members.all()[:2])
    client.post(reverse("delegations:pin", args=[a.pk]), {"pinned": "1"})
    client.post(reverse("delegations:pin", args=[b.pk]), {"pinned": "1"})
    c = first.members.exclude(pk__in=[a.pk, b.pk]).first()
    client.post(reverse("delegations:keep_apart", args=[first.pk]), {"members": [a.pk, c.pk]})
    client.post(reverse("delegations:delegation_list"), {"year": 2026})
    together = Delegation.objects.get(members__nomination=a.nomination)
    assert together.members.filter(nomination=b.nomination).exists()
    assert not together.members.filter(nomination=c.nomination).exists()
    assert together.members.get(nomination=a.nomination).pinned


@pytest.mark.parametrize(
    ("persona", "reads"),
    [
        ("agency_officer", False),
        ("finance_officer", True),
        ("auditor", True),
        ("participant", False),
    ],
)
def test_only_the_steering_admin_forms_and_the_readers_only_read(
    client_for, personas, persona, reads, pool
):
    client = client_for(personas[persona])
    page = client.get(reverse("delegations:delegation_list"), {"year": 2026})
    assert page.status_code == (200 if reads else 403)
    if reads:
        assert "formation-form" not in page.content.decode()
    assert client.post(reverse("delegations:delegation_list"), {"year": 2026}).status_code == 403
    assert not FormationJob.objects.exists()
