"""Excel import of the training history (quá trình đào tạo, bồi dưỡng) on the one pipeline.

One row per line of a cadre's history, the cadre named by citizen ID within the importer's
scope; every row is checked before anything is written, and nothing is written unless all rows
are valid (``apps.core.importing``). The columns follow form 2C's section (course, place,
country, from–to, form, certificate). Lines filled by this programme's own courses are never
imported: they come from the courses.
"""

from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy

from apps.core.importing import (
    CHOICE,
    DATE,
    CellError,
    Column,
    Importer,
    ImportOutcome,
    import_run,
    register_importer,
)
from apps.core.importing.headers import Header
from apps.core.scoping import CHANGE

from .importing import NATIONAL_ID, _parse_national_id, user_may_import
from .models import Cadre, TrainingRecord

MODES = (
    ("Tập trung", "tap_trung"),
    ("Không tập trung", "khong_tap_trung", "Tại chức"),
    ("Trực tuyến", "truc_tuyen"),
    ("Kết hợp", "ket_hop"),
)


def _max_length(name: str) -> int | None:
    return TrainingRecord._meta.get_field(name).max_length


COLUMNS: tuple[Column, ...] = (
    Column(
        "national_id",
        "Số CCCD",
        NATIONAL_ID,
        required=True,
        width=15,
        note="Số CCCD của cán bộ đã có trong danh sách (12 chữ số, định dạng Văn bản)",
    ),
    Column(
        "course_name",
        "Nội dung đào tạo, bồi dưỡng",
        required=True,
        width=40,
        max_length=_max_length("course_name"),
    ),
    Column("institution", "Cơ sở đào tạo", width=30, max_length=_max_length("institution")),
    Column("country", "Quốc gia", width=14, max_length=_max_length("country")),
    Column("start", "Từ ngày", DATE, required=True, width=12),
    Column("end", "Đến ngày", DATE, width=12),
    Column("mode", "Hình thức", CHOICE, choices=MODES, width=14),
    Column("certificate", "Văn bằng, chứng chỉ", width=24, max_length=_max_length("certificate")),
)
COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}

MESSAGES = {
    "no_trainings": gettext_lazy(
        "The file has the header row but no training: fill in one training per row below it."
    ),
    "cadre_unknown": gettext_lazy(
        "No cadre with the citizen ID number %(value)s is within the cadres you may change."
    ),
    "training_end_before_start": gettext_lazy("The training ends on %(value)s, before it starts."),
    "not_allowed_training": gettext_lazy(
        "Your account may not import training history (any more). Nothing was imported."
    ),
}


class TrainingImporter(Importer):
    """Lines of the training history, by citizen ID (``training_history_import``)."""

    kind = "training_history"
    columns = COLUMNS
    audit_action = "cadres.training_import"
    no_rows_code = "no_trainings"
    not_allowed_code = "not_allowed_training"
    conflict_code = "not_allowed_training"

    def may_import(self, actor) -> bool:
        return user_may_import(actor)

    def build_context(self, *, actor) -> dict[str, int]:
        # the cadres the importer may change, by citizen ID: one query per import
        return dict(Cadre.objects.restrict(actor, CHANGE).values_list("national_id", "pk"))

    def clean_cell(self, column: Column, raw: Any, context: dict[str, int]) -> Any:
        if column.kind == NATIONAL_ID:
            national_id = _parse_national_id(raw)
            if national_id not in context:
                raise CellError("cadre_unknown")
            return context[national_id]
        return super().clean_cell(column, raw, context)

    def check_row(self, values, cells, header: Header, context, fail) -> None:
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and end < start:
            index = header.positions.get("end")
            fail(COLUMNS_BY_NAME["end"], cells[index], "training_end_before_start")

    def build(self, values: dict[str, Any], context) -> TrainingRecord:
        fields = {
            name: values.get(name) or ""
            for name in ("course_name", "institution", "country", "mode", "certificate")
        }
        return TrainingRecord(
            cadre_id=values["national_id"], start=values["start"], end=values.get("end"), **fields
        )

    def write_batch(self, records: list, context) -> dict[str, int]:
        TrainingRecord.objects.bulk_create(records)
        return {}


TRAINING_IMPORTER = register_importer(TrainingImporter(), messages=MESSAGES)


def training_history_import(*, actor, path: Path, file_name: str = "") -> ImportOutcome:
    """Import the training history lines of an .xlsx file, all or nothing."""
    return import_run(TRAINING_IMPORTER, actor=actor, path=path, file_name=file_name)
