"""Issuing and building the official documents of a course.

The decision to send cadres (Quyết định cử cán bộ đi bồi dưỡng) takes its number from a
``DocumentRegister`` row locked for the transaction: numbers restart each year, are issued in
order and never reused. The summary list (danh sách trích ngang) and the programme are built on
demand without a number. Who appears with which fields follows ``visible_members`` (one rule for
every list of members, DECISIONS §22).
"""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.courses.models import Course
from apps.nominations.models import Nomination
from apps.nominations.selectors import visible_members

from . import rendering
from .choices import DocumentKind
from .models import DocumentRegister, IssuedDocument
from .permissions import BUILD_SUMMARY_LIST, ISSUE_DECISION, READ_COURSE_DOCUMENTS

ISSUER = "BTCTW"
DECISION_TYPE = "QĐ"
RECIPIENTS = [
    "Như Điều 3",
    "Các đồng chí Ủy viên Ban Chỉ đạo Đề án 165",
    "Văn phòng Trung ương Đảng",
    "Bộ Tài chính",
    "Lưu Văn phòng Ban Chỉ đạo Đề án 165",
]
TEMPLATES = {DocumentKind.DECISION: rendering.DECISION_TEMPLATE}


def decision_reference(number: int) -> str:
    return f"{number:02d}-{DECISION_TYPE}/{ISSUER}"


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


def _decision_context(course: Course, rows: list[dict], reference: str, on: datetime.date):
    return {
        **rendering.course_context(course),
        "reference": reference,
        "place_date": rendering.place_and_date(on),
        "count": len(rows),
        "members": rows,
        "recipients": RECIPIENTS,
        "signer_authority": "T/M BAN TỔ CHỨC TRUNG ƯƠNG",
        "signer_title": "TRƯỞNG BAN",
        "signer_name": "",
    }


@transaction.atomic
def decision_issue(
    *, actor: User, course: Course, on: datetime.date | None = None
) -> IssuedDocument:
    """Issue the numbered decision sending the course's approved members (all of them, in
    full: the issuer is a steering admin, whose scope covers every member)."""
    require(actor, ISSUE_DECISION, message=_("Only a steering admin may issue the decision."))
    # Lock the course row only: PostgreSQL cannot lock the nullable side of an outer join.
    course = (
        Course.objects.select_for_update(of=("self",))
        .select_related("form", "content_group", "partner", "organiser")
        .get(pk=course.pk)
    )
    members = visible_members(course=course, fetched_by=actor)
    if not members:
        raise ValidationError(_("The course has no approved member to send yet."))
    on = on or timezone.localdate()
    number = register_next_number(issuer=ISSUER, doc_type=DECISION_TYPE, year=on.year)
    register = DocumentRegister.objects.get(issuer=ISSUER, doc_type=DECISION_TYPE, year=on.year)
    reference = decision_reference(number)
    file_name = f"quyet-dinh-{number:02d}-{on.year}-{course.code}.docx"
    # stored under a unique name: the office downloads it as ``file_name``
    target = document_dir() / f"{on.year}" / f"{uuid.uuid4().hex}-{file_name}"
    context = _decision_context(course, rendering.member_rows(members), reference, on)
    rendering.render(rendering.DECISION_TEMPLATE, context, target)
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
        context=context,
    )
    audit_record(
        actor=actor,
        action="documents.decision_issue",
        obj=course,
        detail={"reference": reference, "members": len(members)},
    )
    return document


def issued_document_for(*, actor: User, document: IssuedDocument) -> tuple[Path, bool]:
    """The file of an issued document as ``actor`` may read it, and whether it is a temporary
    copy to delete once sent.

    A reader whose scope covers every member gets the issued file itself; any other reader gets
    the same document (same number, date and rows) rendered without the personal cells of the
    members outside its scope.
    """
    require(
        actor,
        READ_COURSE_DOCUMENTS,
        document.course,
        message=_("You may not read the documents of this course."),
    )
    audit_record(actor=actor, action="documents.document_download", obj=document)
    rows = document.context.get("members") if document.context else None
    if rows is None:  # issued before the context was kept: rebuilt from the course as it is
        course = document.course
        members = visible_members(course=course, fetched_by=actor)
        if all(m.in_scope for m in members):
            return Path(document.file_path), False
        context = _decision_context(
            course, rendering.member_rows(members), document.reference, document.issued_on
        )
        return rendering.render_temporary(TEMPLATES[document.kind], context), True
    ids = [row["nomination_id"] for row in rows]
    in_scope = set(
        Nomination.objects.restrict(actor).filter(pk__in=ids).values_list("pk", flat=True)
    )
    if in_scope >= set(ids):
        return Path(document.file_path), False
    shown = [
        row if row["nomination_id"] in in_scope else rendering.without_personal_cells(row)
        for row in rows
    ]
    context = {**document.context, "members": shown}
    return rendering.render_temporary(TEMPLATES[document.kind], context), True


def summary_list_build(*, actor: User, course: Course) -> Path:
    """The danh sách trích ngang of the course's approved members (a personal-data export):
    members outside ``actor``'s scope without their personal cells."""
    require(
        actor,
        BUILD_SUMMARY_LIST,
        message=_("Your role may not build the summary list of the members."),
    )
    members = visible_members(course=course, fetched_by=actor)
    decision = course.documents.filter(kind=DocumentKind.DECISION).first()
    context = {
        **rendering.course_context(course),
        "attached_to": f"Quyết định số {decision.reference}" if decision else "đề nghị cử cán bộ",
        "members": rendering.member_rows(members),
        "count": len(members),
    }
    path = rendering.render_temporary(rendering.SUMMARY_LIST_TEMPLATE, context)
    audit_record(
        actor=actor,
        action="documents.summary_list",
        obj=course,
        detail={"rows": len(members), "in_scope": sum(m.in_scope for m in members)},
    )
    return path


def programme_build(*, actor: User, course: Course) -> Path:
    context = {**rendering.course_context(course), "items": rendering.agenda_rows(course)}
    return rendering.render_temporary(rendering.PROGRAMME_TEMPLATE, context)
