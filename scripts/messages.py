"""Refresh the Vietnamese catalogue from the source and compile it.

    .venv/bin/python scripts/messages.py

Runs makemessages (Python and templates) and compilemessages; tests/test_i18n.py fails while any
message is untranslated or fuzzy.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = ["var/*", "bench/*", "static/*", "tests/*", "*/tests/*", "scripts/*", "conftest.py"]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    call_command(
        "makemessages",
        locale=["vi"],
        no_obsolete=True,
        no_location=True,
        ignore_patterns=IGNORE,
        verbosity=1,
    )
    if "--no-compile" not in sys.argv:
        call_command("compilemessages", "--locale", "vi", verbosity=1)


if __name__ == "__main__":
    main()
