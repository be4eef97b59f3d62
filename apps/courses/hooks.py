"""Questions the courses app asks of the apps above it, answered by subscription.

The nominations app tells how many places of a course are taken (``register_places_taken`` in
its ``AppConfig.ready()``), so courses never imports nominations.
"""

from collections.abc import Callable

from .models import Course

_places_taken: list[Callable[[Course], int]] = []


def register_places_taken(counter: Callable[[Course], int]) -> None:
    if counter not in _places_taken:
        _places_taken.append(counter)


def places_taken(course: Course) -> int:
    """Places of the course held by its members (0 when no app counts them)."""
    return sum(counter(course) for counter in _places_taken)
