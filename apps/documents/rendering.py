"""Rendering official documents from the .docx templates the office can edit.

The templates live in ``templates_docx/`` (made once by ``scripts/make_docx_templates.py``); the
column labels and the values of cadre fields come from ``apps.cadres.labels``, the one source
shared with the import. This module turns a course and its members into a template context and
a context into a file; it decides nothing about who may read what.
"""

import datetime
import tempfile
from pathlib import Path

from docxtpl import DocxTemplate

from apps.cadres.labels import POLITICAL_THEORY_LABELS, language_label
from apps.courses.choices import AgendaKind, HostType, Modality
from apps.courses.models import Course

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates_docx"
DECISION_TEMPLATE = "quyet_dinh_cu_can_bo.docx"
SUMMARY_LIST_TEMPLATE = "danh_sach_trich_ngang.docx"
PROGRAMME_TEMPLATE = "chuong_trinh.docx"
PLACE = "Hà Nội"
STEERING_COMMITTEE = "Ban Chỉ đạo Đề án 165"
MODALITY_VI = {
    Modality.IN_PERSON: "trực tiếp",
    Modality.ONLINE: "trực tuyến",
    Modality.BLENDED: "kết hợp trực tiếp và trực tuyến",
}
AGENDA_KIND_VI = {
    AgendaKind.LECTURE: "Nghe giảng",
    AgendaKind.FIELD_VISIT: "Khảo sát thực tế",
    AgendaKind.WORKING_SESSION: "Làm việc",
    AgendaKind.ONLINE_SESSION: "Trực tuyến",
}
HOST_TYPE_VI = {
    HostType.RULING_PARTY: "đảng cầm quyền",
    HostType.LEGISLATURE: "cơ quan lập pháp",
    HostType.EXECUTIVE: "cơ quan hành pháp",
    HostType.JUDICIARY: "cơ quan tư pháp",
    HostType.MASS_ORGANISATION: "tổ chức quần chúng",
    HostType.TRAINING_INSTITUTION: "cơ sở đào tạo",
    HostType.OTHER: "khác",
}
#: Cells of a member row that are personal data: blank for members outside the reader's scope.
PERSONAL_CELLS = (
    "birth_year",
    "male_year",
    "female_year",
    "ethnicity",
    "party_joined",
    "political_theory",
    "languages",
    "note",
)


def vn_date(day: datetime.date) -> str:
    """dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")


def place_and_date(day: datetime.date, place: str = PLACE) -> str:
    """ "Hà Nội, ngày 05 tháng 3 năm 2026": a leading zero for days 1–9 and months 1–2 only
    (Nghị định 30/2020/NĐ-CP)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def course_context(course: Course) -> dict:
    form_name = course.form.name[:1].lower() + course.form.name[1:]
    return {
        "course_code": course.code,
        "course_title": course.title,
        "form_name": form_name,
        "content_group": str(course.content_group),
        "countries": course.countries,
        "start": vn_date(course.start),
        "end": vn_date(course.end),
        "modality": MODALITY_VI.get(course.modality, course.modality),
        "partner": course.partner.name if course.partner_id else "",
        "organiser": course.organiser.name if course.organiser_id else STEERING_COMMITTEE,
    }


def _note(nomination) -> str:
    if nomination.is_overridden:
        return f"Ngoại lệ được phê duyệt: {nomination.override_reason}"
    return ""


def member_row(index: int, nomination) -> dict:
    """Every cell of a member's row (``nomination_id`` lets a stored row be checked later)."""
    cadre = nomination.cadre
    year = str(cadre.date_of_birth.year)
    return {
        "nomination_id": nomination.pk,
        "index": index,
        "full_name": cadre.full_name,
        "birth_year": year,
        "male_year": year if cadre.gender == "M" else "",
        "female_year": year if cadre.gender == "F" else "",
        "ethnicity": cadre.ethnicity,
        "position": f"{cadre.position_title}, {cadre.agency.name}",
        "party_joined": vn_date(cadre.party_joined_on) if cadre.party_joined_on else "",
        "political_theory": POLITICAL_THEORY_LABELS.get(cadre.political_theory, ""),
        "languages": ", ".join(
            f"{language_label(s.language)} {s.level}" for s in cadre.languages.all()
        ),
        "note": _note(nomination),
    }


def without_personal_cells(row: dict) -> dict:
    return {**row, **dict.fromkeys(PERSONAL_CELLS, "")}


def member_rows(members) -> list[dict]:
    """Rows of ``visible_members``: full for members in the reader's scope, else without the
    personal cells."""
    return [
        member_row(index, m.nomination)
        if m.in_scope
        else without_personal_cells(member_row(index, m.nomination))
        for index, m in enumerate(members, start=1)
    ]


def agenda_rows(course: Course) -> list[dict]:
    rows = []
    for item in course.agenda.select_related("expert").order_by("date", "start_time", "pk"):
        where = [item.place]
        if item.host:
            host_type = HOST_TYPE_VI.get(item.host_type, "")
            where.append(f"{item.host} ({host_type})" if host_type else item.host)
        if item.expert_id:
            where.append(f"Báo cáo viên: {item.expert.full_name}")
        rows.append(
            {
                "date": vn_date(item.date),
                "time": _time(item),
                "title": item.title,
                "kind": AGENDA_KIND_VI.get(item.kind, item.kind),
                "where": "; ".join(part for part in where if part),
            }
        )
    return rows


def _time(item) -> str:
    if item.start_time and item.end_time:
        return f"{item.start_time:%H:%M}–{item.end_time:%H:%M}"
    return f"{item.start_time:%H:%M}" if item.start_time else ""


def render(template: str, context: dict, target: Path) -> None:
    document = DocxTemplate(TEMPLATE_DIR / template)
    document.render(context, autoescape=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)


def render_temporary(template: str, context: dict) -> Path:
    """Render into a temporary file the caller deletes once it is sent."""
    handle = tempfile.NamedTemporaryFile(suffix=".docx", delete=False)  # noqa: SIM115
    handle.close()
    path = Path(handle.name)
    render(template, context, path)
    return path
