"""Parts of a detail page that apps above the page's own app contribute.

A lower app may not import the apps built on it; it keeps a ``SectionRegistry`` and renders what
the providers registered there (by the higher apps, in their ``AppConfig.ready()``) return.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A titled part of a page: ``template`` is included with ``items`` and ``section``."""

    title: str
    template: str
    items: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


Provider = Callable[[Any, Any], Section | None]


class SectionRegistry:
    def __init__(self) -> None:
        self._providers: list[Provider] = []

    def register(self, provider: Provider) -> Provider:
        if provider not in self._providers:
            self._providers.append(provider)
        return provider

    def for_object(self, obj, user) -> list[Section]:
        """The sections of ``obj``'s page for ``user`` (a provider may return None: nothing)."""
        return [s for provider in self._providers if (s := provider(obj, user)) is not None]
