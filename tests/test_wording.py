"""One way of saying each thing in the Vietnamese catalogues (issue 10, consistency)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(ROOT.glob("locale/vi/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("apps/*/locale/vi/LC_MESSAGES/django.po")
)


def translations(path: Path):
    for entry in polib.pofile(str(path)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        yield entry.msgid, " ".join(text for text in texts if text)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_users_are_addressed_as_dong_chi(path):
    assert [text for _msgid, text in translations(path) if re.search(r"\bbạn\b", text, re.I)] == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_course_is_a_lop_never_a_khoa(path):
    wrong = [
        text
        for msgid, text in translations(path)
        if re.search(r"\bcourses?\b", msgid, re.I) and re.search(r"\bkhóa\b", text, re.I)
    ]
    assert wrong == []
