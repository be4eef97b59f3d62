"""One import pipeline for every spreadsheet users upload: checks, reading, rows, jobs.

The modules, in the order a file meets them:

- ``limits``  — before anything is read: extension, file size, zip signature, unpacked size
  (from the zip directory) and the first sheet's extent (its declared ``<dimension>``, from
  the first kilobytes of its XML), so zip bombs and sheets that claim a million rows are
  refused before the reader allocates for them.
- ``uploads`` — where an upload waits for its job (random name, outside the web root).
- ``reading`` — the first sheet, decoded once by python-calamine, its rows streamed.
- ``headers`` — the header row matched to the template's columns (case, accents, spaces and
  punctuation ignored; renamed and unknown columns told apart).
- ``cells``   — ``Column`` and reading one cell (text, dates, choices, yes/no).
- ``issues``  — ``ImportIssue``: row, column letter and header, value, reason (a code whose
  sentence is in ``MESSAGES``, so each reader sees it in their own language).
- ``runner``  — ``Importer`` (what an app declares) and ``import_run``: a validation pass that
  reports every problem of every row, then, only if there is none, an apply pass that writes
  in batches inside one transaction (all or nothing) and records an audit entry.
- ``jobs``    — the background job (django-tasks): progress on the job row, a failed job always
  ends ``failed`` with its upload deleted.

Adding an import (participant lists, attendance lists, training history, cost norms…)::

    from apps.core.importing import Column, Importer, DATE, register_importer

    class AttendanceImporter(Importer):
        kind = "attendance"                      # the job task's key
        audit_action = "courses.attendance_import"
        job_model = AttendanceImportJob          # a BackgroundJob with the ImportJob fields
        columns = (
            Column("national_id", "Số CCCD", required=True),
            Column("day", "Ngày", DATE, required=True),
        )

        def may_import(self, actor): ...         # who may upload
        def build_context(self, *, actor): ...   # lookups fetched once (optional)
        def check_row(self, values, cells, header, context, fail): ...   # optional
        def build(self, values, context): ...    # a model instance from one row's values
        def write_batch(self, records, context): # e.g. bulk_create; return related counts
            Attendance.objects.bulk_create(records)
            return {}

    ATTENDANCE = register_importer(AttendanceImporter(), messages={"code": gettext_lazy("…")})

Then ``import_run(ATTENDANCE, actor=…, path=…)`` imports a file on disk (a management command),
and ``stream_check`` (in the upload form) plus ``import_job_start(ATTENDANCE, actor=…,
upload=…)`` run it in the worker. Own cell kinds go in ``clean_cell`` (call ``super()`` for the
generic ones), checks across rows (duplicates in the file, clashes with stored rows) in
``file_checks``. ``apps.cadres.importing`` is the complete example.
"""

from .cells import BOOLEAN, CHOICE, DATE, TEXT, Column, cell_text, column_letter, key
from .issues import CellError, ImportIssue, register_messages
from .jobs import JobProgress, import_job_run, import_job_start, register_importer
from .limits import MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_SIZE, file_check, stream_check
from .runner import (
    IMPORTING,
    VALIDATING,
    FileChecks,
    Importer,
    ImportOutcome,
    ProgressCallback,
    import_run,
)
from .uploads import upload_delete, upload_path, upload_store

__all__ = [
    "BOOLEAN",
    "CHOICE",
    "DATE",
    "IMPORTING",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNPACKED_SIZE",
    "TEXT",
    "VALIDATING",
    "CellError",
    "Column",
    "FileChecks",
    "ImportIssue",
    "ImportOutcome",
    "Importer",
    "JobProgress",
    "ProgressCallback",
    "cell_text",
    "column_letter",
    "file_check",
    "import_job_run",
    "import_job_start",
    "import_run",
    "key",
    "register_importer",
    "register_messages",
    "stream_check",
    "upload_delete",
    "upload_path",
    "upload_store",
]
