"""What apps above ``partners`` show on a partner's or an expert's page.

``partners`` may not import the apps that use it (courses, …). They register a provider in their
``AppConfig.ready()``; the detail pages render what each provider returns for the user.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A titled part of a detail page: ``template`` is included with ``items``."""

    title: str
    template: str
    items: list[Any] = field(default_factory=list)


#: (partner, user) -> Section, and (expert, user) -> Section
PARTNER_SECTIONS: list[Callable[..., Section]] = []
EXPERT_SECTIONS: list[Callable[..., Section]] = []


def partner_section(provider: Callable[..., Section]) -> Callable[..., Section]:
    PARTNER_SECTIONS.append(provider)
    return provider


def expert_section(provider: Callable[..., Section]) -> Callable[..., Section]:
    EXPERT_SECTIONS.append(provider)
    return provider
