"""Partners and experts: steering admins keep the registries, every registry role reads them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.courses import services
from apps.courses.models import AgendaItem, Expert, Partner
from apps.courses.tests.factories import (
    AgendaItemFactory,
    CourseFactory,
    ExpertFactory,
    PartnerFactory,
    group,
)

pytestmark = pytest.mark.django_db


def test_partner_and_expert_are_saved_with_content_groups(steering_admin, reference_data):
    partner = services.partner_save(
        actor=steering_admin,
        name="Học viện Chính sách",
        country="Hàn Quốc",
        content_groups=[group(2), group(4)],
    )
    assert sorted(partner.content_groups.values_list("code", flat=True)) == [2, 4]
    expert = services.expert_save(
        actor=steering_admin,
        full_name="Kim Min-jun",
        country="Hàn Quốc",
        expertise="Chính phủ số",
        partner=partner,
        content_groups=[group(2)],
    )
    expert = services.expert_save(actor=steering_admin, expert=expert, title="Giáo sư")
    assert (expert.title, expert.partner) == ("Giáo sư", partner)
    with pytest.raises(ValidationError):
        services.partner_save(actor=steering_admin, name="Học viện Chính sách", country="Hàn Quốc")


def test_admin_creates_and_edits_through_the_pages(client_for, steering_admin, reference_data):
    client = client_for(steering_admin)
    response = client.post(
        reverse("courses:partner_create"),
        {"name": "Viện Quản trị", "country": "Pháp", "content_groups": [group(1).pk]},
    )
    partner = Partner.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("courses:partner_edit", args=[partner.pk]),
        {"name": "Viện Quản trị công", "country": "Pháp"},
    )
    partner.refresh_from_db()
    assert partner.name == "Viện Quản trị công"
    client.post(
        reverse("courses:expert_create"),
        {
            "full_name": "Claire Dubois",
            "country": "Pháp",
            "expertise": "Hành chính",
            "partner": partner.pk,
        },
    )
    expert = Expert.objects.get()
    client.post(
        reverse("courses:expert_edit", args=[expert.pk]),
        {
            "full_name": "Claire Dubois",
            "country": "Pháp",
            "expertise": "Luật hành chính",
            "partner": partner.pk,
        },
    )
    expert.refresh_from_db()
    assert expert.expertise == "Luật hành chính"
    assert "Claire Dubois" in client.get(partner.get_absolute_url()).text
    assert "Luật hành chính" in client.get(expert.get_absolute_url()).text
    listing = client.get(reverse("courses:expert_list"), {"q": "claire"})
    assert "Claire Dubois" in listing.text


def test_officer_reads_but_cannot_change_the_registries(client_for, agency_officer, reference_data):
    partner = PartnerFactory()
    client = client_for(agency_officer)
    assert client.get(reverse("courses:partner_list")).status_code == 200
    assert client.post(reverse("courses:partner_create"), {"name": "x"}).status_code == 403
    assert client.get(reverse("courses:partner_edit", args=[partner.pk])).status_code == 403


def test_agenda_item_is_added_and_removed_on_the_course_page(
    client_for, steering_admin, reference_data
):
    course = CourseFactory()
    client = client_for(steering_admin)
    client.post(
        reverse("courses:agenda_add", args=[course.pk]),
        {
            "kind": "FIELD_VISIT",
            "date": "02/06/2026",
            "title": "Khảo sát cảng Singapore",
            "expert": ExpertFactory().pk,
        },
    )
    item = AgendaItem.objects.get()
    assert item.title == "Khảo sát cảng Singapore"
    bad = client.post(
        reverse("courses:agenda_add", args=[course.pk]),
        {"kind": "LECTURE", "date": "", "title": ""},
        follow=True,
    )
    assert "was not added" in bad.text
    client.post(reverse("courses:agenda_delete", args=[course.pk, item.pk]))
    assert not AgendaItem.objects.exists()
    other = AgendaItemFactory()
    response = client.post(reverse("courses:agenda_delete", args=[course.pk, other.pk]))
    assert response.status_code == 404


def test_summary_list_download_and_decision_issue_pages(client_for, steering_admin, reference_data):
    from apps.nominations.tests.factories import NominationFactory

    course = CourseFactory()
    client = client_for(steering_admin)
    empty = client.post(reverse("courses:decision_issue", args=[course.pk]), follow=True)
    assert "no approved member" in empty.text
    NominationFactory(course=course, status="approved")
    issued = client.post(reverse("courses:decision_issue", args=[course.pk]), follow=True)
    assert "01-QĐ/BTCTW" in issued.text
    response = client.get(reverse("courses:summary_list_docx", args=[course.pk]))
    assert response["Content-Disposition"].endswith('.docx"')
