"""Load the agency tree from reference/*.csv: central bodies, the 34 provinces and the 52 former
provinces merged into 23 of them on 01/07/2025 (Nghị quyết 202/2025/QH15). The 11 provinces that
did not merge (one name in ``merged_from``) continue as the same unit: no predecessor is created,
and posts held there before 01/07/2025 point at the province itself.

Only missing agencies are created, so loading twice changes nothing.
"""

import csv
import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from apps.core.text import normalize_vi

from .choices import AgencyKind
from .models import Agency
from .services import agency_create, agency_merge

FORMER_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "TP Hồ Chí Minh", "Cần Thơ"}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def former_province_code(name: str) -> str:
    return "CU_" + normalize_vi(name).upper().replace(" - ", "_").replace(" ", "_")


def _former_name(name: str) -> str:
    if name == "TP Hồ Chí Minh":
        return "Thành phố Hồ Chí Minh (trước 01/07/2025)"
    prefix = "Thành phố" if name in FORMER_CITIES else "Tỉnh"
    return f"{prefix} {name} (trước 01/07/2025)"


@transaction.atomic
def load_agencies(reference_dir: Path | None = None, merged_on: datetime.date | None = None) -> int:
    reference_dir = reference_dir or settings.REFERENCE_DIR
    merged_on = merged_on or datetime.date(2025, 7, 1)
    existing = set(Agency.objects.values_list("code", flat=True))
    created = 0
    for row in _read_csv(reference_dir / "central-bodies.csv"):
        if row["code"] not in existing:
            agency_create(actor=None, code=row["code"], name=row["name"], kind=row["kind"])
            created += 1
    for row in _read_csv(reference_dir / "provinces-2025.csv"):
        if row["code"] in existing:
            continue
        province = agency_create(actor=None, code=row["code"], name=row["name"], kind=row["kind"])
        created += 1
        merged_from = [part.strip() for part in row["merged_from"].split(";")]
        if len(merged_from) == 1:
            continue  # not merged: the same unit before and after 01/07/2025
        for old_name in merged_from:
            kind = AgencyKind.CITY if old_name in FORMER_CITIES else AgencyKind.PROVINCE
            former = agency_create(
                actor=None,
                code=former_province_code(old_name),
                name=_former_name(old_name),
                kind=kind,
            )
            agency_merge(actor=None, predecessor=former, successor=province, merged_on=merged_on)
            created += 1
    return created


def load_reference(data: dict) -> str:
    """The loader registered with ``apps.core.reference``: the merger date is in programme.yaml."""
    return f"{load_agencies(merged_on=data.get('agency_merger_date'))} agencies created"
