"""Every page every role opens reads in Vietnamese: no code, no setting key, no English.

Each persona opens every page of the permission matrix it may open (the same world of
records the matrix builds), in Vietnamese, and the visible text (what is between tags, plus the
title, placeholder, aria-label and alt a person reads) is searched for:

- a code of the programme's code lists (forms, position levels, rule keys, agenda kinds,
  modalities, from reference/programme.yaml) or of any model field's choices (statuses, kinds);
- a key of a structured setting (``base_months`` …);
- a Django or database message in English, or a sentence left in English (a msgid missing
  from the catalogue renders as its English source).

Attribute values a person never reads (``value="SHORT"`` of an option, URLs) are not searched.
"""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from apps.core.models import User
from apps.core.reference import read_reference_yaml
from apps.programme.settings_registry import SPECS, defaults

from .test_permission_matrix import EXPECTED, OK, world  # noqa: F401 - the matrix's world fixture

LOGGED_IN = ["steering_admin", "agency_officer", "finance_officer", "auditor", "participant"]
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
SKIPPED_TAGS = ("script", "style")

#: English a Vietnamese page never shows: Django's and the database's messages, and words of
#: an English sentence (a msgid the catalogue misses renders as its English source).
ENGLISH = re.compile(
    r"\b(?:This field|is required|Enter a valid|Ensure this value|already exists|"
    r"Constraint|is violated|does not exist|Not Found|Server Error|Forbidden|Traceback|"
    r"IntegrityError|ValidationError|None|True|False|"
    r"the|of|and|is|are|was|were|this|that|with|for|not|must|please|select|choose|"
    r"Add|Edit|Save|Cancel|Delete|Search|Filter|Export|History|Home|Log in|Log out|Page|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


class VisibleText(HTMLParser):
    """The text a person reads on a page, attribute by attribute and node by node."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


def _programme_codes() -> set[str]:
    data = read_reference_yaml()
    codes = set(data["rules"]) | set(SPECS)
    codes |= set(data["forms"])
    for form in data["forms"].values():
        codes |= {phase["code"] for phase in form.get("phases") or []}
    codes |= {level["code"] for level in data["position_levels"]}
    for key in ("agenda_item_kinds", "modalities"):
        codes |= {item for item in data.get(key) or [] if isinstance(item, str)}
    for params in (row.get("params") or {} for row in defaults().values()):
        for key, value in params.items():
            codes.add(key)
            if isinstance(value, dict):
                codes |= set(value)
    return codes


def _choice_codes() -> set[str]:
    codes = set()
    for model in apps.get_models():
        if not model.__module__.startswith("apps."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str):
                    codes.add(value)
    return codes


def _label_words() -> set[str]:
    """Words of the names people read (BCT in "Diện BCT, BBT quản lý"): never a finding."""
    data = read_reference_yaml()
    names = [level["short_name"] for level in data["position_levels"]]
    with translation.override("vi"):
        for model in apps.get_models():
            for field in model._meta.get_fields():
                names += [str(label) for _value, label in getattr(field, "flatchoices", []) or []]
    return {word for name in names for word in re.findall(r"[\w-]+", name)}


def codes_to_find() -> set[str]:
    # One- and two-letter codes (M/F, language codes) are too short to tell from text.
    return {
        code
        for code in _programme_codes() | _choice_codes()
        if len(code) >= 3 and code not in _label_words()
    }


def findings(html: str, pattern: re.Pattern) -> list[str]:
    found = []
    for part in visible_text(html):
        for match in pattern.finditer(part):
            found.append(f"{match.group(0)!r} in {part[:120]!r}")
    return found


def _pattern(codes: set[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(code) for code in sorted(codes, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@pytest.fixture
def in_vietnamese(settings):
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        yield


def pages_for(persona: str, world_records) -> list[str]:
    urls = []
    for name, (build, statuses) in sorted(EXPECTED.items()):
        if statuses[persona] != OK:
            continue
        url = reverse(name, kwargs=build(world_records) if build else None)
        if not url.startswith("/api/"):
            urls.append(url)
    return urls


@pytest.mark.parametrize("persona", LOGGED_IN)
def test_every_page_reads_in_vietnamese(persona, world, client_for, in_vietnamese):  # noqa: F811
    client = client_for(world[persona])
    # The test personas' usernames ("auditor") are not codes shown by mistake.
    usernames = {user.username for user in world.values() if isinstance(user, User)}
    codes = _pattern(codes_to_find() - usernames)
    problems = {}
    for url in pages_for(persona, world):
        response = client.get(url, follow=True)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        found = findings(html, codes) + findings(html, ENGLISH)
        if found:
            problems[url] = sorted(set(found))
    assert problems == {}, "\n".join(f"{url}: {found}" for url, found in problems.items())


def test_the_detector_finds_codes_and_english():
    html = (
        '<p title="SHORT">Hình thức</p><select><option value="TW_MANAGED">Diện BCT</option>'
        "</select><td>date_clash</td><td>base_months: 723</td><p>This field is required.</p>"
        "<script>var x = 'SHORT';</script>"
    )
    codes = _pattern(codes_to_find())
    assert [f.split(" in ")[0] for f in findings(html, codes)] == [
        "'SHORT'",
        "'date_clash'",
        "'base_months'",
    ]
    assert findings(html, ENGLISH)
    assert not findings("<p>Bồi dưỡng ngắn hạn — Diện BCT, BBT quản lý</p>", codes)


def test_refusals_read_in_vietnamese(world, client_for, in_vietnamese):  # noqa: F811
    """A page out of scope and forms sent empty answer in Vietnamese sentences."""
    codes = _pattern(codes_to_find())
    officer = client_for(world["agency_officer"])
    missing = officer.get(reverse("cadres:cadre_detail", kwargs={"pk": world["other_cadre"].pk}))
    assert missing.status_code == 404
    assert findings(missing.content.decode(), ENGLISH) == []
    admin = client_for(world["steering_admin"])
    problems = {}
    for name in ("courses:course_create", "cadres:cadre_create", "planning:call_create"):
        response = admin.post(reverse(name), {"capacity": "0"})
        html = response.content.decode()
        assert response.status_code == 200, name
        found = findings(html, codes) + findings(html, ENGLISH)
        if found:
            problems[name] = found
    assert problems == {}
