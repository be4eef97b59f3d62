"""Export of a filtered cadre list to .xlsx, streamed row by row with flat memory."""

import tempfile

import xlsxwriter
from django.utils.translation import gettext as _

from apps.core.exports import register_export

from .identifiers import mask_identifier
from .models import Cadre

CHUNK = 2000


def export_columns() -> list[tuple[str, int]]:
    return [
        (_("No."), 6),
        (_("Full name"), 28),
        (_("Gender"), 8),
        (_("Date of birth"), 12),
        (_("Ethnicity"), 10),
        (_("Home town"), 18),
        (_("Agency"), 36),
        (_("Current position"), 30),
        (_("Position level"), 28),
        (_("Field of work"), 24),
        (_("Management category"), 18),
        (_("Joined the Party on"), 12),
        (_("Degree"), 8),
        (_("Political theory"), 14),
        (_("Foreign languages"), 22),
        (_("Citizen ID number"), 16),
        (_("Passport number"), 14),
        (_("Expected retirement"), 12),
    ]


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def cadre_export_xlsx(queryset, *, full_identifiers: bool, progress=None) -> tuple[str, int]:
    """Write the rows of ``queryset`` to a temporary .xlsx; return its path and the row count."""
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook = xlsxwriter.Workbook(handle.name, {"constant_memory": True})
    sheet = workbook.add_worksheet(_("Cadres"))
    header = workbook.add_format(
        {"bold": True, "bg_color": "#F2DCDB", "border": 1, "text_wrap": True}
    )
    for col, (title, width) in enumerate(export_columns()):
        sheet.set_column(col, col, width)
        sheet.write(0, col, title, header)
    reveal = (lambda v: v) if full_identifiers else mask_identifier
    gender = dict(Cadre._meta.get_field("gender").flatchoices)
    category = dict(Cadre._meta.get_field("management_category").flatchoices)
    theory = dict(Cadre._meta.get_field("political_theory").flatchoices)
    rows = (
        queryset.select_related("agency", "position_level", "work_field")
        .prefetch_related("languages")
        .order_by("search_key", "pk")
    )
    count = 0
    for count, cadre in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        languages = ", ".join(
            f"{s.get_language_display()} {s.level}" for s in cadre.languages.all()
        )
        sheet.write_row(
            count,
            0,
            [
                count,
                cadre.full_name,
                str(gender.get(cadre.gender, "")),
                _date(cadre.date_of_birth),
                cadre.ethnicity,
                cadre.hometown,
                cadre.agency.name,
                cadre.position_title,
                cadre.position_level.name,
                cadre.work_field.name,
                str(category.get(cadre.management_category, "")),
                _date(cadre.party_joined_on),
                cadre.degree,
                str(theory.get(cadre.political_theory, "")),
                languages,
                reveal(cadre.national_id),
                reveal(cadre.passport_number),
                _date(cadre.expected_retirement),
            ],
        )
        if progress is not None and count % CHUNK == 0:
            progress(count)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(count, 1), len(export_columns()) - 1)
    workbook.close()
    return handle.name, count


def cadre_export_filtered(user, params: dict, progress=None) -> tuple[str, int]:
    """Export what the cadre list shows ``user`` for ``params`` (the page's query string)."""
    from .filtersets import CadreFilter
    from .identifiers import can_export_identifiers
    from .selectors import cadre_list

    filterset = CadreFilter(params, queryset=cadre_list(fetched_by=user), user=user)
    if not filterset.is_valid():
        raise ValueError(filterset.errors.as_text())
    full = params.get("identifiers") == "full" and can_export_identifiers(user)
    return cadre_export_xlsx(filterset.qs, full_identifiers=full, progress=progress)


register_export("cadres")(cadre_export_filtered)
