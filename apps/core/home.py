"""The home page is assembled from what the apps above core put on it.

Core cannot import the apps built on it, so each of them registers a provider in its
``AppConfig.ready()``. A provider takes the request's user and returns the items it shows them:
``StatCard`` (a count with a link; counts start from ``restrict``) or ``Panel`` (a rendered
fragment). Providers run in ``order``; one that has nothing for the user returns nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class StatCard:
    label: str
    value: int
    url_name: str


@dataclass(frozen=True)
class Panel:
    html: SafeString


HomeItem = StatCard | Panel
Provider = Callable[[object], Iterable[HomeItem]]

_providers: list[tuple[int, Provider]] = []


def register_home(provider: Provider, *, order: int) -> None:
    if all(existing is not provider for _order, existing in _providers):
        _providers.append((order, provider))
        _providers.sort(key=lambda entry: entry[0])


def home_items(*, user) -> list[HomeItem]:
    """Everything the registered apps show this user, stat cards first, then panels."""
    items = [item for _order, provider in _providers for item in provider(user)]
    cards = [item for item in items if isinstance(item, StatCard)]
    return cards + [item for item in items if isinstance(item, Panel)]
