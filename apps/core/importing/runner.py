"""The two passes of an import, all or nothing, and the ``Importer`` an app declares.

``import_run`` opens the sheet (after every check of ``limits``), then streams its rows twice:
the validation pass reads every row, keeps only the errors (up to ``max_errors``; all are
counted) and never writes; if there is none, the apply pass reads the rows again, builds the
records and hands them to the importer in batches, all inside one ``transaction.atomic``, so a
crash or a killed process leaves no row behind. No Python object is kept per row between or
during the passes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from apps.core.audit import audit_record

from .cells import Column, cell_text, clean_generic, is_blank
from .headers import Header
from .issues import CellError, ImportIssue, IssueList
from .reading import Sheet, sheet_open

ProgressCallback = Callable[[str, int, int], None]
VALIDATING = "validating"
IMPORTING = "importing"
#: How often (in rows) progress is reported to the caller.
PROGRESS_EVERY = 1000
#: Longest cell value kept in an issue.
VALUE_SHOWN = 200


class Importer:
    """What an app declares to import a kind of row: columns, how a row is read and written.

    Subclass it, set the class attributes and override the hooks that apply; every hook has a
    default that does nothing, except ``may_import``, ``build`` and ``write_batch``.
    """

    #: Registry key of the importer (and of its jobs' task), e.g. "cadres".
    kind: str = ""
    #: The template's columns, in template order.
    columns: tuple[Column, ...] = ()
    #: Audit action recorded when a file is imported, e.g. "cadres.import".
    audit_action: str = ""
    #: Rows per ``write_batch`` call.
    batch_size: int = 2000
    #: The job model of the web import (see ``jobs``); None for command-line only importers.
    job_model: Any = None
    #: Issue codes used for: a file without data rows; an importer without the right any more;
    #: an IntegrityError while writing (a concurrent writer won a race validation could not see).
    no_rows_code = "no_rows"
    not_allowed_code = "unexpected"
    conflict_code = "unexpected"

    def may_import(self, actor) -> bool:
        raise NotImplementedError

    def build_context(self, *, actor) -> Any:
        """Everything validation needs, fetched once per import (lookups, today's date…)."""
        return None

    def clean_cell(self, column: Column, raw: Any, context: Any) -> Any:
        """Read one non-blank cell; raise ``CellError`` when it cannot be read."""
        return clean_generic(column, raw, self.choice_maps.get(column.name))

    def check_row(self, values: dict, cells: list, header: Header, context: Any, fail) -> None:
        """Checks involving several cells of a row; call ``fail(column, raw, code, **params)``."""

    def row_result(self, values: dict[str, Any]) -> Any:
        """Turn a row's values (column name → value, None when empty) into what ``build`` takes."""
        return values

    def is_skipped(self, cells: list, header: Header) -> bool:
        """A row that is never imported (the template's example row, say)."""
        return False

    def file_checks(self, context: Any, header: Header) -> "FileChecks":
        """Checks across the rows of the file (duplicates, clashes with stored rows)."""
        return FileChecks()

    def build(self, clean: Any, context: Any) -> Any:
        """A record to write, from ``row_result``'s value."""
        raise NotImplementedError

    def write_batch(self, records: list, context: Any) -> dict[str, int]:
        """Write a batch of records; return counts of related rows written, by name."""
        raise NotImplementedError

    @cached_property
    def choice_maps(self) -> dict[str, dict[str, Any]]:
        return {column.name: column.choice_map() for column in self.columns if column.choices}

    @cached_property
    def column_order(self) -> dict[str, int]:
        return {column.header: i for i, column in enumerate(self.columns)}

    @cached_property
    def columns_by_name(self) -> dict[str, Column]:
        return {column.name: column for column in self.columns}


class FileChecks:
    """Checks across rows during the validation pass: ``row`` for each row, ``end`` once."""

    def row(self, clean: Any, row_number: int) -> list[ImportIssue]:
        return []

    def end(self) -> list[ImportIssue]:
        return []


@dataclass
class ImportOutcome:
    """What an import did (or, when ``issues`` is not empty, why it did nothing)."""

    rows: int = 0
    created: int = 0
    related: dict[str, int] = field(default_factory=dict)
    skipped_example: bool = False
    issues: list[ImportIssue] = field(default_factory=list)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return self.error_count == 0


def row_clean(
    importer: Importer,
    cells: list[Any],
    row_number: int,
    header: Header,
    context: Any,
    *,
    cross_checks: bool = True,
) -> tuple[Any, list[ImportIssue]]:
    """Read one row; return ``row_result`` and every problem of the row (not just the first).

    ``cross_checks`` adds the checks involving several cells; the apply pass leaves them out,
    the validation pass having passed them already.
    """
    values: dict[str, Any] = dict.fromkeys(header.absent)
    issues: list[ImportIssue] = []

    def fail(column: Column, raw: Any, code: str, **params: Any) -> None:
        index = header.positions.get(column.name)
        issues.append(
            ImportIssue(
                code,
                row=row_number,
                header=column.header,
                letter=header.letter(index) if index is not None else "",
                value=cell_text(raw)[:VALUE_SHOWN],
                params=params,
            )
        )

    for column, index in header.plan:
        raw = cells[index]
        if is_blank(raw):
            if column.required:
                fail(column, raw, "required")
            values[column.name] = None
            continue
        try:
            values[column.name] = importer.clean_cell(column, raw, context)
        except CellError as error:
            fail(column, raw, error.code, **error.params)
            values[column.name] = None
    if cross_checks:
        importer.check_row(values, cells, header, context, fail)
        for index in header.unnamed:
            if cell_text(cells[index]):
                issues.append(
                    ImportIssue(
                        "column_no_header",
                        row=row_number,
                        letter=header.letter(index),
                        value=cell_text(cells[index])[:VALUE_SHOWN],
                    )
                )
    return importer.row_result(values), issues


def _rows(importer: Importer, sheet: Sheet):
    """(row number, cells) of the rows to import: blank and skipped rows left out."""
    for row_number, cells in sheet.data_rows():
        if not any(cell_text(cell) for cell in cells):
            continue
        yield row_number, cells, importer.is_skipped(cells, sheet.header)


def import_validate(
    importer: Importer,
    sheet: Sheet,
    *,
    context: Any,
    progress: ProgressCallback | None = None,
    max_errors: int | None = None,
) -> ImportOutcome:
    """First pass: check every row; keep only errors and counts."""
    outcome = ImportOutcome()
    errors = IssueList(max_errors, importer.column_order)
    checks = importer.file_checks(context, sheet.header)
    for row_number, cells, skipped in _rows(importer, sheet):
        if skipped:
            outcome.skipped_example = True
            continue
        outcome.rows += 1
        clean, row_issues = row_clean(importer, cells, row_number, sheet.header, context)
        row_issues.extend(checks.row(clean, row_number))
        errors.extend(row_issues)
        if progress and outcome.rows % PROGRESS_EVERY == 0:
            progress(VALIDATING, outcome.rows, max(sheet.estimated_rows, outcome.rows))
    errors.extend(checks.end())
    if outcome.rows == 0 and not errors.count:
        errors.extend([ImportIssue(importer.no_rows_code)])
    outcome.issues = errors.result()
    outcome.error_count = errors.count
    if progress:
        progress(VALIDATING, outcome.rows, outcome.rows)
    return outcome


def import_apply(
    importer: Importer,
    sheet: Sheet,
    *,
    context: Any,
    expected_rows: int,
    progress: ProgressCallback | None = None,
) -> tuple[int, dict[str, int]]:
    """Second pass: build and write the validated rows in batches; return the counts.

    Must run inside ``transaction.atomic`` (``import_run`` does): any exception, or the process
    being killed, leaves none of the batches behind.
    """
    created = 0
    related: dict[str, int] = {}
    batch: list[Any] = []

    def flush() -> None:
        nonlocal created, batch
        for name, count in (importer.write_batch(batch, context) or {}).items():
            related[name] = related.get(name, 0) + count
        created += len(batch)
        batch = []

    for row_number, cells, skipped in _rows(importer, sheet):
        if skipped:
            continue
        clean, row_issues = row_clean(
            importer, cells, row_number, sheet.header, context, cross_checks=False
        )
        if row_issues:  # pragma: no cover - the validation pass read the same cells
            raise RuntimeError(f"Row {row_number} changed between the two passes")
        batch.append(importer.build(clean, context))
        if len(batch) >= importer.batch_size:
            flush()
            if progress:
                progress(IMPORTING, created, expected_rows)
    if batch:
        flush()
    if progress:
        progress(IMPORTING, created, expected_rows)
    return created, related


def import_run(
    importer: Importer,
    *,
    actor,
    path: Path,
    file_name: str = "",
    progress: ProgressCallback | None = None,
    max_errors: int | None = None,
    before_commit: Callable[[ImportOutcome], None] | None = None,
) -> ImportOutcome:
    """Import the rows of an .xlsx file, all or nothing, and record an audit entry.

    Raises PermissionDenied unless the actor may import; returns the outcome otherwise; when it
    has errors nothing was written. ``before_commit`` runs inside the import's transaction (a job
    marks itself done there, so it can never say "imported" about rows that were rolled back,
    nor the reverse).
    """
    if not importer.may_import(actor):
        raise PermissionDenied
    sheet, issues = sheet_open(path, importer.columns)
    if sheet is None:
        return ImportOutcome(issues=issues, error_count=len(issues))
    if issues:
        # Columns that do not match would put every value in the wrong field.
        return ImportOutcome(
            issues=[*issues, ImportIssue("rows_not_checked")], error_count=len(issues)
        )
    context = importer.build_context(actor=actor)
    outcome = import_validate(
        importer, sheet, context=context, progress=progress, max_errors=max_errors
    )
    if not outcome.ok:
        return outcome
    if progress:
        progress(IMPORTING, 0, outcome.rows)  # before the transaction: a caller may record it
    try:
        with transaction.atomic():
            outcome.created, outcome.related = import_apply(
                importer, sheet, context=context, expected_rows=outcome.rows, progress=progress
            )
            audit_record(
                actor=actor,
                action=importer.audit_action,
                detail={
                    "file": file_name or Path(path).name,
                    "rows": outcome.rows,
                    "created": outcome.created,
                    **outcome.related,
                },
            )
            if before_commit is not None:
                before_commit(outcome)
    except IntegrityError:
        # Someone stored a clashing row after validation.
        outcome.created = 0
        outcome.related = {}
        outcome.issues = [ImportIssue(importer.conflict_code)]
        outcome.error_count = 1
    return outcome
