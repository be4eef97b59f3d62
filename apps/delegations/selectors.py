"""Reads for delegation formation: the pool of nominees, the rules from the programme settings."""

from collections import Counter

from django.db.models import QuerySet

from apps.agencies.models import Agency
from apps.courses.models import Course
from apps.nominations.choices import NominationStatus
from apps.nominations.models import Nomination
from apps.programme.models import PositionLevel, RuleSetting, TrainingForm, WorkField

from .choices import DelegationStatus
from .models import Delegation, FormationJob, FormationRun, KeepApart
from .optimiser import Nominee, Rules, group_profile

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


MEMBER_RELATED = (
    "nomination__cadre__position_level",
    "nomination__cadre__work_field",
    "nomination__agency",
)


def agency_names(ids) -> dict[int, str]:
    return dict(Agency.objects.filter(pk__in=set(ids)).values_list("pk", "name"))


def for_course(course) -> list[Delegation]:
    """The delegations travelling on a course, with their members and head (decision documents)."""
    return list(
        Delegation.objects.filter(course=course)
        .select_related("head", "secretary")
        .prefetch_related("members__nomination__cadre", "members__nomination__agency")
        .order_by("number")
    )


def years() -> list[int]:
    """Years with approved short-course nominees or delegations, newest first."""
    found = set(Delegation.objects.values_list("year", flat=True).distinct())
    found |= {
        d.year
        for d in Nomination.objects.filter(
            status=NominationStatus.APPROVED, course__form__code=SHORT_FORM
        ).dates("course__start", "year")
    }
    return sorted(found, reverse=True)


def short_courses(year: int):
    """The year's short courses that have approved nominees, for choosing which to form."""
    return (
        Course.objects.filter(
            form__code=SHORT_FORM,
            start__year=year,
            nominations__status=NominationStatus.APPROVED,
        )
        .distinct()
        .order_by("start", "code")
    )


def latest_job(year: int) -> FormationJob | None:
    return FormationJob.objects.filter(year=year).first()


def kept_apart(year: int) -> list[KeepApart]:
    return list(KeepApart.objects.filter(year=year).select_related("first__cadre", "second__cadre"))


def composition(delegation: Delegation, *, levels=None, fields=None, roots=None) -> dict:
    """What a delegation is made of, by name: levels, fields, central/local, top-level agencies,
    and the profile its homogeneity score is measured against."""
    levels = levels if levels is not None else level_names()
    fields = fields if fields is not None else field_names()
    members = list(delegation.members.all())
    nominees = [nominee(m.nomination) for m in members]
    roots = roots if roots is not None else agency_names({n.top_agency for n in nominees})
    central = sum(n.central for n in nominees)
    profile = group_profile(nominees) if nominees else None
    return {
        "size": len(nominees),
        "levels": Counter(levels.get(n.level, "—") for n in nominees).most_common(),
        "fields": Counter(fields.get(n.field, "—") for n in nominees).most_common(),
        "central": central,
        "local": len(nominees) - central,
        "agencies": Counter(roots.get(n.top_agency, "—") for n in nominees).most_common(),
        "profile_level": levels.get(profile[0], "—") if profile else "",
        "profile_field": fields.get(profile[1], "—") if profile else "",
    }


def level_names() -> dict[int, str]:
    return {level.rank: str(level) for level in PositionLevel.objects.all()}


def field_names() -> dict[str, str]:
    return dict(WorkField.objects.values_list("code", "name"))


def year_overview(year: int) -> list[tuple[Delegation, dict]]:
    """Each delegation of the year with its composition (a fixed number of queries)."""
    delegations = list(
        Delegation.objects.filter(year=year)
        .select_related("course", "head", "secretary")
        .prefetch_related(*(f"members__{path}" for path in MEMBER_RELATED))
        .order_by("number")
    )
    levels, fields = level_names(), field_names()
    roots = agency_names(
        top_agency_id(m.nomination.agency.path) for d in delegations for m in d.members.all()
    )
    return [(d, composition(d, levels=levels, fields=fields, roots=roots)) for d in delegations]
