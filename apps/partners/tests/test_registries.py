"""Partners and experts: steering admins keep the registries, every registry role reads them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.partners import services
from apps.partners.models import Expert, Partner
from apps.partners.tests.factories import PartnerFactory
from apps.programme.models import ContentGroup

pytestmark = pytest.mark.django_db


def group(code: int) -> ContentGroup:
    return ContentGroup.objects.get(code=code)


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
    with pytest.raises(ValidationError, match="Partner with this Name and Country already exists"):
        services.partner_save(actor=steering_admin, name="Học viện Chính sách", country="Hàn Quốc")


def test_admin_creates_and_edits_through_the_pages(client_for, steering_admin, reference_data):
    client = client_for(steering_admin)
    response = client.post(
        reverse("partners:partner_create"),
        {"name": "Viện Quản trị", "country": "Pháp", "content_groups": [group(1).pk]},
    )
    partner = Partner.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("partners:partner_edit", args=[partner.pk]),
        {"name": "Viện Quản trị công", "country": "Pháp"},
    )
    partner.refresh_from_db()
    assert partner.name == "Viện Quản trị công"
    client.post(
        reverse("partners:expert_create"),
        {
            "full_name": "Claire Dubois",
            "country": "Pháp",
            "expertise": "Hành chính",
            "partner": partner.pk,
        },
    )
    expert = Expert.objects.get()
    client.post(
        reverse("partners:expert_edit", args=[expert.pk]),
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
    listing = client.get(reverse("partners:expert_list"), {"q": "claire"})
    assert "Claire Dubois" in listing.text


def test_officer_reads_but_cannot_change_the_registries(client_for, agency_officer, reference_data):
    partner = PartnerFactory()
    client = client_for(agency_officer)
    assert client.get(reverse("partners:partner_list")).status_code == 200
    assert client.post(reverse("partners:partner_create"), {"name": "x"}).status_code == 403
    assert client.get(reverse("partners:partner_edit", args=[partner.pk])).status_code == 403
