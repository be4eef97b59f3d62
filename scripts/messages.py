"""Refresh the Vietnamese catalogues from the source and compile them.

    .venv/bin/python scripts/messages.py              # every catalogue
    .venv/bin/python scripts/messages.py --project    # only locale/vi (the project's)
    .venv/bin/python scripts/messages.py --app NAME   # only apps/NAME/locale/vi
    ... --no-compile                                  # refresh the .po files only

Apps created after the foundation keep their own catalogue in apps/<app>/locale/vi/ so that
several people can translate at once; everything else is in locale/vi/. Each catalogue is
refreshed on its own, so one person's run never rewrites another's file. tests/test_i18n.py
fails while any message is untranslated or fuzzy.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = ["var/*", "bench/*", "static/*", "tests/*", "*/tests/*", "scripts/*", "conftest.py"]


def app_catalogues() -> list[str]:
    return sorted(path.parent.name for path in ROOT.glob("apps/*/locale"))


def refresh(workdir: Path, ignore: list[str], *, compile_mo: bool) -> None:
    from django.core.management import call_command

    (workdir / "locale" / "vi" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    os.chdir(workdir)
    call_command(
        "makemessages",
        locale=["vi"],
        no_obsolete=True,
        no_location=True,
        ignore_patterns=ignore,
        verbosity=1,
    )
    if compile_mo:
        # Only this folder's catalogue: compilemessages would also visit LOCALE_PATHS.
        from django.core.management.commands.compilemessages import Command as Compile

        command = Compile()
        command.verbosity = 1
        command.has_errors = False
        command.exclude = []
        command.compile_messages([(str(workdir / "locale" / "vi" / "LC_MESSAGES"), "django.po")])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", help="refresh only apps/APP/locale")
    parser.add_argument("--project", action="store_true", help="refresh only locale/")
    parser.add_argument("--no-compile", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    compile_mo = not args.no_compile
    apps = [args.app] if args.app else ([] if args.project else app_catalogues())
    if not args.app:
        owned = [f"apps/{name}/*" for name in app_catalogues()]
        refresh(ROOT, IGNORE + owned, compile_mo=compile_mo)
    for name in apps:
        refresh(ROOT / "apps" / name, IGNORE, compile_mo=compile_mo)


if __name__ == "__main__":
    main()
