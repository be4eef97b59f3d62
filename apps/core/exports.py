"""Exports too large for a request: registered builders run by the background worker.

An app registers a builder for a kind of export; the builder gets the requesting user (so the
rows are scoped as in the page), the page's parameters and a progress callback, and returns the
path of the file it wrote and the number of rows.
"""

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import ExportJob, User

logger = logging.getLogger("de165")

Progress = Callable[[int], None]
Builder = Callable[[User, dict, Progress], tuple[str, int]]
BUILDERS: dict[str, Builder] = {}


def register_export(kind: str):
    def decorator(builder: Builder) -> Builder:
        BUILDERS[kind] = builder
        return builder

    return decorator


def export_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_start(
    *, actor: User, kind: str, title: str, params: dict, total_rows: int, file_name: str
) -> ExportJob:
    """Record the export and queue it (the database task queue shares the transaction)."""
    if kind not in BUILDERS:
        raise ValueError(f"Unknown export kind {kind!r}")
    job = ExportJob.objects.create(
        created_by=actor,
        kind=kind,
        title=title,
        params=params,
        total_rows=total_rows,
        file_name=file_name,
    )
    run_export.enqueue(job.pk)
    return job


@task()
def run_export(job_id: int) -> None:
    job = ExportJob.objects.select_related("created_by").get(pk=job_id)
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)

    def progress(rows: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(processed_rows=rows)

    try:
        path, count = BUILDERS[job.kind](job.created_by, job.params, progress)
        target = export_dir() / f"{job.pk}-{job.file_name}"
        shutil.move(path, target)
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, message=str(error)[:500], finished_at=timezone.now()
        )
        raise
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.SUCCEEDED,
        file_path=str(target),
        processed_rows=count,
        total_rows=count,
        finished_at=timezone.now(),
    )
