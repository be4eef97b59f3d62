import datetime

import pytest

from apps.cadres import services
from apps.cadres.selectors import birth_date_range_for_age_band, cadre_history
from apps.cadres.tests.factories import CadreFactory, _field, _level


def test_history_shows_each_kind_of_change_readably(
    steering_admin, ministry, other_agency, django_assert_max_num_queries
):
    cadre = CadreFactory(agency=ministry, national_id="001080000111")
    changes = {
        "agency": other_agency,
        "position_level": _level("TW_MANAGED"),
        "work_field": _field("DN"),
        "gender": "F",
        "appointed_on": datetime.date(2024, 3, 5),
        "national_id": "001080000222",
        "position_title": "Vụ trưởng",
    }
    for name, value in changes.items():
        services.cadre_update(
            actor=steering_admin, cadre=cadre, version=cadre.version, **{name: value}
        )
        cadre.refresh_from_db()
    with django_assert_max_num_queries(6):
        history = cadre_history(cadre=cadre)
    shown = {f.label: (f.old, f.new) for entry in history for f in entry.changes}
    assert shown["agency"] == ("Bộ Thử nghiệm", "Tỉnh Khác")
    assert shown["position level"][1] == "Cán bộ thuộc diện Bộ Chính trị, Ban Bí thư quản lý"
    assert shown["gender"] == ("Male", "Female")
    assert shown["appointed on"] == ("—", "05/03/2024")
    assert shown["citizen ID number"] == ("•••••••••111", "•••••••••222")
    assert history[-1].changes == []  # the creation
    assert all(entry.user == steering_admin for entry in history[:-1])


def test_history_is_limited_to_the_latest_changes(steering_admin, ministry):
    cadre = CadreFactory(agency=ministry)
    for index in range(4):
        services.cadre_update(
            actor=steering_admin,
            cadre=cadre,
            version=cadre.version,
            position_title=f"Chức vụ {index}",
        )
        cadre.refresh_from_db()
    history = cadre_history(cadre=cadre, limit=2)
    assert [entry.changes[0].new for entry in history] == ["Chức vụ 3", "Chức vụ 2"]


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("le40", {"date_of_birth__gt": datetime.date(1983, 2, 28)}),
        (
            "41_50",
            {
                "date_of_birth__lte": datetime.date(1983, 2, 28),
                "date_of_birth__gt": datetime.date(1973, 2, 28),
            },
        ),
        ("gt50", {"date_of_birth__lte": datetime.date(1973, 2, 28)}),
        ("unknown", {}),
    ],
)
def test_age_bands_on_29_february(band, expected):
    assert birth_date_range_for_age_band(band, datetime.date(2024, 2, 29)) == expected
