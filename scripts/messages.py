"""Refresh the Vietnamese catalogues from the source and compile them.

    .venv/bin/python scripts/messages.py              # every catalogue (project + apps)
    .venv/bin/python scripts/messages.py --app NAME   # only apps/NAME/locale (apps that own one)
    ... --no-compile                                  # refresh the .po files only

Apps created after the foundation keep their own catalogue in apps/<app>/locale/vi/ so that
several people can translate at once; everything else is in locale/vi/. tests/test_i18n.py
fails while any message is untranslated or fuzzy.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = ["var/*", "bench/*", "static/*", "tests/*", "*/tests/*", "scripts/*", "conftest.py"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", help="refresh only apps/APP/locale")
    parser.add_argument("--no-compile", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    workdir = ROOT / "apps" / args.app if args.app else ROOT
    (workdir / "locale" / "vi" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    os.chdir(workdir)
    call_command(
        "makemessages",
        locale=["vi"],
        no_obsolete=True,
        no_location=True,
        ignore_patterns=IGNORE,
        verbosity=1,
    )
    if not args.no_compile:
        call_command("compilemessages", locale=["vi"], verbosity=1)


if __name__ == "__main__":
    main()
