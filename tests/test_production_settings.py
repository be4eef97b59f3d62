"""Production settings as an operator starts them: no switch turns 2FA off, no demo app."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_production(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "ALLOWED_HOSTS": "de165.example",
        "DE165_REQUIRE_2FA": "0",  # an attempt to switch the second factor off
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, this interpreter
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_production_ignores_the_variable_that_would_turn_2fa_off_and_has_no_demo_app():
    result = run_production(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DE165_REQUIRE_2FA, 'apps.demo' in settings.INSTALLED_APPS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_create_demo_users_cannot_run_with_production_settings():
    result = run_production("manage.py", "create_demo_users")
    assert result.returncode != 0
    assert "Unknown command: 'create_demo_users'" in result.stderr
