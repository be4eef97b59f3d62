"""Drafting and issuing the official documents of a course; the issuer profiles.

The decision to send cadres (Quyết định cử cán bộ đi bồi dưỡng) is drafted without a number:
numbers belong to the issuing body's own register (a register of ours restarting at 01 would
collide with it). The office enters the number and the date it took from that register when it
issues the draft; the system suggests the number after the last one used here and refuses one
already used. A decision issued for a course that already has one replaces (or amends) it and
cites it. A Steering Committee course is issued by the steering issuer (Ban Tổ chức Trung ương);
a decentralised course by its organiser, under its own header (``IssuerProfile``). The summary
list (danh sách trích ngang) and the programme are built on demand without a number. Who
appears with which fields follows ``visible_members`` (DECISIONS §22).
"""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.agencies.models import Agency
from apps.core.audit import audit_record
from apps.core.models import User
from apps.core.permissions import require
from apps.courses.models import Course
from apps.nominations.models import Nomination
from apps.nominations.selectors import visible_members

from . import rendering
from .choices import DocumentKind, DocumentStatus, Relation
from .models import DocumentRegister, IssuedDocument, IssuerProfile
from .permissions import (
    BUILD_PROGRAMME,
    BUILD_SUMMARY_LIST,
    ISSUE_DECISION,
    MANAGE_ISSUERS,
    READ_COURSE_DOCUMENTS,
)

DECISION_TYPE = "QĐ"
TEMPLATES = {DocumentKind.DECISION: rendering.DECISION_TEMPLATE}


def document_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "documents"


# --- issuers -------------------------------------------------------------------------------------


def issuer_for(course: Course) -> IssuerProfile:
    """Who issues the course's decision: the steering issuer for a Steering Committee course;
    for a decentralised one its organiser, or the nearest body above it with a profile."""
    if course.organiser_id is None:
        issuer = IssuerProfile.objects.select_related("agency").filter(steering=True).first()
        if issuer is None:
            raise ValidationError(
                _("No issuing body is set for the Steering Committee's decisions yet.")
            )
        return issuer
    chain = [int(part) for part in course.organiser.path.split("/") if part]
    profiles = {
        p.agency_id: p
        for p in IssuerProfile.objects.select_related("agency").filter(agency_id__in=chain)
    }
    for agency_id in reversed(chain):
        if agency_id in profiles:
            return profiles[agency_id]
    raise ValidationError(
        _("%(agency)s has no issuer profile yet: a steering admin enters it first.")
        % {"agency": course.organiser.name}
    )


ISSUER_FIELDS = (
    "layout",
    "name_lines",
    "abbreviation",
    "place",
    "decider",
    "collective_name",
    "head_title",
    "deputy_title",
    "signs_as_deputy",
    "signer_name",
    "archive",
)


@transaction.atomic
def issuer_save(
    *, actor: User, agency: Agency, data: dict, issuer: IssuerProfile | None = None, version=None
) -> IssuerProfile:
    """Create or change an agency's issuer profile (steering admin). ``version``: the one the
    form was opened with; a profile changed since is refused, never overwritten."""
    require(actor, MANAGE_ISSUERS, message=_("Only a steering admin may edit issuing bodies."))
    if data.get("signs_as_deputy") and not data.get("deputy_title"):
        raise ValidationError({"deputy_title": _("Enter the deputy's title (K/T).")})
    if issuer is None:
        issuer = IssuerProfile(agency=agency)
    else:
        issuer = IssuerProfile.objects.select_for_update().get(pk=issuer.pk)
        if version is not None and issuer.version != version:
            raise ValidationError(
                _("Someone else changed this issuing body meanwhile: reload the page.")
            )
        issuer.version = F("version") + 1
    for name in ISSUER_FIELDS:
        if name in data:
            setattr(issuer, name, data[name])
    issuer.save()
    issuer.refresh_from_db()
    audit_record(
        actor=actor,
        action="documents.issuer_save",
        obj=issuer,
        detail={name: str(getattr(issuer, name)) for name in ISSUER_FIELDS},
    )
    return issuer


# --- numbers -------------------------------------------------------------------------------------


def suggested_number(*, issuer: IssuerProfile, year: int) -> int:
    """The number after the last one used here in the issuer's register of ``year`` (1 in a new
    year: numbering restarts each 1 January). Only a suggestion: the office checks it against
    the issuing body's own register."""
    register = DocumentRegister.objects.filter(
        issuer=issuer.agency.code, doc_type=DECISION_TYPE, year=year
    ).first()
    return register.next_number if register else 1


def _take_number(*, issuer: IssuerProfile, number: int, year: int) -> DocumentRegister:
    """Record ``number`` as used in the issuer's register of ``year``, refusing one already
    used; the register row stays locked until the transaction ends."""
    DocumentRegister.objects.get_or_create(
        issuer=issuer.agency.code, doc_type=DECISION_TYPE, year=year
    )
    register = DocumentRegister.objects.select_for_update().get(
        issuer=issuer.agency.code, doc_type=DECISION_TYPE, year=year
    )
    used = IssuedDocument.objects.filter(register=register, number=number).first()
    if used is not None:
        raise ValidationError(
            {
                "number": _(
                    "Number %(reference)s of %(year)s is already used (course %(course)s): "
                    "take the next number of the register."
                )
                % {
                    "reference": used.reference,
                    "year": year,
                    "course": used.course.code,
                }
            }
        )
    register.next_number = max(register.next_number, number + 1)
    register.save(update_fields=["next_number"])
    return register


# --- the decision --------------------------------------------------------------------------------


def _cited(document: IssuedDocument | None) -> dict | None:
    if document is None or document.cites is None:
        return None
    earlier = document.cites
    return {
        "reference": earlier.reference,
        "date": rendering.vn_date(earlier.issued_on),
        "issuer": earlier.issuer.agency.name if earlier.issuer_id else "",
        "relation": document.relation,
    }


def decision_context(
    course: Course,
    members,
    *,
    issuer: IssuerProfile,
    number: int | None,
    on: datetime.date | None,
    document: IssuedDocument | None = None,
    heads=None,
) -> dict:
    heads = rendering.delegation_heads(course) if heads is None else heads
    reference = rendering.decision_reference(issuer, number)
    return {
        **rendering.course_context(course),
        "issuer": rendering.issuer_context(issuer),
        "reference": reference.strip(),
        "number_line": rendering.number_line(issuer, reference),
        "place_date": rendering.place_and_date(on, issuer.place)
        if on
        else rendering.blank_place_and_date(timezone.localdate().year, issuer.place),
        "count": len(members),
        "members": rendering.member_rows(members, heads=heads),
        "heads": rendering.head_lines(heads),
        "cites": _cited(document),
        "recipients": rendering.recipients(issuer, steering=course.organiser_id is None),
        "steering": course.organiser_id is None,
    }


def _lock_course(course: Course) -> Course:
    # Lock the course row only: PostgreSQL cannot lock the nullable side of an outer join.
    return (
        Course.objects.select_for_update(of=("self",))
        .select_related("form", "content_group", "partner", "organiser")
        .get(pk=course.pk)
    )


def _render_to_file(document: IssuedDocument, context: dict, name: str, year: int) -> None:
    target = document_dir() / f"{year}" / f"{uuid.uuid4().hex}-{name}"
    template = rendering.DECISION_TEMPLATES[context["issuer"]["layout"]]
    rendering.render(template, context, target)
    document.file_path = str(target)
    document.file_name = name
    document.context = context


def latest_decision(course: Course) -> IssuedDocument | None:
    """The decision in force for the course: the last one issued."""
    return (
        IssuedDocument.objects.filter(
            course=course, kind=DocumentKind.DECISION, status=DocumentStatus.ISSUED
        )
        .select_related("issuer__agency")
        .order_by("-issued_on", "-pk")
        .first()
    )


@transaction.atomic
def decision_draft(
    *, actor: User, course: Course, relation: str = Relation.REPLACES
) -> IssuedDocument:
    """Draft (or redraft) the decision sending the course's approved members, without a
    number. When the course already has an issued decision, the draft replaces it (or amends
    it, ``relation``) and cites it: a course never gets a silent second decision."""
    require(actor, ISSUE_DECISION, message=_("Only a steering admin may issue the decision."))
    course = _lock_course(course)
    members = visible_members(course=course, fetched_by=actor)
    if not members:
        raise ValidationError(_("The course has no approved member to send yet."))
    if relation not in Relation.values:
        raise ValidationError(
            _("Choose whether the new decision replaces or amends the earlier one.")
        )
    issuer = issuer_for(course)
    document = (
        IssuedDocument.objects.select_for_update()
        .filter(course=course, kind=DocumentKind.DECISION, status=DocumentStatus.DRAFT)
        .first()
    ) or IssuedDocument(course=course, kind=DocumentKind.DECISION, status=DocumentStatus.DRAFT)
    earlier = latest_decision(course)
    document.issuer = issuer
    document.drafted_by = actor
    document.cites = earlier
    document.relation = relation if earlier else ""
    year = timezone.localdate().year
    context = decision_context(
        course, members, issuer=issuer, number=None, on=None, document=document
    )
    _render_to_file(document, context, f"du-thao-quyet-dinh-{course.code}.docx", year)
    document.save()
    audit_record(
        actor=actor,
        action="documents.decision_draft",
        obj=course,
        detail={
            "issuer": issuer.abbreviation,
            "members": len(members),
            "cites": earlier.reference if earlier else "",
        },
    )
    return document


@transaction.atomic
def decision_issue(
    *, actor: User, document: IssuedDocument, number: int, on: datetime.date | None = None
) -> IssuedDocument:
    """Issue a drafted decision with the number and date the office took from the issuing
    body's register: the file is rendered again with them (and the members as they are now)."""
    require(actor, ISSUE_DECISION, message=_("Only a steering admin may issue the decision."))
    document = IssuedDocument.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ValidationError(_("This decision is already issued; draft a new one to replace it."))
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValidationError({"number": _("The number is a whole number from 1.")})
    on = on or timezone.localdate()
    if document.cites_id and on < document.cites.issued_on:
        raise ValidationError(
            {"issued_on": _("A decision cannot be dated before the decision it replaces.")}
        )
    course = _lock_course(document.course)
    members = visible_members(course=course, fetched_by=actor)
    if not members:
        raise ValidationError(_("The course has no approved member to send yet."))
    issuer = document.issuer or issuer_for(course)
    register = _take_number(issuer=issuer, number=number, year=on.year)
    context = decision_context(
        course, members, issuer=issuer, number=number, on=on, document=document
    )
    old_file = Path(document.file_path) if document.file_path else None
    _render_to_file(
        document, context, f"quyet-dinh-{number:02d}-{on.year}-{course.code}.docx", on.year
    )
    document.status = DocumentStatus.ISSUED
    document.issuer = issuer
    document.register = register
    document.number = number
    document.reference = context["reference"]
    document.issued_on = on
    document.issued_by = actor
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:  # a number taken by a concurrent issue
        raise ValidationError(
            {"number": _("This number was just used: take the next number of the register.")}
        ) from error
    if old_file and old_file != Path(document.file_path):
        transaction.on_commit(lambda: old_file.unlink(missing_ok=True))
    audit_record(
        actor=actor,
        action="documents.decision_issue",
        obj=course,
        detail={
            "reference": document.reference,
            "members": len(members),
            "cites": document.cites.reference if document.cites_id else "",
            "relation": document.relation,
        },
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
    if rows is not None and "issuer" not in document.context:
        rows = None  # rendered before issuer profiles: rebuilt with the issuer's header
    if rows is None:  # issued before the context was kept: rebuilt from the course as it is
        course = document.course
        members = visible_members(course=course, fetched_by=actor)
        if all(m.in_scope for m in members) and Path(document.file_path).is_file():
            return Path(document.file_path), False
        issuer = document.issuer or issuer_for(course)
        context = decision_context(
            course, members, issuer=issuer, number=document.number, on=document.issued_on
        )
        template = rendering.DECISION_TEMPLATES[context["issuer"]["layout"]]
        return rendering.render_temporary(template, context), True
    ids = [row["nomination_id"] for row in rows]
    in_scope = set(
        Nomination.objects.restrict(actor).filter(pk__in=ids).values_list("pk", flat=True)
    )
    # a document kept without its file (the demo's past decisions) is rendered from its context
    if in_scope >= set(ids) and document.file_path and Path(document.file_path).is_file():
        return Path(document.file_path), False
    shown = [
        row if row["nomination_id"] in in_scope else rendering.without_personal_cells(row)
        for row in rows
    ]
    context = {**document.context, "members": shown}
    layout = context.get("issuer", {}).get("layout", "party")
    return rendering.render_temporary(rendering.DECISION_TEMPLATES[layout], context), True


def summary_list_build(*, actor: User, course: Course) -> Path:
    """The danh sách trích ngang of the course's approved members (a personal-data export):
    members outside ``actor``'s scope without their personal cells."""
    require(
        actor,
        BUILD_SUMMARY_LIST,
        message=_("Your role may not build the summary list of the members."),
    )
    members = visible_members(course=course, fetched_by=actor)
    decision = latest_decision(course)
    if decision is not None:
        attached_to = (
            f"Quyết định số {decision.reference}, ngày {rendering.vn_date(decision.issued_on)}"
        )
        if decision.issuer_id:
            attached_to += f" của {decision.issuer.agency.name}"
    else:
        # the list goes with the decision being drafted: its number and date are left blank
        try:
            issuer = issuer_for(course)
        except ValidationError:
            issuer = None
        blank = rendering.decision_reference(issuer, None) if issuer else rendering.BLANK_NUMBER
        attached_to = f"Quyết định số {blank}, ngày      /     /{timezone.localdate().year}"
        if issuer:
            attached_to += f" của {issuer.agency.name}"
    context = {
        **rendering.course_context(course),
        "attached_to": attached_to,
        "members": rendering.member_rows(members, heads=rendering.delegation_heads(course)),
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
    require(actor, BUILD_PROGRAMME, message=_("You may not print the programme of this course."))
    context = {**rendering.course_context(course), "items": rendering.agenda_rows(course)}
    return rendering.render_temporary(rendering.PROGRAMME_TEMPLATE, context)
