"""Imports as background jobs: the request stores the file, the task worker runs the import.

The web request checks and stores the upload and creates a job (``import_job_start``); the
task worker (``manage.py db_worker``) runs ``import_job_run``, which calls ``import_run`` and
keeps the job's status and progress up to date so the status page can be left and revisited.
Whatever happens — an error in the file, a lost right to import, an exception — the job ends
``failed`` with the reasons stored, and its uploaded file (personal data) is deleted.

A job model is a ``BackgroundJob`` with the fields ``created_by``, ``agency``, ``file_name``,
``stored_path``, ``status`` (pending, validating, importing, succeeded, failed),
``created_count`` and ``errors`` — see ``apps.cadres.models.ImportJob``.
"""

import logging

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone
from django_tasks import task

from .issues import ImportIssue, register_messages
from .runner import VALIDATING, Importer, ImportOutcome, import_run
from .uploads import upload_delete, upload_path, upload_store

logger = logging.getLogger("de165")

#: Errors kept on a job for the status page; every error is still counted.
MAX_STORED_ERRORS = 5000

IMPORTERS: dict[str, Importer] = {}

PENDING = "pending"
IMPORTING = "importing"
SUCCEEDED = "succeeded"
FAILED = "failed"


def register_importer(importer: Importer, messages: dict | None = None) -> Importer:
    """Make an importer's jobs runnable by the worker and its issue codes readable."""
    if messages:
        register_messages(messages)
    IMPORTERS[importer.kind] = importer
    return importer


def import_job_start(importer: Importer, *, actor, upload):
    """Store an uploaded (already checked) file, create its job and queue it for the worker."""
    stored = upload_store(upload.chunks())
    job = importer.job_model.objects.create(
        created_by=actor,
        agency=actor.agency,
        file_name=upload.name[:255],
        stored_path=stored,
    )
    # The database backend stores the task in the caller's transaction, with the job: the
    # worker can never see a task whose job does not exist yet.
    import_job_run.enqueue(importer.kind, job.pk)
    return job


class JobProgress:
    """Writes an import's progress on its job, where the status page reads it.

    Checking runs outside any transaction, so the job row is simply updated. Inserting runs in
    the import's single transaction, whose writes nobody sees until it commits; there progress
    goes through a second connection that commits at once. SQLite allows only one writer at a
    time, so there the status page shows the insert phase without a percentage.
    """

    def __init__(self, model, job_id: int):
        self.model = model
        self.job_id = job_id
        self.side = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        jobs = self.model.objects.filter(pk=self.job_id)
        if phase == VALIDATING:
            jobs.update(status=VALIDATING, processed_rows=done, total_rows=total)
        elif done == 0:  # the insert phase starts: still outside the transaction
            jobs.update(status=IMPORTING, processed_rows=0, total_rows=total)
        elif connection.vendor != "sqlite":
            self._write_aside(done)

    def _write_aside(self, done: int) -> None:
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        quote = self.side.ops.quote_name
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(self.model._meta.db_table)} SET {quote('processed_rows')} = %s "  # noqa: S608 - names are ours
                f"WHERE {quote('id')} = %s",
                [done, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None


def _fail(model, job_id: int, outcome: ImportOutcome) -> None:
    model.objects.filter(pk=job_id).update(
        status=FAILED,
        finished_at=timezone.now(),
        total_rows=outcome.rows,
        created_count=0,
        errors=[issue.as_dict() for issue in outcome.issues],
    )


@task()
def import_job_run(kind: str, job_id: int) -> str:
    """Run one import job; return its final status. A job that already ran is left alone."""
    importer = IMPORTERS[kind]
    model = importer.job_model
    job = model.objects.select_related("created_by").get(pk=job_id)
    if job.status != PENDING:
        return job.status
    model.objects.filter(pk=job.pk).update(status=VALIDATING)
    progress = JobProgress(model, job.pk)

    def mark_done(outcome: ImportOutcome) -> None:
        # Inside the import's transaction: "imported" and the rows commit together.
        model.objects.filter(pk=job.pk).update(
            status=SUCCEEDED,
            finished_at=timezone.now(),
            total_rows=outcome.rows,
            processed_rows=outcome.created,
            created_count=outcome.created,
            errors=[],
            message="",
        )

    try:
        if not importer.may_import(job.created_by):
            issue = ImportIssue(importer.not_allowed_code)
            _fail(model, job.pk, ImportOutcome(issues=[issue], error_count=1))
            return FAILED
        outcome = import_run(
            importer,
            actor=job.created_by,
            path=upload_path(job.stored_path),
            file_name=job.file_name,
            progress=progress,
            max_errors=MAX_STORED_ERRORS,
            before_commit=mark_done,
        )
        if not outcome.ok:
            _fail(model, job.pk, outcome)
            return FAILED
        return SUCCEEDED
    except BaseException:
        # Any failure — MemoryError and KeyboardInterrupt included — ends the job "failed".
        logger.exception("Import job %s failed", job.pk)
        _fail(model, job.pk, ImportOutcome(issues=[ImportIssue("unexpected")], error_count=1))
        raise
    finally:
        progress.close()
        upload_delete(job.stored_path)
