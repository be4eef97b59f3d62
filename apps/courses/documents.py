"""Official documents of a course, rendered from .docx templates the office can edit.

The decision to send cadres (Quyết định cử cán bộ đi bồi dưỡng) takes its number from a
``DocumentRegister`` row locked for the transaction: numbers restart each year, are issued in
order and never reused. The summary list (danh sách trích ngang) and the programme are built on
demand without a number.
"""

import datetime
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from apps.cadres.choices import PoliticalTheory
from apps.core.audit import audit_record
from apps.core.models import User

from .choices import AgendaKind, DocumentKind, HostType, Modality
from .models import Course, DocumentRegister, IssuedDocument

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates_docx"
ISSUER = "BTCTW"
DECISION_TYPE = "QĐ"
PLACE = "Hà Nội"
RECIPIENTS = [
    "Như Điều 3",
    "Các đồng chí Ủy viên Ban Chỉ đạo Đề án 165",
    "Văn phòng Trung ương Đảng",
    "Bộ Tài chính",
    "Lưu Văn phòng Ban Chỉ đạo Đề án 165",
]
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
THEORY_VI = {
    PoliticalTheory.ELEMENTARY: "Sơ cấp",
    PoliticalTheory.INTERMEDIATE: "Trung cấp",
    PoliticalTheory.ADVANCED: "Cao cấp",
    PoliticalTheory.BACHELOR: "Cử nhân",
}
LANGUAGE_VI = {
    "en": "Tiếng Anh",
    "fr": "Tiếng Pháp",
    "ru": "Tiếng Nga",
    "zh": "Tiếng Trung",
    "ja": "Tiếng Nhật",
    "ko": "Tiếng Hàn",
    "de": "Tiếng Đức",
    "es": "Tiếng Tây Ban Nha",
    "lo": "Tiếng Lào",
    "km": "Tiếng Khmer",
}


def vn_date(day: datetime.date) -> str:
    """dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")


def place_and_date(day: datetime.date, place: str = PLACE) -> str:
    """ "Hà Nội, ngày 05 tháng 3 năm 2026": a leading zero for days 1–9 and months 1–2 only
    (Nghị định 30/2020/NĐ-CP)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def decision_reference(number: int) -> str:
    return f"{number:02d}-{DECISION_TYPE}/{ISSUER}"


def _course_context(course: Course) -> dict:
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
        "organiser": course.organiser.name if course.organiser_id else "Ban Chỉ đạo Đề án 165",
    }


def _members(course: Course) -> list:
    from apps.nominations.choices import PLACE_STATUSES

    return list(
        course.nominations.filter(status__in=PLACE_STATUSES)
        .select_related("cadre__agency", "override_by")
        .prefetch_related("cadre__languages")
        .order_by("cadre__search_key", "pk")
    )


def _note(nomination) -> str:
    if nomination.is_overridden:
        return f"Ngoại lệ được phê duyệt: {nomination.override_reason}"
    return ""


def _member_rows(nominations) -> list[dict]:
    rows = []
    for index, nomination in enumerate(nominations, start=1):
        cadre = nomination.cadre
        year = str(cadre.date_of_birth.year)
        languages = ", ".join(
            f"{LANGUAGE_VI.get(s.language, s.language)} {s.level}" for s in cadre.languages.all()
        )
        rows.append(
            {
                "index": index,
                "full_name": cadre.full_name,
                "birth_year": year,
                "male_year": year if cadre.gender == "M" else "",
                "female_year": year if cadre.gender == "F" else "",
                "ethnicity": cadre.ethnicity,
                "position": f"{cadre.position_title}, {cadre.agency.name}",
                "party_joined": vn_date(cadre.party_joined_on) if cadre.party_joined_on else "",
                "political_theory": THEORY_VI.get(cadre.political_theory, ""),
                "languages": languages,
                "note": _note(nomination),
            }
        )
    return rows


def _render(template: str, context: dict, target: Path) -> None:
    document = DocxTemplate(TEMPLATE_DIR / template)
    document.render(context, autoescape=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)


def document_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "documents"


def register_next_number(*, issuer: str, doc_type: str, year: int) -> int:
    """Take the next number of the register, the row locked until the transaction ends."""
    DocumentRegister.objects.get_or_create(issuer=issuer, doc_type=doc_type, year=year)
    register = DocumentRegister.objects.select_for_update().get(
        issuer=issuer, doc_type=doc_type, year=year
    )
    number = register.next_number
    register.next_number = number + 1
    register.save(update_fields=["next_number"])
    return number


@transaction.atomic
def decision_issue(
    *, actor: User, course: Course, on: datetime.date | None = None
) -> IssuedDocument:
    """Issue the numbered decision sending the course's approved members."""
    # Lock the course row only: PostgreSQL cannot lock the nullable side of an outer join.
    course = (
        Course.objects.select_for_update(of=("self",))
        .select_related("form", "content_group", "partner", "organiser")
        .get(pk=course.pk)
    )
    members = _members(course)
    if not members:
        raise ValidationError(_("The course has no approved member to send yet."))
    on = on or timezone.localdate()
    number = register_next_number(issuer=ISSUER, doc_type=DECISION_TYPE, year=on.year)
    register = DocumentRegister.objects.get(issuer=ISSUER, doc_type=DECISION_TYPE, year=on.year)
    reference = decision_reference(number)
    file_name = f"quyet-dinh-{number:02d}-{on.year}-{course.code}.docx"
    # stored under a unique name: the office downloads it as ``file_name``
    target = document_dir() / f"{on.year}" / f"{uuid.uuid4().hex}-{file_name}"
    context = {
        **_course_context(course),
        "reference": reference,
        "place_date": place_and_date(on),
        "count": len(members),
        "members": _member_rows(members),
        "recipients": RECIPIENTS,
        "signer_authority": "T/M BAN TỔ CHỨC TRUNG ƯƠNG",
        "signer_title": "TRƯỞNG BAN",
        "signer_name": "",
    }
    _render("quyet_dinh_cu_can_bo.docx", context, target)
    document = IssuedDocument.objects.create(
        register=register,
        number=number,
        reference=reference,
        kind=DocumentKind.DECISION,
        course=course,
        issued_on=on,
        issued_by=actor,
        file_path=str(target),
        file_name=file_name,
    )
    audit_record(
        actor=actor,
        action="courses.decision_issue",
        obj=course,
        detail={"reference": reference, "members": len(members)},
    )
    return document


def _temp_path() -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=".docx", delete=False)  # noqa: SIM115
    handle.close()
    return Path(handle.name)


def summary_list_build(*, actor: User, course: Course) -> str:
    """The danh sách trích ngang of the course's approved members (a personal-data export)."""
    members = _members(course)
    decision = course.documents.filter(kind=DocumentKind.DECISION).first()
    context = {
        **_course_context(course),
        "attached_to": f"Quyết định số {decision.reference}" if decision else "đề nghị cử cán bộ",
        "members": _member_rows(members),
        "count": len(members),
    }
    path = _temp_path()
    _render("danh_sach_trich_ngang.docx", context, path)
    audit_record(
        actor=actor, action="courses.summary_list", obj=course, detail={"rows": len(members)}
    )
    return str(path)


def _time(item) -> str:
    if item.start_time and item.end_time:
        return f"{item.start_time:%H:%M}–{item.end_time:%H:%M}"
    return f"{item.start_time:%H:%M}" if item.start_time else ""


def programme_build(*, actor: User, course: Course) -> str:
    items = course.agenda.select_related("expert").order_by("date", "start_time", "pk")
    rows = []
    for item in items:
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
    path = _temp_path()
    _render("chuong_trinh.docx", {**_course_context(course), "items": rows}, path)
    return str(path)


def participant_may_read(user: User, course: Course) -> bool:
    from apps.nominations.choices import PLACE_STATUSES

    return course.nominations.filter(cadre_id=user.cadre_id, status__in=PLACE_STATUSES).exists()


def document_read_logged(*, actor: User, document: IssuedDocument) -> None:
    audit_record(actor=actor, action="courses.document_download", obj=document)
