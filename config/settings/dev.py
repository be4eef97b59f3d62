"""Development and demo settings: DEBUG on, embedded SQLite by default."""

from .base import *  # noqa: F403
from .env import env_bool, env_list

DEBUG = True
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# The demo logs in without an authenticator app unless DE165_REQUIRE_2FA=1 is set.
DE165_REQUIRE_2FA = env_bool("DE165_REQUIRE_2FA", default=False)
