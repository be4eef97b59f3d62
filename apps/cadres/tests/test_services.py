import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.cadres import services
from apps.cadres.models import Cadre
from apps.cadres.retirement import expected_retirement
from apps.cadres.tests.factories import CadreFactory, _field, _level
from apps.core.models import AuditEntry


@pytest.fixture
def cadre_fields(ministry):
    return {
        "full_name": "Nguyễn Văn An",
        "gender": "M",
        "date_of_birth": datetime.date(1966, 5, 10),
        "national_id": "001066012345",
        "agency": ministry,
        "position_title": "Vụ trưởng",
        "position_level": _level(),
        "work_field": _field(),
    }


def test_it_creates_a_cadre_with_derived_fields_and_audit(steering_admin, cadre_fields):
    cadre = services.cadre_create(actor=steering_admin, **cadre_fields)
    assert cadre.search_key == "nguyen van an"
    assert cadre.expected_retirement == datetime.date(2028, 5, 31)
    assert AuditEntry.objects.filter(action="cadres.create", object_id=str(cadre.pk)).exists()


def test_it_refuses_a_duplicate_national_id(steering_admin, cadre_fields):
    services.cadre_create(actor=steering_admin, **cadre_fields)
    with pytest.raises(ValidationError, match="Another cadre already has the citizen ID") as error:
        services.cadre_create(actor=steering_admin, **{**cadre_fields, "full_name": "Khác"})
    assert "national_id" in error.value.message_dict
    assert Cadre.objects.count() == 1


def test_it_refuses_a_national_id_that_is_not_12_digits(steering_admin, cadre_fields):
    with pytest.raises(ValidationError, match="exactly 12 digits") as error:
        services.cadre_create(actor=steering_admin, **{**cadre_fields, "national_id": "12345"})
    assert error.value.message_dict == {
        "national_id": ["A citizen ID number has exactly 12 digits; “12345” does not."]
    }
    assert not Cadre.objects.exists()


def test_second_editor_is_told_and_nothing_is_overwritten(steering_admin, agency_officer, ministry):
    cadre = CadreFactory(agency=ministry, position_title="Phó Vụ trưởng")
    opened_version = cadre.version
    services.cadre_update(
        actor=steering_admin, cadre=cadre, version=opened_version, position_title="Vụ trưởng"
    )
    with pytest.raises(services.StaleVersionError, match="after you opened it"):
        services.cadre_update(
            actor=agency_officer, cadre=cadre, version=opened_version, position_title="Cục trưởng"
        )
    cadre.refresh_from_db()
    assert cadre.position_title == "Vụ trưởng"
    assert cadre.version == opened_version + 1


def test_it_keeps_a_history_of_changes(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    services.cadre_update(
        actor=steering_admin, cadre=cadre, version=cadre.version, position_title="Vụ trưởng"
    )
    assert cadre.history.count() == 2


def test_retirement_override_wins(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    services.cadre_update(
        actor=steering_admin,
        cadre=cadre,
        version=cadre.version,
        retirement_override=datetime.date(2035, 1, 31),
    )
    cadre.refresh_from_db()
    assert cadre.expected_retirement == datetime.date(2035, 1, 31)


@pytest.mark.parametrize(
    ("born", "gender", "retires"),
    [
        (datetime.date(1966, 5, 10), "M", datetime.date(2028, 5, 31)),  # 62 y under the 2028 rule
        (datetime.date(1970, 3, 10), "F", datetime.date(2027, 7, 31)),  # 57 y 4 m under 2027's
        (datetime.date(1964, 1, 31), "M", datetime.date(2025, 4, 30)),  # 61 y 3 m (2025 rule)
        (datetime.date(1964, 12, 1), "M", datetime.date(2026, 6, 30)),  # 2025 age reached in 2026
        (datetime.date(1980, 2, 29), "F", datetime.date(2040, 2, 29)),  # 60 y from 2035 on
        (datetime.date(1990, 1, 1), "M", datetime.date(2052, 1, 31)),
    ],
)
def test_retirement_follows_the_roadmap(db, born, gender, retires):
    assert expected_retirement(born, gender, services.retirement_roadmap()) == retires


def test_position_history_allows_one_current_position(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    services.position_add(
        actor=steering_admin,
        cadre=cadre,
        start=datetime.date(2020, 1, 1),
        position_title="Vụ trưởng",
    )
    with pytest.raises(ValidationError, match="already has a current position"):
        services.position_add(
            actor=steering_admin,
            cadre=cadre,
            start=datetime.date(2022, 1, 1),
            position_title="Cục trưởng",
        )
    with pytest.raises(ValidationError, match="The end date is before the start date"):
        services.position_add(
            actor=steering_admin,
            cadre=cadre,
            start=datetime.date(2019, 1, 1),
            end=datetime.date(2018, 1, 1),
            position_title="Phó Vụ trưởng",
        )
    assert cadre.positions.count() == 1


def test_language_set_updates_instead_of_duplicating(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    services.language_set(actor=steering_admin, cadre=cadre, language="en", level="B1")
    services.language_set(actor=steering_admin, cadre=cadre, language="en", level="C1")
    assert list(cadre.languages.values_list("language", "level")) == [("en", "C1")]


def test_language_use_records_who_confirmed_it_and_when(steering_admin, agency_officer, ministry):
    """Issue 18 item 4: R3's confirmation records who and when."""
    cadre = CadreFactory(agency=ministry)
    assert cadre.language_use_confirmed_by is None
    before = timezone.now()
    cadre = services.cadre_update(
        actor=agency_officer, cadre=cadre, version=cadre.version, uses_foreign_language=True
    )
    assert cadre.language_use_confirmed_by == agency_officer
    assert cadre.language_use_confirmed_at >= before
    stamped = cadre.language_use_confirmed_at
    cadre = services.cadre_update(
        actor=steering_admin, cadre=cadre, version=cadre.version, position_title="Vụ trưởng"
    )
    assert (cadre.language_use_confirmed_by, cadre.language_use_confirmed_at) == (
        agency_officer,
        stamped,
    )  # an unrelated edit keeps the confirmation
    cadre = services.cadre_update(
        actor=steering_admin, cadre=cadre, version=cadre.version, uses_foreign_language=False
    )
    assert (cadre.language_use_confirmed_by, cadre.language_use_confirmed_at) == (None, None)


def test_detail_shows_who_confirmed_the_language_use(client_for, agency_officer, ministry):
    cadre = CadreFactory(agency=ministry)
    services.cadre_update(
        actor=agency_officer, cadre=cadre, version=cadre.version, uses_foreign_language=True
    )
    page = client_for(agency_officer).get(cadre.get_absolute_url())
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"confirmed by {agency_officer.display_name} on {today}" in page.content.decode()


def test_training_history_keeps_its_dates_in_order(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        services.training_add(
            actor=steering_admin,
            cadre=cadre,
            course_name="Bồi dưỡng lý luận chính trị cao cấp",
            start=datetime.date(2020, 5, 1),
            end=datetime.date(2020, 1, 1),
        )


def test_the_dossier_code_is_optional_and_unique_when_present(steering_admin, ministry):
    """Issue 18 item 7: Mã định danh hồ sơ of the national database."""
    first = CadreFactory(agency=ministry)
    second = CadreFactory(agency=ministry)
    first, second = (  # both saved without a code
        services.cadre_update(actor=steering_admin, cadre=cadre, version=cadre.version)
        for cadre in (first, second)
    )
    services.cadre_update(
        actor=steering_admin, cadre=first, version=first.version, dossier_code="HS-0001"
    )
    with pytest.raises(ValidationError, match="dossier code HS-0001"):
        services.cadre_update(
            actor=steering_admin, cadre=second, version=second.version, dossier_code="HS-0001"
        )
