"""Questions the courses app asks of the apps above it, answered by subscription.

The nominations app answers them in its ``AppConfig.ready()``, so courses never imports
nominations:

* ``register_places_taken``: how many places of a course are taken (its members);
* ``register_taken_annotation``: the same count as a query expression over ``Course`` rows, so a
  list of courses counts its places in the list's own query;
* ``register_course_summary``: the counts of a course's nominations a user may see (its page);
* ``register_own_nominations``: a participant's nominations with their courses ("My courses").
"""

from collections.abc import Callable

from django.db.models import Expression, IntegerField, Value

from .models import Course

_places_taken: list[Callable[[Course], int]] = []
_taken_annotations: list[Callable[[], Expression]] = []
#: Called as ``summary(course=…, fetched_by=user)`` and ``lister(cadre_id=…, fetched_by=user)``.
_summaries: list[Callable[..., dict]] = []
_own_nominations: list[Callable[..., list]] = []


def _add(registry: list, fn) -> None:
    if fn not in registry:
        registry.append(fn)


def register_places_taken(counter: Callable[[Course], int]) -> None:
    _add(_places_taken, counter)


def register_taken_annotation(expression: Callable[[], Expression]) -> None:
    _add(_taken_annotations, expression)


def register_course_summary(summary: Callable[..., dict]) -> None:
    _add(_summaries, summary)


def register_own_nominations(lister: Callable[..., list]) -> None:
    _add(_own_nominations, lister)


def places_taken(course: Course) -> int:
    """Places of the course held by its members (0 when no app counts them)."""
    return sum(counter(course) for counter in _places_taken)


def taken_annotation() -> Expression:
    """``Course`` rows annotated with their places taken (0 when no app counts them)."""
    expressions = [expression() for expression in _taken_annotations]
    if not expressions:
        return Value(0, output_field=IntegerField())
    total = expressions[0]
    for expression in expressions[1:]:
        total = total + expression
    return total


def course_summary(course: Course, user) -> dict:
    """What the apps above count about ``course`` for ``user`` (``places_taken``, …)."""
    summary: dict = {}
    for provider in _summaries:
        summary.update(provider(course=course, fetched_by=user))
    return summary


def own_nominations(cadre_id: int, user) -> list:
    """A participant's nominations (each with its ``course``), newest course first."""
    return [n for lister in _own_nominations for n in lister(cadre_id=cadre_id, fetched_by=user)]
