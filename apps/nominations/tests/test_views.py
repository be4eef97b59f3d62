"""Pages of nominations: nominate with an immediate result, review, participant views, exports."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.cadres.tests.factories import CadreFactory, _level
from apps.courses.tests.factories import CourseFactory
from apps.nominations.models import Nomination
from apps.nominations.tests.factories import NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(reference_data):
    return CourseFactory(capacity=3, title="Chính phủ số")


@pytest.fixture
def cadre(ministry_unit):
    return CadreFactory(
        agency=ministry_unit,
        full_name="Đỗ Văn Ứng Viên",
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2040, 1, 1),
    )


def test_officer_finds_a_cadre_without_accents_and_checks_eligibility(
    client_for, agency_officer, course, cadre
):
    client = client_for(agency_officer)
    response = client.get(
        reverse("nominations:nominate", args=[course.pk]),
        {"q": "do van ung"},
        headers={"HX-Request": "true", "HX-Target": "cadre-results"},
    )
    assert "Đỗ Văn Ứng Viên" in response.text
    response = client.get(reverse("nominations:eligibility_check", args=[course.pk, cadre.pk]))
    assert response.status_code == 200
    assert 'data-rule="R1" data-outcome="pass"' in response.text
    assert 'data-rule="R8" data-outcome="warning"' in response.text
    assert "confirm_warnings" in response.text


def test_officer_finds_cadres_by_position_or_unit_and_lists_them_all_page_by_page(
    client_for, agency_officer, ministry, course, cadre, django_assert_max_num_queries
):
    from apps.agencies.tests.factories import AgencyFactory

    unit = AgencyFactory(code="BTEST_V2", name="Vụ Hợp tác quốc tế", kind="vu", parent=ministry)
    CadreFactory(agency=unit, full_name="Trần Chánh Vụ", position_title="Vụ trưởng")
    CadreFactory.create_batch(24, agency=unit, position_title="Chuyên viên")
    client = client_for(agency_officer)
    url = reverse("nominations:nominate", args=[course.pk])
    fragment = {"HX-Request": "true", "HX-Target": "cadre-results"}

    by_position = client.get(url, {"q": "Vụ trưởng"}, headers=fragment).text
    assert "Trần Chánh Vụ" in by_position
    assert "Đỗ Văn Ứng Viên" in by_position  # Phó Vụ trưởng
    assert "Chuyên viên" not in by_position
    by_unit = client.get(url, {"q": "Hợp tác quốc tế"}, headers=fragment).text
    assert "(25 cadres)" in by_unit  # everyone of that unit, and only them
    assert "Đỗ Văn Ứng Viên" not in by_unit

    client.get(url, headers=fragment)
    with django_assert_max_num_queries(12):
        first = client.get(url, headers=fragment).text
    assert first.count("list-group-item") == 20
    assert "Page 1 of 2 (26 cadres)" in first
    second = client.get(url, {"page": 2}, headers=fragment).text
    assert second.count("list-group-item") == 6


def test_officer_cannot_check_a_cadre_of_another_agency(
    client_for, agency_officer, course, other_agency
):
    other = CadreFactory(agency=other_agency)
    response = client_for(agency_officer).get(
        reverse("nominations:eligibility_check", args=[course.pk, other.pk])
    )
    assert response.status_code == 404


def test_nominate_then_admin_approves_from_the_course_page(
    client, client_for, agency_officer, steering_admin, course, cadre
):
    response = client_for(agency_officer).post(
        reverse("nominations:nomination_create", args=[course.pk, cadre.pk]),
        {"confirm_warnings": "on"},
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert nomination.status == "submitted"
    client.logout()
    admin = client_for(steering_admin)
    page = admin.get(course.get_absolute_url())
    assert "Đỗ Văn Ứng Viên" in page.text
    assert reverse("nominations:nomination_decide", args=[nomination.pk]) in page.text
    response = admin.post(
        reverse("nominations:nomination_decide", args=[nomination.pk]),
        {"decision": "approved", "next": course.get_absolute_url()},
        follow=True,
    )
    nomination.refresh_from_db()
    assert nomination.status == "approved"
    assert (
        f"Approved comrade Đỗ Văn Ứng Viên for the course {course.code} Chính phủ số;"
        " 2 places left." in response.text
    )


def test_the_approval_message_is_a_vietnamese_sentence(
    settings, client_for, steering_admin, course, cadre
):
    settings.LANGUAGE_CODE = "vi"
    nomination = NominationFactory(course=course, cadre=cadre, status="submitted")
    NominationFactory(course=course, status="approved")
    response = client_for(steering_admin).post(
        reverse("nominations:nomination_decide", args=[nomination.pk]),
        {"decision": "approved"},
        follow=True,
        headers={"Accept-Language": "vi"},
    )
    assert (
        f"Đã duyệt cử đồng chí Đỗ Văn Ứng Viên vào lớp {course.code} Chính phủ số; còn 1 chỗ."
        in response.text
    )


def test_warning_without_confirmation_stays_a_draft(client_for, agency_officer, course, cadre):
    client_for(agency_officer).post(
        reverse("nominations:nomination_create", args=[course.pk, cadre.pk])
    )
    assert Nomination.objects.get().status == "draft"


def test_override_is_shown_on_the_list_detail_and_export(
    client_for, steering_admin, course, ministry_unit
):
    nomination = NominationFactory(
        course=course,
        cadre=CadreFactory(agency=ministry_unit, full_name="Ngoại Lệ"),
        status="submitted",
        outcome="fail",
        override_reason="Được Ban Bí thư đồng ý",
        override_by=steering_admin,
    )
    client = client_for(steering_admin)
    assert "Được Ban Bí thư đồng ý" in client.get(nomination.get_absolute_url()).text
    assert "Override" in client.get(reverse("nominations:nomination_list")).text
    assert "Được Ban Bí thư đồng ý" in client.get(course.get_absolute_url()).text
    response = client.get(reverse("nominations:nomination_export"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[1][1] == "Ngoại Lệ"
    assert rows[1][11] == "Được Ban Bí thư đồng ý"


def test_the_officer_note_reaches_the_approver(
    client, client_for, agency_officer, steering_admin, course, cadre
):
    client_for(agency_officer).post(
        reverse("nominations:nomination_create", args=[course.pk, cadre.pk]),
        {"confirm_warnings": "on", "note": "Phụ trách chuyển đổi số của Bộ"},
    )
    nomination = Nomination.objects.get()
    client.logout()
    admin = client_for(steering_admin)
    detail = admin.get(nomination.get_absolute_url()).text
    assert "Phụ trách chuyển đổi số của Bộ" in detail
    review = admin.get(course.get_absolute_url()).text
    assert "Note: Phụ trách chuyển đổi số của Bộ" in review
    response = admin.get(reverse("nominations:nomination_export"))
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    column = rows[0].index("Note of the nominating agency")
    assert rows[1][column] == "Phụ trách chuyển đổi số của Bộ"


def test_the_export_writes_hostile_text_as_text(client_for, steering_admin, course, ministry_unit):
    hostile = '=HYPERLINK("http://evil.example/","Bấm")'
    NominationFactory(
        course=course,
        cadre=CadreFactory(agency=ministry_unit, full_name=hostile),
        status="submitted",
        outcome="fail",
        override_reason="-2+3+cmd|' /C calc'!A0",
        override_by=steering_admin,
    )
    response = client_for(steering_admin).get(reverse("nominations:nomination_export"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    row = next(sheet.iter_rows(min_row=2))
    assert (row[1].value, row[11].value) == (hostile, "-2+3+cmd|' /C calc'!A0")
    assert "f" not in {cell.data_type for line in sheet.iter_rows() for cell in line}


def test_list_query_count_does_not_grow(
    client_for, steering_admin, course, django_assert_max_num_queries
):
    client = client_for(steering_admin)
    for _ in range(3):
        NominationFactory(course=course)
    client.get(reverse("nominations:nomination_list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("nominations:nomination_list"))
    for _ in range(15):
        NominationFactory(course=course)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("nominations:nomination_list"))
    assert len(many) == len(few)


def test_participant_cannot_open_another_course(client_for, participant, reference_data):
    other = CourseFactory()
    assert client_for(participant).get(other.get_absolute_url()).status_code == 404


def test_api_lists_only_the_officer_scope(api_for, agency_officer, other_agency, course, cadre):
    NominationFactory(course=course, cadre=cadre)
    NominationFactory(course=course, cadre=CadreFactory(agency=other_agency))
    data = api_for(agency_officer).get("/api/nominations/").json()
    assert [row["cadre_name"] for row in data["results"]] == ["Đỗ Văn Ứng Viên"]


def test_api_nominates_with_the_same_rules(api_for, agency_officer, other_agency, course, cadre):
    client = api_for(agency_officer)
    response = client.post(
        "/api/nominations/",
        {"course": course.pk, "cadre": cadre.pk, "confirm_warnings": True},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "submitted"
    again = client.post(
        "/api/nominations/", {"course": course.pk, "cadre": cadre.pk}, format="json"
    )
    assert again.status_code == 400
    foreign = CadreFactory(agency=other_agency)
    response = client.post(
        "/api/nominations/", {"course": course.pk, "cadre": foreign.pk}, format="json"
    )
    assert response.status_code == 403


def test_officer_gets_404_for_another_agency_nomination_and_course(
    client_for, agency_officer, other_agency, course
):
    foreign = NominationFactory(course=course, cadre=CadreFactory(agency=other_agency))
    decentralised = CourseFactory(organiser=other_agency)
    client = client_for(agency_officer)
    assert client.get(foreign.get_absolute_url()).status_code == 404
    assert client.get(decentralised.get_absolute_url()).status_code == 404
    for name in ("nomination_submit", "nomination_withdraw", "nomination_override"):
        assert client.post(reverse(f"nominations:{name}", args=[foreign.pk])).status_code == 404
    assert client.get(f"/api/nominations/{foreign.pk}/").status_code == 404  # same via the API


def test_officer_cannot_decide_even_its_own_nominations(client_for, agency_officer, course, cadre):
    nomination = NominationFactory(course=course, cadre=cadre)
    client_for(agency_officer).post(
        reverse("nominations:nomination_decide", args=[nomination.pk]), {"decision": "approved"}
    )
    nomination.refresh_from_db()
    assert nomination.status == "submitted"


def test_course_page_filters_the_review_by_result(
    client_for, steering_admin, course, ministry_unit
):
    NominationFactory(course=course, cadre=CadreFactory(full_name="Đạt Hết"), outcome="pass")
    NominationFactory(course=course, cadre=CadreFactory(full_name="Không Đạt"), outcome="fail")
    page = client_for(steering_admin).get(course.get_absolute_url(), {"outcome": "fail"})
    assert "Không Đạt" in page.text
    assert "Đạt Hết" not in page.text


def test_course_page_query_count_does_not_grow_with_its_nominations(
    client_for, steering_admin, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(steering_admin)
    for _ in range(3):
        NominationFactory(course=course)
    client.get(course.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(course.get_absolute_url())
    for status in ("approved", "waitlisted", "rejected") * 6:
        NominationFactory(course=course, status=status)
    with CaptureQueriesContext(connection) as many:
        client.get(course.get_absolute_url())
    assert len(many) == len(few)


def test_admin_records_an_exit_test_score_out_of_scale_refused(
    client_for, steering_admin, reference_data
):
    from apps.courses.tests.factories import form

    course = CourseFactory(form=form("LANGUAGE"), status="closed")
    from apps.courses.models import CoursePhase
    from apps.programme.models import FormPhase

    for phase in FormPhase.objects.filter(form__code="LANGUAGE"):
        CoursePhase.objects.create(
            course=course, form_phase=phase, start=course.start, end=course.end
        )
    nomination = NominationFactory(course=course, status="approved")
    client = client_for(steering_admin)
    response = client.post(
        reverse("nominations:gate_record", args=[nomination.pk]), {"score": "120"}, follow=True
    )
    assert "between 0 and 100" in response.text
    client.post(reverse("nominations:gate_record", args=[nomination.pk]), {"score": "55"})
    nomination.refresh_from_db()
    assert nomination.status == "not_continuing"


def test_api_decide_is_for_steering_admins(api_for, agency_officer, steering_admin, course, cadre):
    nomination = NominationFactory(course=course, cadre=cadre)
    url = f"/api/nominations/{nomination.pk}/decide/"
    assert (
        api_for(agency_officer).post(url, {"decision": "approved"}, format="json").status_code
        == 403
    )
    refused = api_for(steering_admin).post(url, {"decision": "rejected"}, format="json")
    assert refused.status_code == 400
    response = api_for(steering_admin).post(url, {"decision": "approved"}, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "approved")


def test_the_export_names_rule_outcomes_never_their_codes(
    client_for, steering_admin, course, ministry_unit
):
    NominationFactory(
        course=course,
        cadre=CadreFactory(agency=ministry_unit),
        status="submitted",
        outcome="fail",
        eligibility=[
            {
                "code": "R1",
                "outcome": "fail",
                "text": "Position '%(position)s' (%(level)s) is not among those eligible for "
                "%(form)s (%(source)s)",
                "params": {"position": "Vụ trưởng", "level": "Cấp vụ", "form": "ngắn hạn"}
                | {"source": "KL §2.4"},
            },
        ],
    )
    client = client_for(steering_admin)
    client.cookies["django_language"] = "vi"
    response = client.get(reverse("nominations:nomination_export"))
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert rows[1][9].startswith("R1 · Không đạt: ")
    assert "Vụ trưởng" in rows[1][9]
    assert "fail" not in rows[1][9]
