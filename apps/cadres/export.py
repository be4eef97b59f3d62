"""Export of a filtered cadre list to .xlsx, streamed row by row with flat memory."""

import tempfile

from django.utils.translation import gettext as _

from apps.agencies.selectors import agency_labels
from apps.core.exports import register_export
from apps.core.permissions import may
from apps.core.spreadsheets import HEADER_STYLE, Workbook
from apps.programme.models import PositionLevel, WorkField

from .identifiers import mask_identifier
from .models import Cadre, LanguageSkill

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
        (_("Dossier code"), 16),
        (_("Passport number"), 14),
        (_("Expected retirement"), 12),
    ]


def _chunks(iterable, size: int):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cadre_export_xlsx(queryset, *, full_identifiers: bool, progress=None) -> tuple[str, int]:
    """Write the rows of ``queryset`` to a temporary .xlsx; return its path and the row count."""
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook = Workbook(handle.name, constant_memory=True)
    sheet = workbook.sheet(_("Cadres"))
    columns = export_columns()
    sheet.widths([width for _title, width in columns])
    sheet.append([title for title, _width in columns], HEADER_STYLE)
    reveal = (lambda v: v) if full_identifiers else mask_identifier
    gender = dict(Cadre._meta.get_field("gender").flatchoices)
    category = dict(Cadre._meta.get_field("management_category").flatchoices)
    theory = dict(Cadre._meta.get_field("political_theory").flatchoices)
    language_names = dict(LanguageSkill._meta.get_field("language").flatchoices)
    # Small lookup tables once, then plain tuples: model instances cost more than the file.
    agencies = agency_labels()  # "Văn phòng Bộ — Bộ Nội vụ"
    levels = dict(PositionLevel.objects.values_list("pk", "name"))
    fields = dict(WorkField.objects.values_list("pk", "name"))
    rows = queryset.order_by("search_key", "pk").values_list(
        "pk",
        "full_name",
        "gender",
        "date_of_birth",
        "ethnicity",
        "hometown",
        "agency_id",
        "position_title",
        "position_level_id",
        "work_field_id",
        "management_category",
        "party_joined_on",
        "degree",
        "political_theory",
        "national_id",
        "dossier_code",
        "passport_number",
        "expected_retirement",
    )
    count = 0
    for chunk in _chunks(rows.iterator(chunk_size=CHUNK), CHUNK):
        languages: dict[int, list[str]] = {}
        skills = LanguageSkill.objects.filter(cadre_id__in=[row[0] for row in chunk])
        for cadre_id, language, level in skills.order_by("language").values_list(
            "cadre_id", "language", "level"
        ):
            languages.setdefault(cadre_id, []).append(f"{language_names[language]} {level}")
        for (
            pk,
            name,
            sex,
            born,
            ethnicity,
            hometown,
            agency,
            title,
            level,
            field,
            cat,
            joined,
            degree,
            pol,
            national_id,
            dossier_code,
            passport,
            retires,
        ) in chunk:
            count += 1
            sheet.append(
                [
                    count,
                    name,
                    str(gender.get(sex, "")),
                    born,
                    ethnicity,
                    hometown,
                    agencies.get(agency, ""),
                    title,
                    levels.get(level, ""),
                    fields.get(field, ""),
                    str(category.get(cat, "")),
                    joined,
                    degree,
                    str(theory.get(pol, "")),
                    ", ".join(languages.get(pk, [])),
                    reveal(national_id),
                    dossier_code,
                    reveal(passport),
                    retires,
                ],
            )
        if progress is not None:
            progress(count)
    sheet.worksheet.freeze_panes(1, 0)
    sheet.worksheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    workbook.close()
    return handle.name, count


def cadre_export_filtered(user, params: dict, progress=None) -> tuple[str, int]:
    """Export what the cadre list shows ``user`` for ``params`` (the page's query string)."""
    from .filtersets import CadreFilter
    from .permissions import EXPORT_IDENTIFIERS
    from .selectors import cadre_list

    filterset = CadreFilter(params, queryset=cadre_list(fetched_by=user), user=user)
    if not filterset.is_valid():
        raise ValueError(filterset.errors.as_text())
    full = params.get("identifiers") == "full" and may(user, EXPORT_IDENTIFIERS)
    return cadre_export_xlsx(filterset.qs, full_identifiers=full, progress=progress)


register_export("cadres")(cadre_export_filtered)
