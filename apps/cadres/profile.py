"""Sections that higher apps add to a cadre's profile page (the nominations of the cadre, …).

The cadres app may not import the apps above it: each registers a provider in its
``AppConfig.ready()``; the profile page renders what the providers return, in order.
"""

import dataclasses
from collections.abc import Callable

from .models import Cadre


@dataclasses.dataclass(frozen=True)
class ProfileSection:
    template: str  # rendered with ``data`` = the context below
    context: dict


Provider = Callable[[Cadre, object], ProfileSection | None]
_PROVIDERS: list[Provider] = []


def register_profile_section(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def profile_sections(*, cadre: Cadre, user) -> list[ProfileSection]:
    sections = (provider(cadre, user) for provider in _PROVIDERS)
    return [section for section in sections if section is not None]
