"""One reader of change history (django-simple-history) for every page that shows one.

``change_history`` turns an object's historical records into rows: when, who, what kind of
change, and each field changed as its Vietnamese label with the value before → after, shown the
way the page shows it (a choice's name, never its code; a related row's name; dates dd/mm/yyyy;
yes/no). Related rows are named in one query per related model whatever the number of records;
a page that may not show every related row (an agency outside the reader's scope) passes its
own ``names`` lookup and a ``hidden`` label.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

#: ``names(model, ids)``: the display names of the rows ``ids`` of ``model`` the reader may see.
Names = Callable[[type[models.Model], set], dict]


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime.datetime
    user: Any
    kind: str
    changes: list[FieldChange] = field(default_factory=list)
    subject: str = ""


def records_of(obj: models.Model, limit: int) -> list:
    """The newest ``limit`` records of ``obj`` plus the one before (the base of the last diff)."""
    return list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )


def _all_names(model: type[models.Model], ids: set) -> dict:
    return {pk: str(row) for pk, row in model._default_manager.in_bulk(ids).items()}


def _m2m_targets(model: type[models.Model], rows) -> list:
    """The ids on the far side of m2m rows, which simple-history gives as through-table dicts."""
    source = model._meta.model_name
    return [value for row in rows or [] for key, value in row.items() if key != source]


def change_history(
    records: Sequence,
    model: type[models.Model],
    *,
    limit: int,
    exclude: Iterable[str] = (),
    names: Names = _all_names,
    hidden: str = "",
    show: dict[str, Callable[[Any], str]] | None = None,
    subject: str = "",
) -> list[HistoryEntry]:
    """Rows of ``records`` (newest first, as ``records_of`` reads them), at most ``limit``.

    ``exclude``: fields never shown (technical counters, derived values); ``names``: how related
    rows are named (default: every row by its ``str``); ``hidden``: shown for a related row
    ``names`` does not return (default: its id); ``show``: a field's own display (e.g. masking
    an identifier). A change that changes no shown field is left out; a creation has no fields.
    """
    show = show or {}
    exclude = list(exclude)
    deltas = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            changes = record.diff_against(previous, excluded_fields=exclude).changes
        deltas.append((record, changes))
    wanted: dict[type[models.Model], set] = {}
    for _record, changes in deltas:
        for change in changes:
            model_field = model._meta.get_field(change.field)
            if model_field.many_to_many:
                values = _m2m_targets(model, change.old) + _m2m_targets(model, change.new)
            elif model_field.is_relation:
                values = [change.old, change.new]
            else:
                continue
            ids = {value for value in values if value is not None}
            wanted.setdefault(model_field.related_model, set()).update(ids)
    related = {related_model: names(related_model, ids) for related_model, ids in wanted.items()}

    def display(model_field, value) -> str:
        if model_field.name in show and value not in (None, ""):
            return show[model_field.name](value)
        if model_field.many_to_many:
            known = related.get(model_field.related_model, {})
            shown = [known.get(pk, hidden or str(pk)) for pk in _m2m_targets(model, value)]
            return ", ".join(sorted(shown)) if shown else "—"
        if value is None or value == "":
            return "—"
        if model_field.is_relation:
            return related.get(model_field.related_model, {}).get(value, hidden or str(value))
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)

    entries = []
    for record, changes in deltas:
        shown = []
        for change in changes:
            model_field = model._meta.get_field(change.field)
            shown.append(
                FieldChange(
                    str(model_field.verbose_name),
                    display(model_field, change.old),
                    display(model_field, change.new),
                )
            )
        if record.history_type == "~" and not shown:
            continue
        entries.append(
            HistoryEntry(
                at=record.history_date,
                user=record.history_user,
                kind=str(record.get_history_type_display()),
                changes=shown,
                subject=subject,
            )
        )
    return entries
