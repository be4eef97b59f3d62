"""Courses 2022–2027 with partners, experts, phases and agenda, carried out from the plans.

Each course of an approved annual plan becomes a course at a partner in its country, on dates
within the plan's quarter. Status follows the reference date: past courses are completed, the one
abroad now has departed, those starting within two weeks have closed nominations and later ones
are open. A few decentralised courses are organised by provinces (KL §2.5) and 2027 has planned
courses created directly, before its plan is approved.
"""

import datetime

from apps.agencies.models import Agency
from apps.courses.choices import AgendaKind, CourseStatus, HostType, Modality
from apps.courses.models import AgendaItem, Course, CoursePhase, CourseTransition
from apps.partners.models import Expert, Partner
from apps.planning.models import PlannedCourse, PlanStatus
from apps.programme.models import ContentGroup, FormPhase, TrainingForm

from .base import DemoContext, Generator, register
from .planning import COUNTRIES, LANGUAGE_GROUP, LANGUAGE_TOPIC, PlanningGenerator, topic_for

FIRST_YEAR = 2022
#: (name, short name, country, city, fields)
PARTNERS = [
    (
        "Trường Chính sách công Lý Quang Diệu, Đại học Quốc gia Singapore",
        "LKYSPP",
        "Singapore",
        "Singapore",
        "Chính sách công, quản trị quốc gia",
    ),
    ("Học viện Công vụ Singapore", "CSC", "Singapore", "Singapore", "Lãnh đạo khu vực công"),
    (
        "Viện Nghiên cứu Chính sách Quốc gia (GRIPS)",
        "GRIPS",
        "Nhật Bản",
        "Tokyo",
        "Chính sách phát triển",
    ),
    (
        "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
        "JICA",
        "Nhật Bản",
        "Tokyo",
        "Quản lý nhà nước, hạ tầng",
    ),
    (
        "Trường Chính sách công và Quản lý KDI",
        "KDI School",
        "Hàn Quốc",
        "Sejong",
        "Kinh tế phát triển, chuyển đổi số",
    ),
    (
        "Viện Hành chính công Quốc gia Pháp (INSP)",
        "INSP",
        "Pháp",
        "Strasbourg",
        "Hành chính công, pháp luật",
    ),
    ("Học viện Hành chính Liên bang Đức", "BAköV", "Đức", "Brühl", "Quản trị công, tư pháp"),
    (
        "Đại học Quốc gia Australia – Trường Chính sách Crawford",
        "ANU Crawford",
        "Australia",
        "Canberra",
        "Chính sách công, tiếng Anh",
    ),
    (
        "Đại học Harvard – Trường Quản lý nhà nước Kennedy",
        "Harvard Kennedy",
        "Hoa Kỳ",
        "Cambridge",
        "Lãnh đạo cấp cao",
    ),
    (
        "Đại học Oxford – Trường Quản lý nhà nước Blavatnik",
        "Oxford Blavatnik",
        "Anh",
        "Oxford",
        "Lãnh đạo, quản trị",
    ),
    ("Đại học Victoria Wellington", "VUW", "New Zealand", "Wellington", "Tiếng Anh, quản lý công"),
    (
        "Học viện Hành chính Quốc gia",
        "HVHCQG",
        "Việt Nam",
        "Hà Nội",
        "Đào tạo ngoại ngữ trong nước",
    ),
]
EXPERT_NAMES = {
    "Singapore": ["Tan Kim Seng", "Lim Mei Ling", "Rajesh Kumar"],
    "Nhật Bản": ["Sato Hiroshi", "Tanaka Yuki"],
    "Hàn Quốc": ["Kim Min-jun", "Park Ji-woo"],
    "Pháp": ["Claire Dubois", "Jean-Marc Laurent"],
    "Đức": ["Anna Schneider", "Thomas Müller"],
    "Australia": ["Sarah Mitchell", "David Nguyen"],
    "Hoa Kỳ": ["Robert Chen", "Emily Carter"],
    "Anh": ["James Whitfield", "Olivia Bennett"],
    "New Zealand": ["Hannah Walker"],
    "Việt Nam": ["Nguyễn Thị Thu Hà", "Trần Đức Minh"],
}
EXPERTISE = [
    "Quản trị nhà nước hiện đại",
    "Chính phủ số",
    "Kinh tế phát triển bền vững",
    "Xây dựng pháp luật",
    "Lãnh đạo chiến lược",
    "Quản lý tài chính công",
    "Giảng dạy tiếng Anh chuyên ngành",
]
#: Agenda templates: (kind, title, host type, host template)
AGENDA = [
    (AgendaKind.LECTURE, "Khai giảng và giới thiệu chương trình", "", ""),
    (AgendaKind.LECTURE, "Chuyên đề: {topic}", "", ""),
    (
        AgendaKind.WORKING_SESSION,
        "Làm việc với đảng cầm quyền về công tác cán bộ",
        HostType.RULING_PARTY,
        "Đảng cầm quyền {country}",
    ),
    (
        AgendaKind.WORKING_SESSION,
        "Làm việc với cơ quan lập pháp về quy trình xây dựng luật",
        HostType.LEGISLATURE,
        "Quốc hội {country}",
    ),
    (
        AgendaKind.WORKING_SESSION,
        "Trao đổi với cơ quan hành pháp về cải cách hành chính",
        HostType.EXECUTIVE,
        "Bộ Công vụ {country}",
    ),
    (
        AgendaKind.WORKING_SESSION,
        "Làm việc với cơ quan tư pháp",
        HostType.JUDICIARY,
        "Tòa án tối cao {country}",
    ),
    (AgendaKind.FIELD_VISIT, "Khảo sát thực tế mô hình chính quyền địa phương", "", ""),
    (AgendaKind.ONLINE_SESSION, "Tọa đàm trực tuyến với chuyên gia", "", ""),
    (AgendaKind.LECTURE, "Tổng kết, trao chứng chỉ", "", ""),
]
QUARTER_START = {1: 1, 2: 4, 3: 7, 4: 10}
ABROAD_TRANSITIONS = {
    CourseStatus.PLANNED: [],
    CourseStatus.OPEN: [CourseStatus.OPEN],
    CourseStatus.CLOSED: [CourseStatus.OPEN, CourseStatus.CLOSED],
    CourseStatus.DEPARTED: [CourseStatus.OPEN, CourseStatus.CLOSED, CourseStatus.DEPARTED],
    CourseStatus.COMPLETED: [
        CourseStatus.OPEN,
        CourseStatus.CLOSED,
        CourseStatus.DEPARTED,
        CourseStatus.COMPLETED,
    ],
}


def _slug(text: str) -> str:
    return text.lower().replace(" ", "").replace("ö", "o")


def status_on(start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    if end < today:
        return CourseStatus.COMPLETED
    if start <= today:
        return CourseStatus.DEPARTED
    if (start - today).days <= 14:
        return CourseStatus.CLOSED
    return CourseStatus.OPEN


@register
class CourseGenerator(Generator):
    name = "courses"
    order = 40

    def run(self, ctx: DemoContext) -> dict[str, int]:
        if Course.objects.exists():
            return {}
        rng = ctx.rng(self.name)
        admin = PlanningGenerator._admin()
        today = ctx.reference_date
        forms = {form.code: form for form in TrainingForm.objects.all()}
        groups = list(ContentGroup.objects.order_by("code"))
        partners = self._partners(groups)
        experts = self._experts(rng, partners, groups)
        by_country: dict[str, list[Partner]] = {}
        for partner in partners:
            by_country.setdefault(partner.country, []).append(partner)
        courses: list[Course] = []
        counters: dict[int, int] = {}

        def code(year: int) -> str:
            counters[year] = counters.get(year, 0) + 1
            return f"K{year}-{counters[year]:03d}"

        def make(form, group, topic, country, start, capacity, **extra) -> Course:
            days = form.typical_days or 14
            if form.code == "LANGUAGE":
                days = sum(p.typical_days or 120 for p in form.phases.all())
            end = start + datetime.timedelta(days=days - 1)
            if country not in COUNTRIES[form.code]:  # taught in English: an English-teaching school
                country = rng.choice(COUNTRIES[form.code])
            partner = rng.choice(by_country.get(country) or partners[:1])
            return Course(
                code=code(start.year),
                title=topic,
                form=form,
                content_group=group,
                countries=country,
                partner=partner,
                start=start,
                end=end,
                capacity=capacity,
                modality=Modality.BLENDED if rng.random() < 0.15 else Modality.IN_PERSON,
                language="en" if form.taught_in_foreign_language or form.code == "LANGUAGE" else "",
                status=status_on(start, end, today),
                **extra,
            )

        planned = (
            PlannedCourse.objects.filter(plan__status=PlanStatus.APPROVED)
            .select_related("plan", "form", "content_group")
            .order_by("plan__year", "form_id", "quarter", "pk")
        )
        for item in planned:
            year = item.plan.year
            month = QUARTER_START[item.quarter] + rng.randrange(3)
            start = datetime.date(year, month, rng.randint(1, 20))
            if year == today.year and item.quarter == 4:
                start = datetime.date(year, 12, rng.randint(1, 20))  # nominations still running
            if item.form.code == "LANGUAGE":
                start = datetime.date(year, min(month, 4), rng.randint(1, 20))
            courses.append(
                make(
                    item.form,
                    item.content_group,
                    item.topic,
                    item.country or rng.choice(list(by_country)),
                    start,
                    item.capacity,
                    planned_course=item,
                )
            )
        provinces = list(
            Agency.objects.filter(parent__isnull=True, kind__in=("tinh", "thanh_pho")).order_by(
                "code"
            )
        )
        formed_on = dict(
            Agency.objects.filter(successor__in=provinces, merged_on__isnull=False).values_list(
                "successor_id", "merged_on"
            )
        )
        local_group = next(g for g in groups if g.code == 1)  # tổ chức bộ máy nhà nước
        for year in range(FIRST_YEAR, today.year + 1):
            for _n in range(2):
                start = datetime.date(year, rng.choice((3, 5, 9, 12)), rng.randint(1, 20))
                # organised by a province that exists on that day: a former province until its
                # merger, a merged one from then on; the 11 that did not merge at any time
                existing = [
                    p
                    for p in provinces
                    if (p.merged_on is None or start < p.merged_on)
                    and start >= formed_on.get(p.pk, start)
                ]
                province = rng.choice(existing)
                courses.append(
                    make(
                        forms["SHORT"],
                        local_group,
                        f"Kinh nghiệm quản trị địa phương cho cán bộ {province.name}",
                        rng.choice(("Singapore", "Hàn Quốc", "Nhật Bản")),
                        start,
                        18,
                        organiser=province,
                    )
                )
        next_year = today.year + 1
        for index in range(6):
            form = forms[("SHORT", "SHORT", "SHORT", "MEDIUM", "LANGUAGE", "SHORT")[index]]
            start = datetime.date(next_year, 3 + index, 10)
            if form.code == "LANGUAGE":
                group = next(g for g in groups if g.code == LANGUAGE_GROUP)
                topic = LANGUAGE_TOPIC
            else:
                group = groups[index % 4]
                topic = topic_for(group.code, index)
            course = make(
                form,
                group,
                topic,
                rng.choice(COUNTRIES[form.code]),
                start,
                20,
            )
            course.status = CourseStatus.PLANNED
            courses.append(course)
        Course.objects.bulk_create(courses, batch_size=500)
        phases, items, transitions = self._children(rng, courses, experts, admin)
        return {
            "partners": len(partners),
            "experts": len(experts),
            "courses": len(courses),
            "course phases": phases,
            "agenda items": items,
            "course transitions": transitions,
        }

    @staticmethod
    def _partners(groups) -> list[Partner]:
        partners = Partner.objects.bulk_create(
            Partner(
                name=name,
                short_name=short,
                country=country,
                city=city,
                fields=fields,
                contact_email=f"training@{_slug(short)}.example",
            )
            for name, short, country, city, fields in PARTNERS
        )
        through = Partner.content_groups.through
        through.objects.bulk_create(
            through(partner_id=p.pk, contentgroup_id=g.pk)
            for i, p in enumerate(partners)
            for g in groups[i % 4 : i % 4 + 2]
        )
        return partners

    @staticmethod
    def _experts(rng, partners, groups) -> list[Expert]:
        by_country = {p.country: p for p in partners}
        experts = Expert.objects.bulk_create(
            Expert(
                full_name=name,
                title="Giáo sư" if rng.random() < 0.4 else "Tiến sĩ",
                partner=by_country.get(country),
                country=country,
                expertise=rng.choice(EXPERTISE),
                languages="Tiếng Anh" if country != "Việt Nam" else "Tiếng Việt, tiếng Anh",
            )
            for country, names in EXPERT_NAMES.items()
            for name in names
        )
        return experts

    @staticmethod
    def _children(rng, courses, experts, admin) -> tuple[int, int, int]:
        form_phases: dict[int, list[FormPhase]] = {}
        for phase in FormPhase.objects.order_by("order"):
            form_phases.setdefault(phase.form_id, []).append(phase)
        by_country: dict[str, list[Expert]] = {}
        for expert in experts:
            by_country.setdefault(expert.country, []).append(expert)
        phases, items, transitions = [], [], []
        for course in courses:
            cursor = course.start
            for phase in form_phases.get(course.form_id, []):
                end = min(
                    course.end, cursor + datetime.timedelta(days=(phase.typical_days or 120) - 1)
                )
                place = "Hà Nội" if phase.code == "DOMESTIC" else course.countries
                phases.append(
                    CoursePhase(course=course, form_phase=phase, start=cursor, end=end, place=place)
                )
                cursor = end + datetime.timedelta(days=1)
            abroad_start = (
                phases[-1].start if course.form.code == "LANGUAGE" and phases else course.start
            )
            span = max(1, (course.end - abroad_start).days)
            chosen = [AGENDA[0], *rng.sample(AGENDA[1:-1], 4), AGENDA[-1]]
            for index, (kind, title, host_type, host) in enumerate(chosen):
                day = abroad_start + datetime.timedelta(
                    days=min(span, round(index * span / (len(chosen) - 1)))
                )
                speakers = by_country.get(course.countries) or experts
                items.append(
                    AgendaItem(
                        course=course,
                        kind=kind,
                        date=day,
                        start_time=datetime.time(8 if index % 2 == 0 else 14, 0),
                        end_time=datetime.time(11 if index % 2 == 0 else 17, 0),
                        title=title.format(topic=course.title),
                        place=course.partner.name
                        if kind == AgendaKind.LECTURE
                        else course.countries,
                        host_type=host_type,
                        host=host.format(country=course.countries),
                        expert=rng.choice(speakers)
                        if kind in (AgendaKind.LECTURE, AgendaKind.ONLINE_SESSION)
                        else None,
                        content_group=course.content_group,
                    )
                )
            previous = CourseStatus.PLANNED
            for status in ABROAD_TRANSITIONS[course.status]:
                transitions.append(
                    CourseTransition(
                        course=course, from_status=previous, to_status=status, actor=admin
                    )
                )
                previous = status
        CoursePhase.objects.bulk_create(phases, batch_size=1000)
        AgendaItem.objects.bulk_create(items, batch_size=1000)
        CourseTransition.objects.bulk_create(transitions, batch_size=1000)
        return len(phases), len(items), len(transitions)
