"""The generated data set is realistic: a coherent agency tree and plausible cadres."""

import datetime
import itertools
import re
from collections import Counter

import pytest

from apps.agencies.choices import AgencyKind
from apps.agencies.models import Agency
from apps.cadres.models import Cadre, LanguageSkill, PositionHistory
from apps.cadres.retirement import expected_retirement
from apps.cadres.services import retirement_roadmap
from apps.core.text import normalize_vi
from apps.delegations.models import Delegation
from apps.delegations.selectors import formation_rules
from apps.demo.generators import REFERENCE_DATE

from .conftest import DEMO_CADRES
from .test_people import similarity

pytestmark = pytest.mark.django_db

UNIT_CODE = re.compile(r"^(?P<parent>.+)_(TC|C|V|S|D)\d{2}$")
CENTRAL_UNIT_KINDS = {"tong_cuc", "cuc", "vu", "don_vi"}
LOCAL_UNIT_KINDS = {"so", "don_vi"}


@pytest.fixture
def cadres(demo):
    return list(Cadre.objects.select_related("agency", "position_level", "work_field"))


def _root(agency: Agency, agencies: dict[int, Agency]) -> Agency:
    return agencies[int(agency.path.split("/")[0])]


def test_it_makes_the_requested_cadres_with_their_history_and_languages(demo, cadres):
    assert len(cadres) == DEMO_CADRES
    assert demo.stats["cadres"] == DEMO_CADRES
    assert demo.stats["positions"] == PositionHistory.objects.count() >= DEMO_CADRES
    assert demo.stats["languages"] == LanguageSkill.objects.count() > 0


def test_the_agency_tree_has_about_1500_nodes(demo):
    assert 1400 <= Agency.objects.count() <= 1600
    assert demo.stats["agencies"] == Agency.objects.count()


def test_every_unit_sits_below_its_parent_with_path_depth_and_sphere_derived(demo):
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    units = [agency for agency in agencies.values() if agency.parent_id]
    assert len(units) > 1300
    for unit in units:
        parent = agencies[unit.parent_id]
        assert unit.path == f"{parent.path}{unit.pk:06d}/"
        assert unit.depth == parent.depth + 1
        assert unit.is_central == parent.is_central
        assert unit.search_key == normalize_vi(f"{unit.code} {unit.name} {unit.short_name}")


def test_units_have_kinds_and_codes_fitting_their_root(demo):
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    for unit in (agency for agency in agencies.values() if agency.parent_id):
        assert UNIT_CODE.match(unit.code).group("parent") == agencies[unit.parent_id].code
        expected = CENTRAL_UNIT_KINDS if unit.is_central else LOCAL_UNIT_KINDS
        assert unit.kind in expected, unit
    ministry_units = set(Agency.objects.filter(parent__code="BNV").values_list("name", flat=True))
    assert {"Vụ Tổ chức cán bộ", "Vụ Hợp tác quốc tế"} <= ministry_units
    hanoi = set(Agency.objects.filter(parent__code="HNI").values_list("name", flat=True))
    assert {"Sở Tài chính thành phố Hà Nội", "Sở Ngoại vụ thành phố Hà Nội"} <= hanoi
    assert "Ban Tổ chức Thành ủy Hà Nội" in hanoi
    assert Agency.objects.filter(kind=AgencyKind.GENERAL_DEPARTMENT, depth=1).exists()
    assert Agency.objects.filter(depth=2).exists()


def test_national_ids_are_unique_12_digits_shaped_like_a_cccd(cadres):
    ids = [cadre.national_id for cadre in cadres]
    assert len(set(ids)) == len(ids)
    for cadre in cadres:
        assert re.fullmatch(r"\d{12}", cadre.national_id)
        assert 1 <= int(cadre.national_id[:3]) <= 96
        assert cadre.national_id[3] == ("1" if cadre.gender == "F" else "0")
        assert cadre.national_id[4:6] == f"{cadre.date_of_birth.year % 100:02d}"


def test_passports_are_unique_and_held_by_about_forty_percent(cadres):
    passports = [cadre.passport_number for cadre in cadres if cadre.passport_number]
    assert len(set(passports)) == len(passports)
    assert all(re.fullmatch(r"[BC]\d{7}", number) for number in passports)
    assert 0.25 < len(passports) / len(cadres) < 0.55


def test_ages_fit_a_working_life_and_retirement_is_computed(cadres):
    roadmap = retirement_roadmap()
    for cadre in cadres:
        age = (REFERENCE_DATE - cadre.date_of_birth).days / 365.2425
        assert 29 <= age <= 62.5
        assert cadre.expected_retirement > REFERENCE_DATE
        assert cadre.expected_retirement == expected_retirement(
            cadre.date_of_birth, cadre.gender, roadmap
        )
        assert cadre.search_key == normalize_vi(cadre.full_name)


def test_leaders_are_mostly_men_and_senior_leaders_are_few(cadres):
    levels = Counter(cadre.position_level.code for cadre in cadres)
    assert levels["TW_MANAGED"] < 0.06 * len(cadres)
    assert all(levels[code] for code in ("PROVINCIAL_STANDING", "DEPARTMENT_CENTRAL", "OTHER"))
    leaders = [cadre for cadre in cadres if cadre.position_level.code != "OTHER"]
    women = sum(cadre.gender == "F" for cadre in leaders) / len(leaders)
    assert 0.15 < women < 0.45


def _level_fits(level: str, agency: Agency, agencies: dict[int, Agency]) -> bool:
    root = _root(agency, agencies)
    if level == "DEPARTMENT_CENTRAL":
        return agency.is_central
    if level == "DEPARTMENT_LOCAL":
        return not agency.is_central
    if level == "PROVINCIAL_STANDING":
        return not agency.is_central or root.kind == AgencyKind.PARTY_COMMITTEE
    return True


def test_position_levels_fit_central_or_local_agencies(demo, cadres):
    agencies = {agency.pk: agency for agency in Agency.objects.all()}
    for cadre in cadres:
        level = cadre.position_level.code
        assert _level_fits(level, cadre.agency, agencies), (cadre.position_title, cadre.agency)
        if level == "TW_MANAGED":
            assert cadre.management_category in {"BCT", "BBT"}
        else:
            assert cadre.management_category == "OTHER"
    rows = PositionHistory.objects.select_related("position_level")
    for row in rows:
        assert _level_fits(row.position_level.code, agencies[row.agency_id], agencies), row


def test_position_history_is_ordered_without_overlaps_and_ends_in_the_current_post(cadres):
    rows_by_cadre: dict[int, list[PositionHistory]] = {}
    for row in PositionHistory.objects.order_by("start"):
        rows_by_cadre.setdefault(row.cadre_id, []).append(row)
    for cadre in cadres:
        rows = rows_by_cadre[cadre.pk]
        assert 1 <= len(rows) <= 4
        current = rows[-1]
        assert current.end is None
        assert (current.start, current.agency_id) == (cadre.appointed_on, cadre.agency_id)
        assert current.position_title == cadre.position_title
        assert current.position_level_id == cadre.position_level_id
        for earlier, later in itertools.pairwise(rows):
            assert earlier.start <= earlier.end < later.start
            assert later.start - earlier.end == datetime.timedelta(days=1)
        assert rows[0].start >= cadre.date_of_birth + datetime.timedelta(days=18 * 365)
        assert current.start <= REFERENCE_DATE


def test_names_are_vietnamese_and_keep_their_diacritics(cadres):
    surnames = Counter(cadre.full_name.split()[0] for cadre in cadres)
    assert surnames.most_common(1)[0][0] == "Nguyễn"
    assert 0.25 < surnames["Nguyễn"] / len(cadres) < 0.5
    unaccented = {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Van", "Thi", "Duc"}
    assert not [c.full_name for c in cadres if unaccented & set(c.full_name.split())]
    assert all(len(cadre.full_name.split()) >= 2 for cadre in cadres)


def test_provincial_vice_chairs_are_standing_members_only_when_they_sit_on_the_committee(cadres):
    """Issue 18 item 13: a vice-chair of a provincial People's Committee or Council is
    PROVINCIAL_STANDING only as a member of the standing committee."""
    councils = ("Ủy ban nhân dân", "Hội đồng nhân dân")
    vice_chairs = [
        c
        for c in cadres
        if c.position_title.startswith("Phó Chủ tịch")
        and any(council in c.position_title for council in councils)
    ]
    assert vice_chairs
    for cadre in vice_chairs:
        on_committee = "Ban Thường vụ" in cadre.party_position
        standing = cadre.position_level.code == "PROVINCIAL_STANDING"
        assert standing == on_committee, (cadre.position_title, cadre.party_position)


def test_most_cadres_are_kinh_with_realistic_minorities(cadres):
    ethnicities = Counter(cadre.ethnicity for cadre in cadres)
    assert ethnicities["Kinh"] > 0.75 * len(cadres)
    assert len(ethnicities) >= 3


def test_near_duplicates_are_the_same_person_written_differently(demo):
    pairs = demo.shared["cadres"]["near_duplicates"]
    assert len(pairs) == round(DEMO_CADRES * 0.01)
    assert demo.stats["near-duplicate records"] == len(pairs)
    by_id = Cadre.objects.in_bulk([nid for pair in pairs for nid in pair], field_name="national_id")
    for original_id, duplicate_id in pairs:
        original, duplicate = by_id[original_id], by_id[duplicate_id]
        assert original.pk != duplicate.pk
        assert original.full_name != duplicate.full_name
        score = similarity(original.search_key, duplicate.search_key)
        assert score >= 75, (original.full_name, duplicate.full_name)
        assert original.gender == duplicate.gender
        assert abs((original.date_of_birth - duplicate.date_of_birth).days) <= 366


def test_languages_are_mostly_english_at_b1_b2(cadres):
    skills = list(LanguageSkill.objects.all())
    english = [skill for skill in skills if skill.language == "en"]
    assert 0.4 < len(english) / len(cadres) < 0.8
    levels = Counter(skill.level for skill in english)
    assert levels["B1"] + levels["B2"] > len(english) / 2
    assert {skill.language for skill in skills} - {"en"}
    per_cadre = Counter(skill.cadre_id for skill in skills)
    assert max(per_cadre.values()) <= 3
    assert any(cadre.uses_foreign_language for cadre in cadres)


def test_work_fields_follow_the_unit(demo, cadres):
    index = demo.shared["agencies"]
    planned = {unit.pk: unit for unit in index.units}
    in_units = [cadre for cadre in cadres if cadre.agency_id in planned]
    same_field = sum(cadre.work_field.code == planned[cadre.agency_id].field for cadre in in_units)
    assert same_field > 0.7 * len(in_units)
    international = [unit for unit in index.units if unit.name == "Vụ Hợp tác quốc tế"]
    assert international
    assert all(unit.field == "DN" for unit in international)


def test_party_dates_and_degrees_are_plausible(cadres):
    for cadre in cadres:
        if cadre.party_joined_on:
            assert cadre.date_of_birth < cadre.party_joined_on <= REFERENCE_DATE
        if cadre.party_official_on:
            assert cadre.party_official_on == cadre.party_joined_on + datetime.timedelta(days=365)
        if cadre.academic_title:
            assert cadre.degree == "TS"
    leaders = [cadre for cadre in cadres if cadre.position_level.code == "TW_MANAGED"]
    assert all(cadre.party_joined_on for cadre in leaders)
    assert all(cadre.political_theory in {"cao_cap", "cu_nhan"} for cadre in leaders)


# --- as the services would make it (issue 18 item 13) --------------------------------------------


def test_a_topic_belongs_to_its_content_group(demo):
    from apps.courses.models import Course
    from apps.demo.generators.planning import LANGUAGE_GROUP, LANGUAGE_TOPIC, TOPICS

    for course in Course.objects.select_related("content_group", "form"):
        if course.organiser_id:
            assert course.content_group.code == 1, course.title  # local governance
        elif course.form.code == "LANGUAGE":
            assert (course.title, course.content_group.code) == (LANGUAGE_TOPIC, LANGUAGE_GROUP)
        else:
            assert course.title in TOPICS[course.content_group.code], course.title


def test_no_course_taught_in_english_at_a_school_that_does_not_teach_in_english(demo):
    from apps.courses.models import Course

    taught = Course.objects.exclude(language="").select_related("partner")
    assert taught.exists()
    assert not taught.filter(partner__country__in=("Pháp", "Đức")).exists()


def test_a_course_of_a_former_province_is_dated_before_its_merger(demo):
    from apps.courses.models import Course

    for course in Course.objects.filter(organiser__isnull=False).select_related("organiser"):
        organiser = course.organiser
        if organiser.merged_on:
            assert course.start < organiser.merged_on, (course.code, organiser.name)
        formed = Agency.objects.filter(successor=organiser).values_list("merged_on", flat=True)
        assert all(course.start >= day for day in formed), (course.code, organiser.name)


def test_no_failing_nomination_was_ever_submitted_without_an_override(demo):
    from apps.nominations.models import Nomination, NominationTransition

    failing = Nomination.objects.filter(outcome="fail", override_by__isnull=True)
    assert failing.exists()
    submitted = NominationTransition.objects.filter(nomination__in=failing, to_status="submitted")
    assert not submitted.exists()


def test_nominations_are_stamped_when_they_happened(demo):
    from apps.nominations.models import Nomination, NominationTransition

    for nomination in Nomination.objects.select_related("course"):
        created = nomination.created_at.date()
        assert created <= nomination.course.start, nomination.course.code
        assert (nomination.course.start - created).days <= 120, nomination.course.code
    for transition in NominationTransition.objects.filter(to_status="completed").select_related(
        "nomination__course"
    ):
        assert transition.at.date() == transition.nomination.course.end


def test_short_courses_travel_in_confirmed_delegations_with_a_head(demo):
    rules = formation_rules()
    delegations = list(Delegation.objects.prefetch_related("members__nomination"))
    for delegation in delegations:
        members = {m.nomination.cadre_id for m in delegation.members.all()}
        assert rules.min_size <= len(members) <= rules.max_size
        assert delegation.head_id in members
        assert delegation.status in {"confirmed", "returned"}
        assert (delegation.status == "returned") == (delegation.course.end < REFERENCE_DATE)
