"""The nomination list as .xlsx: eligibility, each rule's message and any override."""

import tempfile

from django.utils.translation import gettext as _

from apps.core.spreadsheets import HEADER_STYLE, Workbook

from .choices import Outcome


def nomination_export_file(queryset) -> tuple[str, int]:
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook = Workbook(handle.name, constant_memory=True)
    sheet = workbook.sheet(_("Nominations"))
    sheet.append(
        [
            _("Course"),
            _("Cadre"),
            _("Year of birth"),
            _("Position"),
            _("Agency"),
            _("Nominating agency"),
            _("Status"),
            _("Note of the nominating agency"),
            _("Eligibility"),
            _("Rule results"),
            _("Override"),
            _("Override reason"),
            _("Overridden by"),
        ],
        HEADER_STYLE,
    )
    rows = 0
    for nomination in queryset.order_by("course__start", "cadre__search_key", "pk").iterator(
        chunk_size=2000
    ):
        cadre = nomination.cadre
        sheet.append(
            [
                nomination.course.code,
                cadre.full_name,
                cadre.date_of_birth.year,
                cadre.position_title,
                cadre.agency.name,
                nomination.agency.name,
                nomination.get_status_display(),
                nomination.note,
                nomination.get_outcome_display(),
                "\n".join(
                    f"{r.code} · {Outcome(r.outcome).label}: {r.message}"
                    for r in nomination.results
                    if r.outcome != "pass"
                ),
                _("Yes") if nomination.is_overridden else "",
                nomination.override_reason,
                str(nomination.override_by) if nomination.override_by_id else "",
            ]
        )
        rows += 1
    workbook.close()
    return handle.name, rows
