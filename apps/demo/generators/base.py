"""What every demo generator shares: the run context, the base class and the registry."""

import dataclasses
import datetime
import random
from collections.abc import Callable
from typing import Any, ClassVar

#: "Today" for the demo data: ages, appointments and passports are counted from this date, so a
#: seed gives the same data whatever day it runs.
REFERENCE_DATE = datetime.date(2026, 11, 25)
#: The programme year running on REFERENCE_DATE (past years completed, the next one planned).
CURRENT_YEAR = REFERENCE_DATE.year


@dataclasses.dataclass
class DemoContext:
    """One run of the generators: options, a random stream per generator, shared results."""

    seed: int
    options: dict[str, Any] = dataclasses.field(default_factory=dict)
    reference_date: datetime.date = REFERENCE_DATE
    #: What a generator leaves for later ones (e.g. the agency index for cadres).
    shared: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: Figures for the summary, in the order they were reported.
    stats: dict[str, int] = dataclasses.field(default_factory=dict)
    #: Seconds each generator took, by name.
    timings: dict[str, float] = dataclasses.field(default_factory=dict)
    log: Callable[[str], None] = lambda message: None

    def rng(self, name: str) -> random.Random:
        """A random stream of its own for each generator, so adding a generator (or changing
        how much one draws) never changes what the others make from the same seed.

        Seeding with a string hashes it with SHA-512: stable across processes and platforms.
        """
        return random.Random(f"de165-demo:{self.seed}:{name}")  # noqa: S311 - reproducible demo data, not secrets


class Generator:
    """One area of demo data. Subclasses set ``name`` and ``order`` and implement ``run``.

    ``order`` leaves gaps (10, 20, ...) so a later area slots in where its inputs exist.
    """

    name: ClassVar[str]
    order: ClassVar[int]

    @classmethod
    def add_arguments(cls, parser) -> None:
        """Command-line options of this area (none by default)."""

    def run(self, ctx: DemoContext) -> dict[str, int]:
        """Create the area's rows; return figures for the summary."""
        raise NotImplementedError


_REGISTRY: dict[str, type[Generator]] = {}


def register(cls: type[Generator]) -> type[Generator]:
    """Class decorator: make ``cls`` part of every ``generate_demo_data`` run."""
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"Two demo generators are named {cls.name!r}.")
    _REGISTRY[cls.name] = cls
    return cls


def registered() -> list[type[Generator]]:
    return sorted(_REGISTRY.values(), key=lambda cls: (cls.order, cls.name))
