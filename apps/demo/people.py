"""Making people up: Vietnamese names, the ways they get misspelt, citizen ID numbers.

Shared by every generator that needs a person (cadres now; other programmes' participant lists
and the overlap benchmarks later), so a name's noise is made the same way everywhere.
"""

import bisect
import datetime
import itertools
import random
import unicodedata
from collections.abc import Sequence
from typing import Generic, TypeVar

from . import vocab

T = TypeVar("T")


class Weighted(Generic[T]):
    """A fixed weighted choice; ``pick`` costs one random number and a bisection."""

    __slots__ = ("_cumulative", "_total", "values")

    def __init__(self, pairs: Sequence[tuple[T, float]]):
        self.values = [value for value, _weight in pairs]
        self._cumulative = list(itertools.accumulate(weight for _value, weight in pairs))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self._cumulative, rng.random() * self._total)
        return self.values[min(index, len(self.values) - 1)]


SURNAMES = Weighted(vocab.SURNAMES)
MIDDLE_MALE = Weighted(vocab.MIDDLE_NAMES_MALE)
MIDDLE_FEMALE = Weighted(vocab.MIDDLE_NAMES_FEMALE)
ETHNIC_SURNAMES = {
    ethnicity: Weighted(spec["surnames"]) for ethnicity, spec in vocab.ETHNIC_NAMES.items()
}


def person_name(rng: random.Random, gender: str, ethnicity: str = "Kinh") -> str:
    """A full name as it would be written on a personnel form."""
    spec = vocab.ETHNIC_NAMES.get(ethnicity)
    style = spec["style"] if spec else "kinh"
    female = gender == "F"
    if style == "ede":
        given = rng.choice(spec["given_female" if female else "given_male"])
        prefix = "H'" if female else "Y "
        return f"{prefix}{given} {ETHNIC_SURNAMES[ethnicity].pick(rng)}"
    if style == "surname_given":
        given = rng.choice(spec["given_female" if female else "given_male"])
        return f"{ETHNIC_SURNAMES[ethnicity].pick(rng)} {given}"
    if style == "hmong":
        middle = rng.choice(spec["middle_female" if female else "middle_male"])
        given = rng.choice(spec["given_female" if female else "given_male"])
        return f"{ETHNIC_SURNAMES[ethnicity].pick(rng)} {middle} {given}"
    surname = ETHNIC_SURNAMES[ethnicity].pick(rng) if spec else SURNAMES.pick(rng)
    if female:
        middle = MIDDLE_FEMALE.pick(rng)
        if middle == "Thị" and rng.random() < 0.2:
            middle = f"Thị {rng.choice(vocab.SECOND_MIDDLE_FEMALE)}"
        given = rng.choice(vocab.GIVEN_NAMES_FEMALE)
    else:
        middle = MIDDLE_MALE.pick(rng)
        given = rng.choice(vocab.GIVEN_NAMES_MALE)
    if middle.endswith(given):  # "Nguyễn Thị Thu Thu"
        given = rng.choice(vocab.GIVEN_NAMES_FEMALE if female else vocab.GIVEN_NAMES_MALE)
    return f"{surname} {middle} {given}"


def strip_diacritics(text: str) -> str:
    """'Nguyễn Văn Đức' → 'Nguyen Van Duc': how names arrive in other programmes' participant
    lists from systems without Vietnamese (never in the cadre registry)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


#: Old and new tone placement on open syllables ("Hòa" / "Hoà", "Thủy" / "Thuỷ").
_TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
_TONE_PLACEMENT.update({new: old for old, new in list(_TONE_PLACEMENT.items())})

#: Letters typed in place of one another (keyboard neighbours, i/y, s/x, d/gi).
_CONFUSABLE = {
    "i": "y", "y": "i", "s": "x", "x": "s", "n": "m", "m": "n", "u": "ư", "ư": "u",
    "o": "ô", "ô": "ơ", "ơ": "o", "a": "ă", "ă": "â", "â": "a", "e": "ê", "ê": "e",
}  # fmt: skip


def _swap_tone_placement(word: str) -> str | None:
    lower = word.lower()
    for pair, other in _TONE_PLACEMENT.items():
        if lower.endswith(pair):
            return word[: -len(pair)] + (other if word[-1].islower() else other.upper())
    return None


def _misspell_word(rng: random.Random, word: str) -> str:
    swapped = _swap_tone_placement(word)
    if swapped and rng.random() < 0.7:
        return swapped
    letters = list(word)
    positions = [i for i, ch in enumerate(letters) if i > 0 and ch in _CONFUSABLE]
    operation = rng.random()
    if positions and operation < 0.5:
        i = rng.choice(positions)
        letters[i] = _CONFUSABLE[letters[i]]
    elif len(letters) > 3 and operation < 0.75:
        del letters[rng.randrange(1, len(letters))]
    elif len(letters) > 2:
        i = rng.randrange(1, len(letters))
        letters.insert(i, letters[i])  # a key pressed twice
    else:
        letters.append(letters[-1])  # a short word: its last key pressed twice
    return "".join(letters)


def name_variant(rng: random.Random, name: str) -> str:
    """The same person's name as another clerk wrote it: a typo or a reordering. Registry names
    keep their diacritics; names without them come from other programmes' lists.

    The variant always differs from ``name`` and stays recognisable to a person reading both.
    """
    words = name.split()
    for _attempt in range(5):
        kind = rng.random()
        if kind < 0.60:  # a typo or the other tone placement in one word (not the surname)
            index = rng.randrange(1, len(words)) if len(words) > 1 else 0
            variant = [*words[:index], _misspell_word(rng, words[index]), *words[index + 1 :]]
        elif kind < 0.75 and len(words) >= 4:  # a second middle name left out
            variant = [words[0], *words[2:]]
        elif kind < 0.85 and len(words) >= 3:  # given and middle names first, surname last
            variant = [*words[1:], words[0]]
        elif len(words) >= 4:  # two middle names swapped
            variant = [words[0], words[2], words[1], *words[3:]]
        else:
            variant = [*words[:-1], _misspell_word(rng, words[-1])]
        result = " ".join(variant)
        if result != name:
            return result
    return f"{name}{name[-1]}"  # the last key pressed twice


def national_id(
    rng: random.Random, *, province_code: int, gender: str, born: datetime.date, taken: set[str]
) -> str:
    """A 12-digit citizen ID shaped like a real CCCD, unique within ``taken`` (updated).

    Digits 1–3: province of birth registration; 4: gender and century (0/1 male/female born in
    the 1900s, 2/3 in the 2000s); 5–6: year of birth; 7–12: a random serial.
    """
    century = 0 if born.year < 2000 else 2
    prefix = f"{province_code:03d}{century + (gender == 'F')}{born.year % 100:02d}"
    while True:
        candidate = f"{prefix}{rng.randrange(1_000_000):06d}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def passport_number(rng: random.Random, *, official: bool, taken: set[str]) -> str:
    """'B1234567' (official passport, hộ chiếu công vụ) or 'C1234567' (ordinary), unique."""
    letter = "B" if official else "C"
    while True:
        candidate = f"{letter}{rng.randrange(10_000_000):07d}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate
