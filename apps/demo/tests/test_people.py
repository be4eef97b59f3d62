"""Names, their variants and identifiers, as every generator makes them."""

import datetime
import random

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from apps.core.text import normalize_vi
from apps.demo import people
from apps.demo.generators import generators


def similarity(first: str, second: str) -> float:
    """How alike two search keys are, whether a letter or the word order changed."""
    return max(fuzz.ratio(first, second), fuzz.token_sort_ratio(first, second))


def test_strip_diacritics_keeps_case_and_turns_d_bar_into_d():
    assert people.strip_diacritics("Đặng Thị Ánh Tuyết") == "Dang Thi Anh Tuyet"


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["M", "F"]))
def test_a_name_variant_differs_but_stays_recognisable(seed, gender):
    rng = random.Random(seed)
    name = people.person_name(rng, gender)
    variant = people.name_variant(rng, name)
    assert variant != name
    assert similarity(normalize_vi(name), normalize_vi(variant)) >= 75


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["M", "F"]))
def test_a_name_variant_keeps_its_diacritics(seed, gender):
    """Issue 18 item 13: registry names keep their diacritics, near-duplicates included."""
    rng = random.Random(seed)
    name = people.person_name(rng, gender)
    variant = people.name_variant(rng, name)
    assert people.strip_diacritics(name) not in (variant, " ".join(variant.split()[::-1]))


def test_tone_placement_is_one_of_the_variants():
    assert people._swap_tone_placement("Thủy") == "Thuỷ"
    assert people._swap_tone_placement("Hoà") == "Hòa"
    assert people._swap_tone_placement("Toàn") is None


def test_minority_names_follow_their_own_patterns():
    rng = random.Random(1)
    assert people.person_name(rng, "F", "Ê Đê").startswith("H'")
    assert people.person_name(rng, "M", "Ê Đê").startswith("Y ")
    assert people.person_name(rng, "M", "H'Mông").split()[0] in {
        "Giàng", "Sùng", "Vàng", "Thào", "Hạng", "Mùa"
    }  # fmt: skip


def test_national_ids_encode_province_gender_century_and_year():
    taken: set[str] = set()
    rng = random.Random(2)
    male = people.national_id(
        rng, province_code=1, gender="M", born=datetime.date(1975, 4, 30), taken=taken
    )
    female = people.national_id(
        rng, province_code=79, gender="F", born=datetime.date(2001, 1, 2), taken=taken
    )
    assert male.startswith("001075")
    assert female.startswith("079301")
    assert taken == {male, female}


def test_generators_run_in_order_reference_agencies_cadres():
    names = [generator.name for generator in generators()]
    assert names[:3] == ["reference", "agencies", "cadres"]
