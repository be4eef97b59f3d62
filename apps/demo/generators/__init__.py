"""Demo data generators, one module per area, run in ``order`` by ``generate_demo_data``.

A new area adds a module here with a ``@register``-ed ``Generator`` subclass; nothing else
changes. Every module of this package is imported when the generators are listed.
"""

import importlib
import pkgutil
import time
from collections.abc import Callable

from django.db import transaction

from .base import CURRENT_YEAR, REFERENCE_DATE, DemoContext, Generator, register, registered

__all__ = [
    "CURRENT_YEAR",
    "REFERENCE_DATE",
    "DemoContext",
    "Generator",
    "generators",
    "register",
    "run_generators",
]


def generators() -> list[type[Generator]]:
    """Every registered generator, in run order."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    return registered()


def run_generators(
    *, seed: int, options: dict | None = None, log: Callable[[str], None] | None = None
) -> DemoContext:
    """Run every generator in one transaction: a failed or killed run leaves nothing behind."""
    ctx = DemoContext(seed=seed, options=dict(options or {}), log=log or (lambda message: None))
    with transaction.atomic():
        for cls in generators():
            started = time.perf_counter()
            figures = cls().run(ctx)
            ctx.stats.update(figures)
            ctx.timings[cls.name] = time.perf_counter() - started
            ctx.log(f"{cls.name}: {figures} ({ctx.timings[cls.name]:.1f} s)")
    return ctx
