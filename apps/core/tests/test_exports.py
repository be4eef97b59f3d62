import pytest

from apps.core import exports
from apps.core.models import ExportJob


@pytest.fixture
def broken_export():
    def build(user, params, progress):
        progress(10)
        raise RuntimeError("disk full")

    exports.BUILDERS["broken"] = build
    yield
    del exports.BUILDERS["broken"]


def test_a_failed_export_is_marked_failed_with_its_reason(steering_admin, broken_export):
    # The worker (here the immediate backend) records the task as failed; the job says why.
    job = exports.export_start(
        actor=steering_admin,
        kind="broken",
        title="x",
        params={},
        total_rows=20,
        file_name="x.xlsx",
    )
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert job.message == "disk full"
    assert job.processed_rows == 10
    assert job.is_finished


def test_an_unknown_kind_is_refused(steering_admin):
    with pytest.raises(ValueError, match="Unknown export kind"):
        exports.export_start(
            actor=steering_admin,
            kind="nope",
            title="x",
            params={},
            total_rows=1,
            file_name="x.xlsx",
        )
    assert not ExportJob.objects.exists()
