"""Reference data: each app loads its own part of ``reference/``, creating only what is missing.

Core cannot import the apps built on it, so each registers its loader in ``AppConfig.ready()``;
``seed_reference_data`` and the demo run them in ``order``. A loader receives the data of
``reference/programme.yaml`` (settings and dates such as the 2025 agency merger) and returns a
short summary of what it created.
"""

from collections.abc import Callable
from pathlib import Path

import yaml
from django.conf import settings

Loader = Callable[[dict], str]

_loaders: list[tuple[int, Loader]] = []


def register_reference_loader(loader: Loader, *, order: int) -> None:
    if all(existing is not loader for _order, existing in _loaders):
        _loaders.append((order, loader))
        _loaders.sort(key=lambda entry: entry[0])


def read_reference_yaml(path: Path | None = None) -> dict:
    path = path or settings.REFERENCE_DIR / "programme.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_reference_data() -> list[str]:
    """Run every registered loader on the reference data; one summary per loader."""
    data = read_reference_yaml()
    return [loader(data) for _order, loader in _loaders]
