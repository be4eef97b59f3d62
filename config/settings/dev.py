"""Development and demo settings: embedded SQLite by default, DEBUG only when asked.

The demo runs with DEBUG off so that it shows the Vietnamese 403/404/500 pages, never Django's
technical page (URL patterns, settings); `DEBUG=1` turns it on for development.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_list

INSTALLED_APPS = [*INSTALLED_APPS, "apps.demo"]  # noqa: F405 - demo data and demo logins
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# The demo logs in without an authenticator app unless DE165_REQUIRE_2FA=1 is set.
DE165_REQUIRE_2FA = env_bool("DE165_REQUIRE_2FA", default=False)
