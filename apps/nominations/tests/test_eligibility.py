"""Each rule alone (table-driven), then the engine on combinations and its query count."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from apps.cadres.tests.factories import CadreFactory, LanguageSkillFactory, _level
from apps.core.tests.factories import UserFactory
from apps.courses.tests.factories import CourseFactory, form
from apps.nominations.eligibility import (
    Candidate,
    build_context,
    evaluate,
    overall,
    rule_date_clash,
    rule_language_level,
    rule_position_level,
    rule_quota,
    rule_retirement,
    rule_same_form,
    rule_uses_language,
)
from apps.nominations.tests.factories import NominationFactory
from apps.planning.models import PlanStatus
from apps.planning.tests.factories import make_plan

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 6, 1)


def _course(form_code="SHORT", **kwargs):
    return CourseFactory(
        form=form(form_code), start=START, end=START + datetime.timedelta(days=13), **kwargs
    )


def _run(rule, cadre, course):
    candidate = Candidate(cadre, course, cadre.agency)
    return rule(candidate, build_context([candidate]))


@pytest.mark.parametrize(
    ("form_code", "level", "code", "outcome", "words"),
    [
        ("SHORT", "TW_MANAGED", "R1", "pass", "is eligible for"),
        ("SHORT", "DEPARTMENT_CENTRAL", "R1", "pass", "is eligible for"),
        (
            "SHORT",
            "DEPARTMENT_LOCAL",
            "R1",
            "fail",
            "is not among those eligible for bồi dưỡng ngắn hạn",
        ),
        ("SHORT", "OTHER", "R1", "fail", "is not among those eligible"),
        ("MEDIUM", "DEPARTMENT_LOCAL", "R2", "pass", "is eligible for bồi dưỡng trung hạn"),
        ("MEDIUM", "OTHER", "R2", "fail", "is not among those eligible"),
    ],
)
def test_position_level_rule(form_code, level, code, outcome, words):
    cadre = CadreFactory(position_level=_level(level), position_title="Phó Giám đốc Sở")
    result = _run(rule_position_level, cadre, _course(form_code))
    assert (result.code, result.outcome, result.source) == (code, outcome, "KL §2.4")
    assert words in result.message
    assert "'Phó Giám đốc Sở'" in result.message
    assert result.message.endswith("(KL §2.4)")


def test_position_level_rule_does_not_apply_to_language_courses():
    assert _run(rule_position_level, CadreFactory(), _course("LANGUAGE")) is None


@pytest.mark.parametrize(
    ("skills", "course_kwargs", "outcome", "words"),
    [
        ([("en", "B2")], {}, "pass", "meets the course's B2"),
        ([("en", "C1")], {}, "pass", "meets"),
        ([("en", "B1")], {}, "fail", "B1 is below the B2"),
        ([], {}, "fail", "No foreign language level recorded"),
        ([("en", "B2")], {"min_language_level": "C1"}, "fail", "below the C1"),
        ([("en", "C1"), ("fr", "A2")], {"language": "fr"}, "fail", "A2 is below"),
        ([("fr", "B2")], {"language": "fr"}, "pass", "meets"),
    ],
)
def test_language_level_rule(skills, course_kwargs, outcome, words):
    cadre = CadreFactory(position_level=_level("DEPARTMENT_LOCAL"))
    for language, level in skills:
        LanguageSkillFactory(cadre=cadre, language=language, level=level)
    result = _run(rule_language_level, cadre, _course("MEDIUM", **course_kwargs))
    assert (result.code, result.outcome) == ("R2", outcome)
    assert words in result.message


def test_language_level_rule_does_not_apply_to_short_courses():
    assert _run(rule_language_level, CadreFactory(), _course("SHORT")) is None


@pytest.mark.parametrize(("uses", "outcome"), [(True, "pass"), (False, "fail")])
def test_language_course_needs_regular_use_of_a_language(uses, outcome):
    result = _run(rule_uses_language, CadreFactory(uses_foreign_language=uses), _course("LANGUAGE"))
    assert (result.code, result.outcome, result.source) == ("R3", outcome, "KL §2.4")


def test_language_use_result_shows_who_confirmed_it_and_when(agency_officer):
    """Issue 18 item 4: the R3 result names who confirmed the regular use, and when."""
    from apps.cadres.services import cadre_update

    cadre = CadreFactory(agency=agency_officer.agency)
    cadre = cadre_update(
        actor=agency_officer, cadre=cadre, version=cadre.version, uses_foreign_language=True
    )
    result = _run(rule_uses_language, cadre, _course("LANGUAGE"))
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert result.outcome == "pass"
    assert f"confirmed by {agency_officer.display_name} on {today}" in result.message
    with translation.override("vi"):
        assert f"xác nhận bởi {agency_officer.display_name} ngày {today}" in result.message


@pytest.mark.parametrize(
    ("retires", "outcome", "words"),
    [
        (datetime.date(2031, 1, 31), "pass", "Expected to retire in 01/2031"),
        (datetime.date(2028, 6, 30), "pass", "24 months after"),
        (datetime.date(2028, 5, 31), "warning", "under 2 years of service left"),
        (datetime.date(2027, 1, 31), "warning", "only 7 months"),
        (None, "warning", "No expected retirement date"),
    ],
)
def test_retirement_rule(retires, outcome, words, reference_data):
    cadre = CadreFactory(expected_retirement=retires)
    result = _run(rule_retirement, cadre, _course())
    assert (result.code, result.outcome) == ("R5", outcome)
    assert words in result.message
    name = "Thời gian công tác còn lại tối thiểu trước khi nghỉ hưu (năm)"
    assert result.source == f"KL §1; {name}: 2"


@pytest.mark.parametrize(
    ("earlier_form", "ended", "status", "outcome"),
    [
        ("SHORT", datetime.date(2024, 6, 14), "completed", "warning"),
        ("SHORT", datetime.date(2023, 6, 2), "completed", "warning"),
        ("SHORT", datetime.date(2023, 5, 31), "completed", "pass"),
        ("SHORT", datetime.date(2025, 1, 10), "withdrawn", "pass"),
        ("MEDIUM", datetime.date(2025, 1, 10), "completed", "pass"),
    ],
)
def test_same_form_rule(earlier_form, ended, status, outcome, reference_data):
    cadre = CadreFactory()
    earlier = CourseFactory(
        form=form(earlier_form), start=ended - datetime.timedelta(days=13), end=ended, code="OLD-1"
    )
    NominationFactory(cadre=cadre, course=earlier, status=status)
    result = _run(rule_same_form, cadre, _course())
    assert (result.code, result.outcome) == ("R6", outcome)
    if outcome == "warning":
        assert "course OLD-1 (" in result.message


@pytest.mark.parametrize(
    ("later_start", "status", "outcome", "words"),
    [
        (datetime.date(2026, 12, 17), "approved", "warning", "Already approved for"),
        (datetime.date(2029, 6, 1), "approved", "warning", "Already approved for"),
        (datetime.date(2029, 6, 2), "approved", "pass", "Has not attended"),
        (datetime.date(2026, 12, 17), "submitted", "pass", "Has not attended"),
        (datetime.date(2026, 12, 17), "waitlisted", "pass", "Has not attended"),
    ],
)
def test_same_form_rule_looks_forward_at_an_approved_later_course(
    later_start, status, outcome, words, reference_data
):
    """Issue 18 item 1: approved for K2026-015 (17/12/2026), nominated for K2026-013 (earlier
    in the same year): two short courses in one year must warn."""
    cadre = CadreFactory()
    later = CourseFactory(
        form=form("SHORT"),
        start=later_start,
        end=later_start + datetime.timedelta(days=13),
        code="K2026-015",
    )
    NominationFactory(cadre=cadre, course=later, status=status)
    result = _run(rule_same_form, cadre, _course())
    assert (result.code, result.outcome) == ("R6", outcome)
    assert words in result.message
    if outcome == "warning":
        assert "course K2026-015 (" in result.message


@pytest.mark.parametrize(
    ("other_start", "status", "outcome"),
    [
        (START + datetime.timedelta(days=5), "approved", "fail"),
        (START - datetime.timedelta(days=13), "submitted", "fail"),
        (START - datetime.timedelta(days=14), "approved", "pass"),
        (START + datetime.timedelta(days=5), "rejected", "pass"),
        (START + datetime.timedelta(days=14), "approved", "pass"),
    ],
)
def test_date_clash_rule(other_start, status, outcome, reference_data):
    cadre = CadreFactory()
    other = CourseFactory(
        start=other_start, end=other_start + datetime.timedelta(days=13), code="CLASH-1"
    )
    NominationFactory(cadre=cadre, course=other, status=status)
    result = _run(rule_date_clash, cadre, _course())
    assert (result.code, result.outcome) == ("R7", outcome)
    if outcome == "fail":
        assert "clash with course CLASH-1" in result.message
    assert result.source == "KL §3.2; Trùng thời gian với khóa học khác"


def test_rule_sources_read_as_sentences_never_codes(reference_data):
    """Issue 18 item 3: the setting's Vietnamese name and value and the clause, no code."""
    cadre = CadreFactory(expected_retirement=datetime.date(2027, 1, 31))
    earlier = CourseFactory(
        start=datetime.date(2025, 6, 1), end=datetime.date(2025, 6, 14), code="OLD-2"
    )
    NominationFactory(cadre=cadre, course=earlier, status="completed")
    [results] = evaluate([Candidate(cadre, _course(), cadre.agency)])
    sources = {result.code: result.source for result in results}
    assert sources["R6"] == "KL §1; Không tham gia cùng hình thức trong số năm gần đây: 3"
    with translation.override("vi"):
        messages = [result.message for result in results]
    for text in [*sources.values(), *messages]:
        assert not re.search(r"[a-z]+_[a-z_]+", text), text


def test_quota_rule_warns_when_no_plan_gives_a_quota():
    result = _run(rule_quota, CadreFactory(), _course())
    assert (result.code, result.outcome) == ("R8", "warning")
    assert "No quota of" in result.message


def _approved_plan(quotas: dict) -> None:
    form("SHORT")  # loads the programme's forms and content groups
    make_plan(
        year=START.year,
        by=UserFactory(),
        status=PlanStatus.APPROVED,
        capacity={"SHORT": 40},
        quotas={(agency, "SHORT"): places for agency, places in quotas.items()},
    )


def test_quota_rule_fails_when_the_quota_is_used(ministry):
    _approved_plan({ministry: 1})
    cadre = CadreFactory(agency=ministry)
    NominationFactory(cadre=CadreFactory(agency=ministry), course=_course(), status="approved")
    result = _run(rule_quota, cadre, _course())
    assert (result.code, result.outcome) == ("R8", "fail")
    assert "already used all 1" in result.message
    assert "(Approved plan of 2026, quota of Bộ Thử nghiệm: 1 places)" in result.message
    with translation.override("vi"):
        assert "Kế hoạch năm 2026 đã phê duyệt, chỉ tiêu của Bộ Thử nghiệm: 1" in result.message


def test_quota_rule_counts_a_not_completed_member_as_a_place_used(ministry):
    _approved_plan({ministry: 1})
    NominationFactory(cadre=CadreFactory(agency=ministry), course=_course(), status="not_completed")
    result = _run(rule_quota, CadreFactory(agency=ministry), _course())
    assert (result.outcome, result.params["used"]) == ("fail", 1)


def test_quota_rule_a_decentralised_course_uses_no_quota(ministry, other_agency):
    """Issue 8, bug 1: a place on a decentralised course (KL §2.5) never fills the plan's quota."""
    _approved_plan({ministry: 1})
    NominationFactory(
        cadre=CadreFactory(agency=ministry),
        course=_course(organiser=ministry),
        status="approved",
    )
    assert _run(rule_quota, CadreFactory(agency=ministry), _course(organiser=ministry)) is None
    result = _run(rule_quota, CadreFactory(agency=ministry), _course())
    assert (result.outcome, result.params["used"], result.params["quota"]) == ("pass", 0, 1)


def test_quota_rule_reads_the_unit_s_own_quota_first(ministry, ministry_unit):
    """Issue 8, bug 2: a unit with its own quota uses it, not its ministry's."""
    _approved_plan({ministry: 5, ministry_unit: 1})
    NominationFactory(cadre=CadreFactory(agency=ministry_unit), course=_course(), status="approved")
    result = _run(rule_quota, CadreFactory(agency=ministry_unit), _course())
    assert (result.outcome, result.params["agency"]) == ("fail", "Vụ Tổ chức cán bộ")
    assert (result.params["used"], result.params["quota"]) == (1, 1)
    result = _run(rule_quota, CadreFactory(agency=ministry), _course())
    assert (result.outcome, result.params["used"], result.params["quota"]) == ("pass", 0, 5)


def test_engine_combines_the_rules_and_the_worst_outcome_wins(reference_data, ministry):
    _approved_plan({ministry: 10})
    cadre = CadreFactory(
        agency=ministry,
        position_level=_level("DEPARTMENT_CENTRAL"),
        expected_retirement=datetime.date(2035, 1, 1),
    )
    course = _course()
    [results] = evaluate([Candidate(cadre, course, cadre.agency)])
    assert [(r.code, r.outcome) for r in results] == [
        ("R1", "pass"),
        ("R5", "pass"),
        ("R6", "pass"),
        ("R7", "pass"),
        ("R8", "pass"),
    ]
    assert overall(results) == "pass"
    cadre.expected_retirement = datetime.date(2027, 1, 1)
    [results] = evaluate([Candidate(cadre, course, cadre.agency)])
    assert overall(results) == "warning"
    cadre.position_level = _level("OTHER")
    [results] = evaluate([Candidate(cadre, course, cadre.agency)])
    assert overall(results) == "fail"


def test_engine_query_count_does_not_grow_with_the_number_of_candidates(reference_data):
    course = _course()
    cadres = [CadreFactory() for _ in range(12)]
    for cadre in cadres:
        LanguageSkillFactory(cadre=cadre)
    candidates = [Candidate(cadre, course, cadre.agency) for cadre in cadres]
    with CaptureQueriesContext(connection) as one:
        evaluate(candidates[:1])
    with CaptureQueriesContext(connection) as many:
        evaluate(candidates)
    assert len(many) == len(one)


def test_messages_are_rendered_in_the_reader_language():
    cadre = CadreFactory(
        position_level=_level("DEPARTMENT_LOCAL"), position_title="Phó Giám đốc Sở"
    )
    result = _run(rule_position_level, cadre, _course("SHORT"))
    with translation.override("vi"):
        message = result.message
    assert message == (
        "Chức vụ 'Phó Giám đốc Sở' (Lãnh đạo cấp sở ở địa phương) không thuộc đối tượng "
        "bồi dưỡng ngắn hạn (KL §2.4)"
    )


def _rule_messages() -> list[str]:
    """Every message of the rules, read from the module's gettext_noop calls."""
    import ast
    import inspect

    from apps.nominations import eligibility

    tree = ast.parse(inspect.getsource(eligibility))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "gettext_noop"
        and isinstance(node.args[0], ast.Constant)
    ]


@pytest.mark.parametrize("text", _rule_messages())
def test_every_rule_message_has_a_vietnamese_translation_with_the_same_placeholders(text):

    with translation.override("vi"):
        vietnamese = translation.gettext(text)
    assert vietnamese != text
    placeholders = re.compile(r"%\(\w+\)s")
    assert sorted(placeholders.findall(vietnamese)) == sorted(placeholders.findall(text))
