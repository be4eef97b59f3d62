"""The Vietnamese catalogue is complete: every message of the source is translated, none fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> polib.POFile:
    """The committed catalogue merged with what the source says today (in a scratch copy)."""
    scratch = tmp_path_factory.mktemp("locale")
    shutil.copytree(ROOT / "locale", scratch, dirs_exist_ok=True)
    env = {
        **os.environ,
        "DE165_LOCALE_DIR": str(scratch),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    subprocess.run(
        [sys.executable, "scripts/messages.py", "--no-compile"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(scratch / "vi" / "LC_MESSAGES" / "django.po"))


def test_every_message_is_translated(extracted):
    missing = [entry.msgid for entry in extracted.untranslated_entries()]
    assert missing == [], f"{len(missing)} untranslated: run scripts/messages.py and translate"


def test_no_message_is_fuzzy(extracted):
    fuzzy = [entry.msgid for entry in extracted.fuzzy_entries()]
    assert fuzzy == []


def test_placeholders_are_kept_in_translations(extracted):
    import re

    pattern = re.compile(r"%\((\w+)\)[sd]|\{\{ *(\w+) *\}\}")
    wrong = [
        entry.msgid
        for entry in extracted.translated_entries()
        if sorted(pattern.findall(entry.msgid)) != sorted(pattern.findall(entry.msgstr))
        and not entry.msgid_plural
    ]
    assert wrong == []


def test_compiled_catalogue_matches_the_source_catalogue():
    po = {e.msgid: e.msgstr for e in polib.pofile(str(PO)).translated_entries() if e.msgstr}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(MO)) if e.msgid and e.msgstr}
    assert po == mo, "run scripts/messages.py to compile locale/vi/LC_MESSAGES/django.mo"


def test_vietnamese_is_the_default_language():
    # config.settings.test switches tests to the English source; every real environment is "vi".
    from config.settings import base

    assert base.LANGUAGE_CODE == "vi"
    with translation.override("vi"):
        assert translation.gettext("Cadres") != "Cadres"


@pytest.mark.django_db
def test_pages_render_in_vietnamese_by_default(settings, client_for, agency_officer):
    settings.LANGUAGE_CODE = "vi"
    response = client_for(agency_officer).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/cadres/">Cán bộ</a>' in html
    assert "Cadres" not in html
