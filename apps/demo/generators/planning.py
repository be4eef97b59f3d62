"""Annual planning 2022–2027: calls for needs, registrations, approved plans with quotas.

About 80 top-level agencies (ministries, central bodies and provinces) register each year, each
with its own habit: how much it asks for and how much of it it really fills (its realism). Plans
2022–2026 are approved by the demo steering admin with their workflow steps (one returned once,
two revised to a second version); the places used (``Quota.used``) are written by the
nominations generator from the nominations it makes, as the quota module counts them.
The 2027 call is open on the reference date with about two thirds of the agencies registered.
Totals sit around the phase targets (KL §2.2): agencies ask for somewhat more than the targets,
plans follow the targets, and agencies fill 40–100 % of what they ask for.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from apps.agencies.models import Agency
from apps.cadres.models import Cadre
from apps.core.models import User
from apps.core.roles import Role
from apps.planning.allocation import allocate
from apps.planning.models import (
    AnnualPlan,
    NeedsCall,
    NeedsLine,
    NeedsRegistration,
    PlannedCourse,
    PlanStatus,
    PlanTransition,
    Quota,
)
from apps.programme.models import ContentGroup, TrainingForm
from apps.programme.selectors import annual_targets

from .base import DemoContext, Generator, register

FIRST_YEAR = 2022
AGENCIES = 80
#: (mean places asked per agency and year, course capacity) by form.
ASK = {"SHORT": (4.6, 18), "MEDIUM": (0.8, 25), "LANGUAGE": (2.2, 30)}
#: Countries by form. Medium and language courses are taught in English, so only at schools
#: that teach in English; short courses elsewhere have interpreters.
COUNTRIES = {
    "SHORT": ["Singapore", "Nhật Bản", "Hàn Quốc", "Pháp", "Đức", "Australia", "Hoa Kỳ", "Anh"],
    "MEDIUM": ["Singapore", "Australia", "Hoa Kỳ", "Anh"],
    "LANGUAGE": ["Australia", "Anh", "New Zealand"],
}
#: Topics by content group code (KL §2.3): a course's topic belongs to its group.
TOPICS = {
    1: [
        "Quản trị quốc gia hiện đại",
        "Đối ngoại và hội nhập quốc tế",
        "Cải cách hành chính",
    ],
    2: [
        "Chuyển đổi số trong khu vực công",
        "Kinh tế xanh và phát triển bền vững",
        "Quản lý tài chính công",
        "Khoa học, công nghệ và đổi mới sáng tạo",
        "Quản lý đô thị thông minh",
    ],
    3: [
        "Xây dựng pháp luật và thi hành pháp luật",
        "Cải cách tư pháp",
    ],
    4: [
        "Kỹ năng lãnh đạo, quản lý cấp chiến lược",
        "Lãnh đạo trong bối cảnh chuyển đổi",
    ],
}
ALL_TOPICS = [topic for topics in TOPICS.values() for topic in topics]
LANGUAGE_TOPIC = "Tiếng Anh chuyên ngành quản lý công"
LANGUAGE_GROUP = 4  # language for leading and managing (kỹ năng lãnh đạo, quản lý)


def topic_for(group_code: int, n: int) -> str:
    topics = TOPICS[group_code]
    return topics[n % len(topics)]


REVISED_YEARS = (2024, 2026)
RETURNED_YEAR = 2023


def _aware(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@register
class PlanningGenerator(Generator):
    name = "planning"
    order = 30

    def run(self, ctx: DemoContext) -> dict[str, int]:
        rng = ctx.rng(self.name)
        named_rng = ctx.rng(f"{self.name} named candidates")  # a stream of its own
        admin = self._admin()
        forms = {form.code: form for form in TrainingForm.objects.all()}
        groups = list(ContentGroup.objects.order_by("code"))
        roots = sorted(
            Agency.objects.filter(parent__isnull=True, successor__isnull=True, is_active=True),
            key=lambda agency: agency.code,
        )
        chosen = sorted(rng.sample(roots, min(AGENCIES, len(roots))), key=lambda a: a.code)
        habits = {
            agency.pk: (rng.uniform(0.6, 1.5), rng.uniform(0.4, 1.0), rng.choice(groups))
            for agency in chosen
        }
        current = ctx.reference_date.year
        figures = {"needs calls": 0, "needs registrations": 0, "annual plans": 0, "quotas": 0}
        for year in range(FIRST_YEAR, current + 2):
            if NeedsCall.objects.filter(year=year).exists():
                continue  # a second run leaves what is there
            in_progress = year > current
            deadline = (
                datetime.date(current, 12, 15) if in_progress else datetime.date(year - 1, 10, 31)
            )
            call = NeedsCall.objects.create(
                year=year,
                deadline=deadline,
                note="Các cơ quan đăng ký nhu cầu cử cán bộ đi bồi dưỡng ở nước ngoài năm "
                f"{year} theo Kết luận 39-KL/TW.",
                opened_by=admin,
            )
            NeedsCall.objects.filter(pk=call.pk).update(
                opened_at=_aware(deadline - datetime.timedelta(days=45))
            )
            figures["needs calls"] += 1
            registering = chosen
            if in_progress:
                registering = [a for a in chosen if rng.random() < 0.65]
            requested = self._registrations(rng, call, registering, habits, forms, groups, admin)
            self._named_candidates(
                named_rng, NeedsRegistration.objects.filter(call=call).select_related("agency")
            )
            figures["needs registrations"] += len(registering)
            if year <= current:
                figures["annual plans"] += self._plans(
                    rng, year, current, requested, habits, forms, groups, admin, ctx.reference_date
                )
        figures["quotas"] = Quota.objects.count()
        return figures

    @staticmethod
    def _admin() -> User:
        """The demo steering admin (create_demo_users later sets its password)."""
        user = User.objects.filter(username="admin").first()
        if user is None:
            user = User(
                username="admin",
                role=Role.STEERING_ADMIN,
                full_name="Văn phòng Ban Chỉ đạo Đề án 165",
            )
            user.set_unusable_password()
            user.save()
        return user

    def _registrations(self, rng, call, agencies, habits, forms, groups, admin):
        """Registrations with lines; returns {agency id: {form code: places}}."""
        registrations = NeedsRegistration.objects.bulk_create(
            NeedsRegistration(
                call=call,
                agency=agency,
                topics=", ".join(rng.sample(ALL_TOPICS, 2)),
                preferred_countries=", ".join(rng.sample(COUNTRIES["SHORT"], 2)),
                justification="Đáp ứng yêu cầu nâng cao năng lực đội ngũ cán bộ lãnh đạo, "
                "quản lý trong giai đoạn mới.",
                created_by=admin,
            )
            for agency in agencies
        )
        lines, requested = [], {}
        for registration in registrations:
            appetite, _realism, favourite = habits[registration.agency_id]
            asked = {}
            for code, (mean, _capacity) in ASK.items():
                places = max(0, round(rng.gauss(mean * appetite, mean * 0.4)))
                if not places:
                    continue
                asked[code] = places
                # most places in the agency's favourite content group, the rest in another
                split = places if places < 3 else places - rng.randint(0, places // 3)
                lines.append(
                    NeedsLine(
                        registration=registration,
                        form=forms[code],
                        content_group=favourite,
                        places=split,
                    )
                )
                if places - split:
                    other = rng.choice([g for g in groups if g != favourite])
                    lines.append(
                        NeedsLine(
                            registration=registration,
                            form=forms[code],
                            content_group=other,
                            places=places - split,
                        )
                    )
            requested[registration.agency_id] = asked
        NeedsLine.objects.bulk_create(lines)
        return requested

    @staticmethod
    def _named_candidates(rng, registrations) -> None:
        """Most agencies name a few cadres of their planning pool (the candidate finder puts
        them first among equals)."""
        links = []
        for registration in registrations:
            if rng.random() < 0.3:
                continue
            pool = list(
                Cadre.objects.filter(agency__path__startswith=registration.agency.path)
                .exclude(planned_for="")
                .order_by("pk")
                .values_list("pk", flat=True)[:40]
            )
            for cadre_id in rng.sample(pool, min(len(pool), rng.randint(1, 4))):
                links.append(
                    NeedsRegistration.candidates.through(
                        needsregistration_id=registration.pk, cadre_id=cadre_id
                    )
                )
        NeedsRegistration.candidates.through.objects.bulk_create(links)

    def _plans(self, rng, year, current, requested, habits, forms, groups, admin, today):
        targets = annual_targets(year)
        approved_on = datetime.date(year - 1, 12, 20)
        plan = AnnualPlan.objects.create(year=year, created_by=admin, note="")
        self._fill(rng, plan, year, targets, requested, habits, forms, groups)
        steps = [("draft", "submitted", "", approved_on - datetime.timedelta(days=20))]
        if year == RETURNED_YEAR:
            steps += [
                (
                    "submitted",
                    "returned",
                    "Đề nghị cân đối lại chỉ tiêu bồi dưỡng ngoại ngữ theo mục tiêu giai đoạn.",
                    approved_on - datetime.timedelta(days=12),
                ),
                ("returned", "submitted", "", approved_on - datetime.timedelta(days=6)),
            ]
        steps.append(("submitted", "approved", "", approved_on))
        self._steps(plan, steps, admin)
        plans = 1
        final = plan
        if year in REVISED_YEARS:
            revised_on = datetime.date(year, 6, 15)
            final = AnnualPlan.objects.create(
                year=year, version=2, previous=plan, created_by=admin, note="Điều chỉnh giữa năm"
            )
            self._fill(rng, final, year, targets, requested, habits, forms, groups, scale=1.05)
            self._steps(
                plan,
                [
                    (
                        "approved",
                        "superseded",
                        f"Thay bằng kế hoạch {year} phiên bản 2",
                        revised_on,
                    )
                ],
                admin,
            )
            self._steps(
                final,
                [
                    ("draft", "submitted", "", revised_on - datetime.timedelta(days=5)),
                    ("submitted", "approved", "", revised_on),
                ],
                admin,
            )
            plans += 1
        return plans

    def _fill(self, rng, plan, year, targets, requested, habits, forms, groups, scale=1.0):
        """Courses close to the targets, quotas allocated to realistic demand."""
        courses = []
        for code, (_mean, capacity) in ASK.items():
            target = round(targets.get(code, 0) * scale * rng.uniform(0.92, 1.05))
            count = max(1, round(target / capacity))
            size = target // count
            for n in range(count):
                if code == "LANGUAGE":
                    group = next(g for g in groups if g.code == LANGUAGE_GROUP)
                    topic = LANGUAGE_TOPIC
                else:
                    group = groups[(n // 4 + n) % len(groups)]
                    topic = topic_for(group.code, n)
                cost_per_person = {"SHORT": 180, "MEDIUM": 650, "LANGUAGE": 420}[code]
                courses.append(
                    PlannedCourse(
                        plan=plan,
                        form=forms[code],
                        content_group=group,
                        topic=topic,
                        country=rng.choice(COUNTRIES[code]),
                        quarter=1 + n % 4,
                        capacity=size + (1 if n < target % count else 0),
                        estimated_cost=Decimal(size * cost_per_person) * Decimal(1_000_000),
                    )
                )
        PlannedCourse.objects.bulk_create(courses)
        capacity = {}
        for course in courses:
            capacity[course.form.code] = capacity.get(course.form.code, 0) + course.capacity
        quotas = []
        for code in ASK:
            caps = {pk: asked.get(code, 0) for pk, asked in requested.items()}
            weights = {pk: Decimal(cap) * Decimal(str(habits[pk][1])) for pk, cap in caps.items()}
            for agency_id, places in allocate(capacity.get(code, 0), weights, caps).items():
                if places:
                    quotas.append(
                        Quota(plan=plan, agency_id=agency_id, form=forms[code], places=places)
                    )
        Quota.objects.bulk_create(quotas)

    @staticmethod
    def _steps(plan, steps, admin) -> None:
        for from_status, to_status, reason, day in steps:
            transition = PlanTransition.objects.create(
                plan=plan,
                from_status=from_status,
                to_status=to_status,
                actor=admin,
                reason=reason,
            )
            PlanTransition.objects.filter(pk=transition.pk).update(at=_aware(day))
            plan.status = to_status
        fields = {"status": plan.status}
        if plan.status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED):
            approved = [day for _f, to, _c, day in steps if to == PlanStatus.APPROVED]
            if approved:
                fields["approved_at"] = _aware(approved[-1])
        AnnualPlan.objects.filter(pk=plan.pk).update(**fields)
        if steps[0][0] == PlanStatus.DRAFT:
            created = _aware(steps[0][3] - datetime.timedelta(days=10))
            AnnualPlan.objects.filter(pk=plan.pk).update(created_at=created)
