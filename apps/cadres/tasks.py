"""Background work of the cadre registry: an Excel import runs as a task and reports progress.

The web request stores the upload and creates an ``ImportJob`` (``import_job_start``); the task
worker (``manage.py db_worker``) runs ``import_job_run``, which calls the import service and
keeps the job's status and progress up to date so the status page can be left and revisited.
"""

import logging

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone
from django_tasks import task

from apps.core.models import User

from .importing import (
    VALIDATING,
    ImportIssue,
    ImportOutcome,
    cadre_import,
    upload_delete,
    upload_path,
    upload_store,
    user_may_import,
)
from .models import ImportJob

logger = logging.getLogger("de165")

#: Errors kept on a job for the status page; every error is still counted.
MAX_STORED_ERRORS = 5000

Status = ImportJob.Status


def import_job_start(*, actor: User, upload) -> ImportJob:
    """Store an uploaded (already checked) file, create its job and queue it for the worker."""
    stored = upload_store(upload.chunks())
    job = ImportJob.objects.create(
        created_by=actor,
        agency=actor.agency,
        file_name=upload.name[:255],
        stored_path=stored,
    )
    # The database backend stores the task in the caller's transaction, with the job: the
    # worker can never see a task whose job does not exist yet.
    import_job_run.enqueue(job.pk)
    return job


class JobProgress:
    """Writes an import's progress on its job, where the status page reads it.

    Checking runs outside any transaction, so the job row is simply updated. Inserting runs in
    the import's single transaction, whose writes nobody sees until it commits; there progress
    goes through a second connection that commits at once. SQLite allows only one writer at a
    time, so there the status page shows the insert phase without a percentage.
    """

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.side = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase == VALIDATING:
            ImportJob.objects.filter(pk=self.job_id).update(
                status=Status.VALIDATING, processed_rows=done, total_rows=total
            )
        elif done == 0:  # the insert phase starts: still outside the transaction
            ImportJob.objects.filter(pk=self.job_id).update(
                status=Status.IMPORTING, processed_rows=0, total_rows=total
            )
        elif connection.vendor != "sqlite":
            self._write_aside(done)

    def _write_aside(self, done: int) -> None:
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        quote = self.side.ops.quote_name
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(ImportJob._meta.db_table)} SET {quote('processed_rows')} = %s "  # noqa: S608 - names are ours
                f"WHERE {quote('id')} = %s",
                [done, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None


def _finish(job_id: int, **fields) -> None:
    ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), **fields)


def _fail(job_id: int, outcome: ImportOutcome) -> None:
    _finish(
        job_id,
        status=Status.FAILED,
        total_rows=outcome.rows,
        created_count=0,
        errors=[issue.as_dict() for issue in outcome.issues],
    )


@task()
def import_job_run(job_id: int) -> str:
    """Run one import job; return its final status. A job that already ran is left alone."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status != Status.PENDING:
        return job.status
    ImportJob.objects.filter(pk=job.pk).update(status=Status.VALIDATING)
    progress = JobProgress(job.pk)

    def mark_done(outcome: ImportOutcome) -> None:
        # Inside the import's transaction: "imported" and the rows commit together.
        _finish(
            job.pk,
            status=Status.SUCCEEDED,
            total_rows=outcome.rows,
            processed_rows=outcome.created,
            created_count=outcome.created,
            errors=[],
            message="",
        )

    try:
        if not user_may_import(job.created_by):
            _fail(job.pk, ImportOutcome(issues=[ImportIssue("not_allowed")], error_count=1))
            return Status.FAILED
        outcome = cadre_import(
            actor=job.created_by,
            path=upload_path(job.stored_path),
            file_name=job.file_name,
            progress=progress,
            max_errors=MAX_STORED_ERRORS,
            before_commit=mark_done,
        )
        if not outcome.ok:
            _fail(job.pk, outcome)
            return Status.FAILED
        return Status.SUCCEEDED
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        _fail(job.pk, ImportOutcome(issues=[ImportIssue("unexpected")], error_count=1))
        raise
    finally:
        progress.close()
        upload_delete(job.stored_path)
