"""Test settings: fast hashing, tasks run immediately, DATABASE_URL respected."""

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "apps.demo"]  # noqa: F405 - tests run the demo generators
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = True
MEDIA_ROOT = BASE_DIR / "var" / "test-uploads"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests read messages in the English source; tests/test_i18n.py checks the Vietnamese catalogue
# and that pages render in Vietnamese by default.
LANGUAGE_CODE = "en"
