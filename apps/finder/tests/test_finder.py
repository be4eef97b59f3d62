"""The candidate finder: ranking, reasons, hard rules, scope, named candidates, untrained."""

import datetime
import io
from contextlib import redirect_stdout

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.cadres.models import TrainingRecord
from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory
from apps.cadres.tests.factories import _level as level
from apps.courses.tests.factories import CourseFactory, form
from apps.finder import scoring, selectors
from apps.finder.selectors import Filters
from apps.nominations.tests.factories import NominationFactory
from apps.planning.models import NeedsCall, NeedsRegistration
from apps.programme.models import WorkField

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 12, 10)


@pytest.fixture
def course(reference_data):
    return CourseFactory(
        code="K2026-090", start=START, end=START + datetime.timedelta(days=13), language="en"
    )


def _field(*, matching: bool) -> WorkField:
    """A field of work that matches content group 1 (the course's) or one that does not."""
    return WorkField.objects.get(code="DN" if matching else "KTTC")


def _cadre(unit, name, **extra):
    values = {
        "agency": unit,
        "full_name": name,
        "position_level": level("DEPARTMENT_CENTRAL"),
        "expected_retirement": datetime.date(2034, 6, 30),
        "work_field": _field(matching=False),
    }
    return CadreFactory(**(values | extra))


def _names(page) -> list[str]:
    return [s.cadre.full_name for s in page.object_list]


def test_the_best_fit_comes_first_with_its_reasons_and_failing_cadres_are_not_suggested(
    agency_officer, ministry_unit, course
):
    _cadre(ministry_unit, "Lê Bình Thường")
    _cadre(
        ministry_unit,
        "Trần Quy Hoạch",
        planned_for="Thứ trưởng",
        work_field=_field(matching=True),
        expected_retirement=datetime.date(2045, 1, 31),
    )
    _cadre(ministry_unit, "Phạm Chuyên Viên", position_level=level("OTHER"))

    page = selectors.suggestions(fetched_by=agency_officer, course=course).page

    assert _names(page) == ["Trần Quy Hoạch", "Lê Bình Thường"]
    best = page.object_list[0]
    assert [reason.part for reason in best.reasons] == [
        "planning_pool",
        "field_match",
        "years_to_serve",
        "not_trained",
    ]
    assert best.reasons[0].text == "In the planning pool: Thứ trưởng"
    assert best.reasons[0].setting == "Gợi ý cán bộ: trong quy hoạch"
    assert best.score == sum(reason.points for reason in best.reasons) == 30 + 15 + 10 + 10
    assert {s.outcome for s in page.object_list} <= {"pass", "warning"}

    shown = selectors.suggestions(fetched_by=agency_officer, course=course, show_all=True).page
    failing = next(s for s in shown.object_list if s.cadre.full_name == "Phạm Chuyên Viên")
    assert [r.code for r in failing.failing] == ["R1"]


def test_language_level_and_years_to_serve_scale_the_points(agency_officer, ministry_unit, course):
    fluent = _cadre(ministry_unit, "Vũ Thông Thạo", expected_retirement=datetime.date(2031, 1, 31))
    LanguageSkillFactory(cadre=fluent, language="en", level="C1")
    page = selectors.suggestions(fetched_by=agency_officer, course=course).page
    reasons = {reason.part: reason for reason in page.object_list[0].reasons}
    assert reasons["language"].text == "English C1"
    assert reasons["language"].points == round(10 * 5 / 6)
    assert reasons["years_to_serve"].text == "4 years of service left"
    assert reasons["years_to_serve"].points == 4


def test_a_course_taught_in_english_at_b2_suggests_only_who_has_it(
    agency_officer, ministry_unit, reference_data
):
    medium = CourseFactory(form=form("MEDIUM"), start=START, end=START, language="en")
    able = _cadre(ministry_unit, "Đào Tiếng Anh")
    LanguageSkillFactory(cadre=able, language="en", level="B2")
    weak = _cadre(ministry_unit, "Đinh Sơ Cấp")
    LanguageSkillFactory(cadre=weak, language="en", level="A2")
    page = selectors.suggestions(fetched_by=agency_officer, course=medium).page
    assert _names(page) == ["Đào Tiếng Anh"]


def test_named_candidates_come_first_among_equals_and_the_ineligible_ones_say_why(
    agency_officer, steering_admin, ministry, ministry_unit, course
):
    _cadre(ministry_unit, "An Đứng Trước")
    named = _cadre(ministry_unit, "Yên Được Đăng Ký")
    lapsed = _cadre(ministry_unit, "Bùi Đã Chuyển", position_level=level("OTHER"))
    call = NeedsCall.objects.create(year=2026, deadline=START, opened_by=steering_admin)
    registration = NeedsRegistration.objects.create(
        call=call, agency=ministry, created_by=steering_admin
    )
    registration.candidates.set([named, lapsed])

    found = selectors.suggestions(fetched_by=agency_officer, course=course)
    page = found.page

    assert _names(page) == ["Yên Được Đăng Ký", "An Đứng Trước"]
    assert page.object_list[0].reasons[0].text == "Named in the needs registration of 2026"
    ineligible = found.named_ineligible
    assert [(s.cadre, [r.code for r in s.failing]) for s in ineligible] == [(lapsed, ["R1"])]


def test_an_officer_sees_only_its_scope_the_steering_admin_everyone(
    agency_officer, steering_admin, ministry_unit, other_agency, course
):
    _cadre(ministry_unit, "Cán Bộ Trong Bộ")
    _cadre(other_agency, "Cán Bộ Tỉnh Khác")
    officer_page = selectors.suggestions(fetched_by=agency_officer, course=course).page
    admin_page = selectors.suggestions(fetched_by=steering_admin, course=course).page
    assert _names(officer_page) == ["Cán Bộ Trong Bộ"]
    assert set(_names(admin_page)) == {"Cán Bộ Tỉnh Khác", "Cán Bộ Trong Bộ"}


def test_cadres_already_on_the_course_or_on_a_clashing_course_are_not_suggested(
    agency_officer, ministry_unit, course
):
    on_it = _cadre(ministry_unit, "Đã Có Tên")
    busy = _cadre(ministry_unit, "Đang Đi Lớp Khác")
    free = _cadre(ministry_unit, "Còn Rảnh")
    NominationFactory(cadre=on_it, course=course, status="submitted")
    clashing = CourseFactory(
        start=START + datetime.timedelta(days=3), end=START + datetime.timedelta(days=9)
    )
    NominationFactory(cadre=busy, course=clashing, status="approved")
    page = selectors.suggestions(fetched_by=agency_officer, course=course).page
    assert [s.cadre for s in page.object_list] == [free]


def test_a_cadre_trained_recently_earns_fewer_points_than_one_never_trained(
    agency_officer, ministry_unit, course
):
    recent = _cadre(ministry_unit, "Mới Đi Năm Ngoái")
    TrainingRecord.objects.create(
        cadre=recent,
        course_name="Bồi dưỡng ngắn hạn tại Singapore",
        programme_form=form("SHORT"),
        start=datetime.date(2025, 5, 1),
    )
    _cadre(ministry_unit, "Chưa Đi Lần Nào")
    page = selectors.suggestions(fetched_by=agency_officer, course=course).page
    assert _names(page) == ["Chưa Đi Lần Nào", "Mới Đi Năm Ngoái"]
    texts = [r.text for r in page.object_list[1].reasons]
    assert "Last trained abroad under the programme in 2025" in texts


def test_filters_narrow_the_list(agency_officer, ministry_unit, course):
    _cadre(ministry_unit, "Trong Quy Hoạch", planned_for="Vụ trưởng")
    _cadre(ministry_unit, "Ngoài Quy Hoạch")
    page = selectors.suggestions(
        fetched_by=agency_officer, course=course, filters=Filters(planning_pool=True)
    ).page
    assert _names(page) == ["Trong Quy Hoạch"]
    page = selectors.suggestions(
        fetched_by=agency_officer, course=course, filters=Filters(search="ngoai quy")
    ).page
    assert _names(page) == ["Ngoài Quy Hoạch"]


def test_the_page_costs_the_same_queries_for_5_or_25_cadres(
    client_for, agency_officer, ministry_unit, course
):
    client = client_for(agency_officer)
    url = reverse("finder:course_suggestions", args=[course.pk])

    def queries(n: int) -> int:
        for i in range(n):
            _cadre(ministry_unit, f"Cán Bộ Số {n}-{i}", planned_for="Vụ trưởng" if i % 2 else "")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(5) == queries(20)


def test_the_pages_answer_only_the_roles_that_nominate(
    client_for, agency_officer, steering_admin, finance_officer, auditor, participant, course
):
    url = reverse("finder:course_suggestions", args=[course.pk])
    untrained = reverse("finder:untrained")
    for user in (finance_officer, auditor, participant):
        client = client_for(user)
        assert client.get(url).status_code == 403
        assert client.get(untrained).status_code == 403
    for user in (agency_officer, steering_admin):
        client = client_for(user)
        assert client.get(url).status_code == 200
        assert client.get(untrained).status_code == 200
        assert client.post(url).status_code in (403, 405)


def test_the_course_page_links_to_the_suggestions_while_it_is_open(
    client_for, agency_officer, course
):
    page = client_for(agency_officer).get(course.get_absolute_url()).text
    assert reverse("finder:course_suggestions", args=[course.pk]) in page


def test_untrained_lists_leaders_never_sent_by_level_and_field(
    client_for, agency_officer, ministry_unit, course
):
    _cadre(ministry_unit, "Chưa Được Cử")
    trained = _cadre(ministry_unit, "Đã Được Cử")
    NominationFactory(cadre=trained, course=CourseFactory(), status="completed")
    _cadre(ministry_unit, "Chuyên Viên Thường", position_level=level("OTHER"))
    queryset = selectors.untrained(fetched_by=agency_officer, year=2027)
    assert [c.full_name for c in queryset] == ["Chưa Được Cử"]
    [row] = selectors.untrained_by_level_and_field(queryset)
    assert row["count"] == 1
    page = client_for(agency_officer).get(reverse("finder:untrained")).text
    assert "Chưa Được Cử" in page
    assert "Đã Được Cử" not in page


def test_the_command_prints_the_ranked_list(steering_admin, ministry_unit, course):
    _cadre(ministry_unit, "Trần Quy Hoạch", planned_for="Thứ trưởng")
    out = io.StringIO()
    with redirect_stdout(out):
        call_command("suggest_candidates", course="K2026-090", limit=5, stdout=out)
    text = out.getvalue()
    assert "1 cán bộ đáp ứng" in text
    assert "Trần Quy Hoạch" in text
    assert "Trong quy hoạch Thứ trưởng (+30)" in text


IMPROVEMENTS = {
    "planning_pool": lambda cadre: setattr(cadre, "planned_for", "Thứ trưởng"),
    "field_match": lambda cadre: setattr(cadre, "work_field", _field(matching=True)),
    "years_to_serve": lambda cadre: setattr(
        cadre, "expected_retirement", cadre.expected_retirement.replace(year=2040)
    ),
}


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    others=st.lists(
        st.tuples(st.booleans(), st.booleans(), st.integers(2029, 2042)), min_size=1, max_size=6
    ),
    improvement=st.sampled_from(sorted(IMPROVEMENTS)),
    language_up=st.booleans(),
)
def test_improving_one_attribute_never_lowers_a_rank_and_reasons_match_the_parts(
    agency_officer, ministry_unit, course, others, improvement, language_up
):
    pool = [
        _cadre(
            ministry_unit,
            f"Người Khác {i}",
            planned_for="Vụ trưởng" if in_pool else "",
            work_field=_field(matching=matching),
            expected_retirement=datetime.date(year, 6, 30),
        )
        for i, (in_pool, matching, year) in enumerate(others)
    ]
    subject = _cadre(ministry_unit, "Người Được Xét")
    skill = LanguageSkillFactory(cadre=subject, language="en", level="B1")

    def rank() -> int:
        page = selectors.suggestions(fetched_by=agency_officer, course=course, page_size=50).page
        for suggestion in page.object_list:
            parts = {p for p in scoring.PARTS if getattr(suggestion.cadre, f"fit_{p}")}
            assert {reason.part for reason in suggestion.reasons} == parts
        return _names(page).index("Người Được Xét")

    before = rank()
    if language_up:
        skill.level = "C2"
        skill.save()
    else:
        IMPROVEMENTS[improvement](subject)
        subject.save()
    assert rank() <= before
    for cadre in [*pool, subject]:
        cadre.languages.all().delete()
        cadre.delete()
