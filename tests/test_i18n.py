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
SOURCE = ["apps", "config", "locale", "scripts", "manage.py"]
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "tests", "static", "templates_docx")


def catalogues(root: Path) -> list[Path]:
    """The project catalogue and those of the apps that keep their own."""
    return sorted(root.glob("locale/vi/LC_MESSAGES/django.po")) + sorted(
        root.glob("apps/*/locale/vi/LC_MESSAGES/django.po")
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, polib.POFile]:
    """Every catalogue merged with what the source says today, in a scratch copy of the tree."""
    scratch = tmp_path_factory.mktemp("source")
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, scratch / name, ignore=SKIP)
        else:
            shutil.copy2(ROOT / name, scratch / name)
    env = {k: v for k, v in os.environ.items() if k not in {"DE165_LOCALE_DIR", "DATABASE_URL"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    subprocess.run(
        [sys.executable, "scripts/messages.py", "--no-compile"],
        cwd=scratch,
        env=env,
        check=True,
        capture_output=True,
    )
    return {str(path.relative_to(scratch)): polib.pofile(str(path)) for path in catalogues(scratch)}


def test_every_message_is_translated(extracted):
    missing = {
        name: [entry.msgid for entry in po.untranslated_entries()] for name, po in extracted.items()
    }
    assert {name: ids for name, ids in missing.items() if ids} == {}, (
        "run scripts/messages.py and translate"
    )


def test_no_message_is_fuzzy(extracted):
    fuzzy = {name: [entry.msgid for entry in po.fuzzy_entries()] for name, po in extracted.items()}
    assert {name: ids for name, ids in fuzzy.items() if ids} == {}


def test_placeholders_are_kept_in_translations(extracted):
    import re

    pattern = re.compile(r"%\((\w+)\)[sd]|\{\{ *(\w+) *\}\}")
    wrong = [
        (name, entry.msgid)
        for name, po in extracted.items()
        for entry in po.translated_entries()
        if sorted(pattern.findall(entry.msgid)) != sorted(pattern.findall(entry.msgstr))
        and not entry.msgid_plural
    ]
    assert wrong == []


@pytest.mark.parametrize("path", catalogues(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_the_source_catalogue(path):
    po = {e.msgid: e.msgstr for e in polib.pofile(str(path)).translated_entries() if e.msgstr}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(path.with_suffix(".mo"))) if e.msgstr}
    mo.pop("", None)
    assert po == mo, f"run scripts/messages.py to compile {path.with_suffix('.mo')}"


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
