"""Load the issuer profiles of ``reference/issuers.yaml`` (only the missing ones: a profile the
office edited is never overwritten)."""

from django.conf import settings
from django.db import transaction

from apps.agencies.models import Agency
from apps.core.reference import read_reference_yaml

from .models import IssuerProfile


@transaction.atomic
def load_issuers(_data: dict) -> str:
    rows = read_reference_yaml(settings.REFERENCE_DIR / "issuers.yaml")["issuers"]
    agencies = Agency.objects.in_bulk([row["agency"] for row in rows], field_name="code")
    created = 0
    for row in rows:
        agency = agencies.get(row["agency"])
        if agency is None or IssuerProfile.objects.filter(agency=agency).exists():
            continue
        fields = {k: v for k, v in row.items() if k not in ("agency", "name_lines")}
        IssuerProfile.objects.create(
            agency=agency, name_lines="\n".join(row["name_lines"]), **fields
        )
        created += 1
    return f"issuer profiles {created}"
