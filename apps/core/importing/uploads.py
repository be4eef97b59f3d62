"""Uploaded files waiting for their job: stored under MEDIA_ROOT/imports/ with a random name.

The stored name is ours, never the user's, so it cannot escape the directory; the directory is
outside the web root and no URL serves it. A job deletes its file when it finishes, whatever
the outcome (the file holds personal data).
"""

import os
import uuid
from pathlib import Path

from django.conf import settings

IMPORT_DIR = "imports"


def import_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / IMPORT_DIR


def upload_store(chunks) -> str:
    """Write an uploaded file under MEDIA_ROOT/imports/ with a random name; return its name."""
    directory = import_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{uuid.uuid4().hex}.xlsx"
    descriptor = os.open(directory / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    return f"{IMPORT_DIR}/{name}"


def upload_path(stored: str) -> Path:
    """The absolute path of a stored upload, refusing anything outside the imports directory."""
    directory = import_dir().resolve()
    path = (Path(settings.MEDIA_ROOT) / stored).resolve()
    if path.parent != directory:
        raise ValueError(f"Not an import file: {stored}")
    return path


def upload_delete(stored: str) -> None:
    """Remove a stored upload once its job is finished (it holds personal data)."""
    if stored:
        upload_path(stored).unlink(missing_ok=True)
