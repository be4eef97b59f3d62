"""Decisions of past years, as the office issued them: each course that went ahead before this
year has its decision, numbered in its issuer's register and dated before the course began.

A Steering Committee course is issued by Ban Tổ chức Trung ương (Party layout, "Số 57-QĐ/BTCTW"),
a province's own course by its People's Committee (State layout, "Số: 112/QĐ-UBND"; the profile
is made here for each organising province). Numbers start where the issuer's register stood that
year (other documents take numbers too) and rise with gaps. The decision's context is kept as the
service keeps it; its file is rendered when someone opens it (``issued_document_for``).
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError

from apps.agencies.choices import LOCAL_ROOT_KINDS
from apps.agencies.models import Agency
from apps.courses.models import Course
from apps.documents import services
from apps.documents.choices import DocumentKind, DocumentStatus, Layout
from apps.documents.models import DocumentRegister, IssuedDocument, IssuerProfile
from apps.nominations.selectors import SENT_STATUSES, visible_members

from .base import DemoContext, Generator, register
from .planning import PlanningGenerator


def province_issuer(agency: Agency) -> IssuerProfile:
    """A provincial People's Committee's profile (Nghị định 30/2020: a collective body, signed
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")."""
    existing = IssuerProfile.objects.filter(agency=agency).first()
    if existing is not None:
        return existing
    name = agency.name.split(" (trước")[0]
    place = name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    return IssuerProfile.objects.create(
        agency=agency,
        layout=Layout.STATE,
        name_lines=f"ỦY BAN NHÂN DÂN\n{name.upper()}",
        abbreviation="UBND",
        place=place,
        decider=f"ỦY BAN NHÂN DÂN {name.upper()}",
        collective_name="ỦY BAN NHÂN DÂN",
        head_title="CHỦ TỊCH",
        deputy_title="PHÓ CHỦ TỊCH",
        signs_as_deputy=True,
        archive="Lưu: VT, SNV",
    )


@register
class DocumentGenerator(Generator):
    name = "documents"
    order = 60

    def run(self, ctx: DemoContext) -> dict[str, int]:
        if IssuedDocument.objects.exists():
            return {}
        rng = ctx.rng(self.name)
        admin = PlanningGenerator._admin()
        courses = list(
            Course.objects.filter(
                start__year__lt=ctx.reference_date.year,
                nominations__status__in=SENT_STATUSES,
            )
            .distinct()
            .select_related("form", "content_group", "partner", "organiser")
            .order_by("start", "pk")
        )
        issued = []
        for course in courses:
            issuer = (
                province_issuer(course.organiser)
                if course.organiser_id and course.organiser.kind in LOCAL_ROOT_KINDS
                else None
            )
            try:
                issuer = issuer or services.issuer_for(course)
            except ValidationError:
                continue
            on = course.start - datetime.timedelta(days=rng.randint(8, 30))
            issued.append((on, course, issuer))
        next_number: dict[tuple[str, int], int] = defaultdict(int)
        registers: dict[tuple[str, int], DocumentRegister] = {}
        rows = []
        for on, course, issuer in sorted(issued, key=lambda item: (item[0], item[1].pk)):
            key = (issuer.agency.code, on.year)
            if key not in registers:
                registers[key] = DocumentRegister.objects.create(
                    issuer=issuer.agency.code, doc_type=services.DECISION_TYPE, year=on.year
                )
                next_number[key] = rng.randint(20, 240)
            number = next_number[key]
            next_number[key] = number + rng.randint(1, 25)
            members = visible_members(course=course, fetched_by=admin)
            context = services.decision_context(
                course, members, issuer=issuer, number=number, on=on
            )
            rows.append(
                IssuedDocument(
                    status=DocumentStatus.ISSUED,
                    kind=DocumentKind.DECISION,
                    course=course,
                    issuer=issuer,
                    register=registers[key],
                    number=number,
                    reference=context["reference"],
                    issued_on=on,
                    issued_by=admin,
                    drafted_by=admin,
                    file_path="",
                    file_name=f"quyet-dinh-{number:02d}-{on.year}-{course.code}.docx",
                    context=context,
                )
            )
        IssuedDocument.objects.bulk_create(rows)
        for key, register_row in registers.items():
            register_row.next_number = next_number[key]
        DocumentRegister.objects.bulk_update(registers.values(), ["next_number"])
        return {
            "decisions": len(rows),
            "issuers": IssuerProfile.objects.count(),
        }
