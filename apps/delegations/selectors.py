"""Reads for delegation formation: the pool of nominees, the rules from the programme settings."""

from django.db.models import QuerySet

from apps.nominations.choices import NominationStatus
from apps.nominations.models import Nomination
from apps.programme.models import RuleSetting, TrainingForm

from .choices import DelegationStatus
from .models import Delegation, FormationRun
from .optimiser import Nominee, Rules

SHORT_FORM = "SHORT"
AGENCY_LIMIT = "max_per_agency_per_delegation"


def formation_rules() -> Rules:
    """Size from the short form's settings, the per-agency limit from the rule setting (KL §2.4)."""
    short = TrainingForm.objects.get(code=SHORT_FORM)
    limit = RuleSetting.objects.filter(code=AGENCY_LIMIT).values_list("value", flat=True).first()
    return Rules(
        min_size=short.delegation_min or 15,
        max_size=short.delegation_max or 20,
        max_per_agency=int(limit) if limit is not None else 3,
    )


def pool_nominations(year: int) -> QuerySet[Nomination]:
    """Approved short-course nominations of the year not in a confirmed (or later) delegation."""
    return (
        Nomination.objects.filter(
            status=NominationStatus.APPROVED,
            course__form__code=SHORT_FORM,
            course__start__year=year,
        )
        .exclude(delegation_member__delegation__status__in=_kept_statuses())
        .select_related("cadre__position_level", "cadre__work_field", "agency", "course")
        .order_by("pk")
    )


def _kept_statuses() -> list[str]:
    return [s for s in DelegationStatus.values if s != DelegationStatus.PROPOSED]


def top_agency_id(path: str) -> int:
    """The root of an agency's tree path ("000012/000345/" → 12)."""
    return int(path.split("/", 1)[0])


def nominee(nomination: Nomination) -> Nominee:
    cadre = nomination.cadre
    return Nominee(
        id=nomination.pk,
        cadre_id=cadre.pk,
        level=cadre.position_level.rank if cadre.position_level else 99,
        field=cadre.work_field.code if cadre.work_field else "",
        top_agency=top_agency_id(nomination.agency.path),
        central=nomination.agency.is_central,
        course=nomination.course_id,
    )


def latest_run(year: int) -> FormationRun | None:
    return FormationRun.objects.filter(year=year).first()


def delegations_of_year(year: int) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(year=year)
        .select_related("course", "head", "secretary")
        .prefetch_related(
            "members__nomination__cadre__position_level",
            "members__nomination__cadre__work_field",
            "members__nomination__agency",
        )
    )
