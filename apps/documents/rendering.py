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

from apps.agencies.models import Agency
from apps.cadres.labels import POLITICAL_THEORY_LABELS, language_label
from apps.courses.choices import AgendaKind, HostType, Modality
from apps.courses.models import Course
from apps.delegations.choices import DelegationStatus
from apps.delegations.models import Delegation

from .choices import Layout

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates_docx"
DECISION_TEMPLATE = "quyet_dinh_cu_can_bo.docx"  # Party layout (Hướng dẫn 36-HD/VPTW)
STATE_DECISION_TEMPLATE = "quyet_dinh_cu_can_bo_nha_nuoc.docx"  # State (Nghị định 30/2020)
DECISION_TEMPLATES = {Layout.PARTY: DECISION_TEMPLATE, Layout.STATE: STATE_DECISION_TEMPLATE}
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
    "hometown",
    "education",
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
    (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần II, mục 4)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def blank_place_and_date(year: int, place: str = PLACE) -> str:
    """The date line of a draft: the office writes day and month at issue."""
    return f"{place}, ngày      tháng      năm {year}"


#: what stands for the number in a draft: the office enters it from the issuer's register
BLANK_NUMBER = "      "


def decision_reference(issuer, number: int | None) -> str:
    """The number and code of a decision as the issuer's layout writes it.

    Party: "12-QĐ/BTCTW" (Hướng dẫn 36-HD/VPTW, II.3: number-type/issuer); State: "12/QĐ-BNV"
    (Nghị định 30/2020, Phụ lục I, Phần II, mục 3: number/type-issuer). Numbers below 10 take a
    leading 0 in both. ``number=None``: a draft, the number left blank.
    """
    shown = BLANK_NUMBER if number is None else f"{number:02d}"
    if issuer.layout == Layout.STATE:
        return f"{shown}/QĐ-{issuer.abbreviation}"
    return f"{shown}-QĐ/{issuer.abbreviation}"


def number_line(issuer, reference: str) -> str:
    """ "Số 12-QĐ/BTCTW" (36-HD/VPTW, no colon) or "Số: 12/QĐ-BNV" (NĐ 30/2020, with a colon)."""
    return f"Số: {reference}" if issuer.layout == Layout.STATE else f"Số {reference}"


def signature_lines(issuer) -> list[str]:
    """The authority and title above the signature (Hướng dẫn 36-HD/VPTW, II.7; Nghị định
    30/2020, Phụ lục I, Phần II, mục 7): a collective body signs "T/M" (State "TM.") its name;
    a body under a head (a Ban, a ministry) signs with the head's title ("TRƯỞNG BAN"), or a
    deputy signs for the head: "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN" (State "KT.")."""
    on_behalf, for_head = ("TM. ", "KT. ") if issuer.layout == Layout.STATE else ("T/M ", "K/T ")
    lines = [on_behalf + issuer.collective_name] if issuer.collective_name else []
    if issuer.signs_as_deputy:
        lines += [for_head + issuer.head_title, issuer.deputy_title]
    else:
        lines.append(issuer.head_title)
    return lines


def issuer_context(issuer) -> dict:
    lines = issuer.lines
    return {
        "layout": issuer.layout,
        "superior": lines[:-1],
        "name": lines[-1] if lines else issuer.abbreviation,
        "abbreviation": issuer.abbreviation,
        "place": issuer.place,
        "decider": issuer.decider,
        "signature": signature_lines(issuer),
        "signer_name": issuer.signer_name,
        "full_name": issuer.agency.name,
    }


def recipients(issuer, *, steering: bool) -> list[str]:
    """ "Nơi nhận": one line each, the last the archive. Party: each line ends with a comma, the
    last with a full stop (36-HD/VPTW, II.9); State: with a semicolon, the last "Lưu: VT, …."
    (Nghị định 30/2020, Phụ lục I, Phần II, mục 9)."""
    names = ["Như Điều 5"]
    if steering:
        names += [
            "Các đồng chí Ủy viên Ban Chỉ đạo Đề án 165",
            "Văn phòng Trung ương Đảng",
            "Bộ Tài chính",
        ]
    else:
        names.append("Ban Chỉ đạo Đề án 165 (để báo cáo)")
    names.append("Các cơ quan, đơn vị có cán bộ được cử")
    mark = ";" if issuer.layout == Layout.STATE else ","
    return [f"{name}{mark}" for name in names] + [f"{issuer.archive}."]


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


def agency_names(agencies) -> dict[int, str]:
    """The names of the given agencies and all their ancestors, in one query."""
    ids: set[int] = set()
    for agency in agencies:
        ids.update(int(part) for part in agency.path.split("/") if part)
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name"))


def position_text(cadre, names: dict[int, str]) -> str:
    """ "Phó Chánh Văn phòng, Văn phòng Bộ, Bộ Nội vụ": the position, then the unit and each
    body above it up to the ministry or province, so a reader knows where the unit is."""
    chain = [int(part) for part in cadre.agency.path.split("/") if part]
    return ", ".join([cadre.position_title, *(names[i] for i in reversed(chain) if i in names)])


def education_text(cadre) -> str:
    return cadre.education or (cadre.get_degree_display() if cadre.degree else "")


def member_row(index: int, nomination, *, names: dict[int, str], heads: set[int]) -> dict:
    """Every cell of a member's row (``nomination_id`` lets a stored row be checked later).

    "Ghi chú" says who heads a delegation; it never prints an internal reason (an approval
    by exception stays in the application, issue 18 item 11).
    """
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
        "hometown": cadre.hometown,
        "education": education_text(cadre),
        "position": position_text(cadre, names),
        "party_joined": vn_date(cadre.party_joined_on) if cadre.party_joined_on else "",
        "political_theory": POLITICAL_THEORY_LABELS.get(cadre.political_theory, ""),
        "languages": ", ".join(
            f"{language_label(s.language)} {s.level}" for s in cadre.languages.all()
        ),
        "note": "Trưởng đoàn" if cadre.pk in heads else "",
    }


def without_personal_cells(row: dict) -> dict:
    return {**row, **dict.fromkeys(PERSONAL_CELLS, "")}


#: a delegation names its head once it is confirmed (a proposal may still change)
HEADED_STATUSES = (DelegationStatus.CONFIRMED, DelegationStatus.DEPARTED, DelegationStatus.RETURNED)


def delegation_heads(course: Course) -> list:
    """The heads of the course's confirmed delegations (cadres), in delegation order."""
    return [
        delegation.head
        for delegation in Delegation.objects.filter(
            course=course, status__in=HEADED_STATUSES, head__isnull=False
        )
        .select_related("head__agency")
        .order_by("number")
    ]


def member_rows(members, *, heads=()) -> list[dict]:
    """Rows of ``visible_members``: full for members in the reader's scope, else without the
    personal cells."""
    names = agency_names([m.nomination.cadre.agency for m in members] + [h.agency for h in heads])
    head_ids = {head.pk for head in heads}
    rows = []
    for index, m in enumerate(members, start=1):
        row = member_row(index, m.nomination, names=names, heads=head_ids)
        rows.append(row if m.in_scope else without_personal_cells(row))
    return rows


def head_lines(heads, names: dict[int, str] | None = None) -> list[str]:
    """ "Đồng chí Nguyễn Văn A, Vụ trưởng, Vụ Tổ chức cán bộ, Bộ Nội vụ, làm Trưởng đoàn."."""
    names = names if names is not None else agency_names([h.agency for h in heads])
    return [f"Đồng chí {h.full_name}, {position_text(h, names)}" for h in heads]


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
