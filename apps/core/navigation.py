"""The main menu, assembled from the entries each app registers in its ``AppConfig.ready()``.

An entry names the permission of its app's policy that shows it (None: every signed-in user),
so the menu never names a role and core never imports the apps above it.
"""

from dataclasses import dataclass

from django.urls import reverse

from .permissions import may


@dataclass(frozen=True)
class NavEntry:
    order: int
    label: str
    url_name: str
    perm: str | None


_entries: list[NavEntry] = []


def register_nav(label, url_name: str, *, perm: str | None, order: int) -> None:
    if all(entry.url_name != url_name for entry in _entries):
        _entries.append(NavEntry(order, label, url_name, perm))
        _entries.sort(key=lambda entry: entry.order)


def nav_items(user, current_path: str) -> list[dict]:
    items = []
    for entry in _entries:
        if entry.perm is not None and not may(user, entry.perm):
            continue
        url = reverse(entry.url_name)
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": entry.label, "url": url, "active": active})
    return items
