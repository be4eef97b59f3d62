"""Cadres with their position history and languages, consistent with the agency they work in.

Leaders fill the posts each agency really has (one minister per ministry, a handful of deputy
directors per department); everyone else is a head of division or a specialist of a unit. Names
keep their diacritics (as the agencies' personnel records do); about 1 % of records are the same
person entered twice (a typo, another order, a nearby birth date, sometimes another agency): the
overlap detection must find them. Rows are written with ``bulk_create`` in batches, without history.
"""

import dataclasses
import datetime
import random
from collections import deque

from apps.cadres.models import Cadre, LanguageSkill, PositionHistory
from apps.cadres.retirement import expected_retirement
from apps.cadres.services import cadre_fill_derived, retirement_roadmap
from apps.programme.models import PositionLevel, WorkField

from .. import people, vocab
from ..people import Weighted
from .agencies import AgencyIndex, Former, RootInfo, UnitInfo
from .base import DemoContext, Generator, register

TW, PS, DC, DL, OT = vocab.TW, vocab.PS, vocab.DC, vocab.DL, vocab.OT
MERGER_DAY = datetime.date(2025, 7, 1)
BATCH_SIZE = 5_000
#: Share of records that are leaders while the agencies still have posts to fill.
LEADER_SHARE = 0.55
NEAR_DUPLICATE_SHARE = 0.01
LEVEL_ORDER = {"A1": 0, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5}
#: How many staff a unit has, relative to others: (central, local) by kind.
UNIT_WEIGHTS = {
    "tong_cuc": (1.5, 1.0),
    "cuc": (2.0, 1.0),
    "vu": (1.4, 1.0),
    "so": (1.0, 1.0),
    "don_vi": (1.0, 0.7),
}
#: Minority shares by home province are population shares; cadres are somewhat more often Kinh.
MINORITY_SCALE = 0.75
HISTORY_ROWS = Weighted(((1, 15), (2, 35), (3, 30), (4, 20)))
OTHER_TITLES = Weighted(tuple((title, weight) for title, weight, _ages in vocab.OTHER_TITLES))
OTHER_AGES = {title: ages for title, _weight, ages in vocab.OTHER_TITLES}
HOMETOWNS = Weighted(tuple(vocab.HOMETOWN_WEIGHTS.items()))
RELIGIONS = Weighted(vocab.RELIGIONS)
ENGLISH_LEVELS = Weighted(vocab.ENGLISH_LEVELS)
OTHER_LANGUAGE_LEVELS = Weighted(vocab.OTHER_LANGUAGE_LEVELS)
BY_LEVEL = {
    name: {level: Weighted(pairs) for level, pairs in table.items()}
    for name, table in (
        ("degree", vocab.DEGREES),
        ("theory", vocab.POLITICAL_THEORY),
        ("management", vocab.STATE_MANAGEMENT),
    )
}
ROOT_POST_KEYS = {"tinh": "province", "thanh_pho": "province"}


@dataclasses.dataclass(slots=True)
class Post:
    """A position to fill: a leader post of a root or unit, or a staff title in a unit."""

    root: RootInfo
    unit: UnitInfo | None  # None: a post of the root agency itself
    title: str  # may hold {lvl} / {party}, filled for the province the row is in
    level: str
    category: str = "OTHER"
    party_position: str = ""
    career: tuple = ()
    fields: tuple[str, ...] = ()


@dataclasses.dataclass(slots=True)
class Step:
    """One line of a career before the current post."""

    title: str
    level: str
    unit: UnitInfo | None


@dataclasses.dataclass(slots=True)
class Record:
    """A generated cadre before it is written: the model's fields and its child rows."""

    fields: dict
    positions: list[dict]
    languages: list[dict]
    post: Post
    hometown: str
    birth_province: str


def _fill(title: str, lvl: str, party: str) -> str:
    return title.format(lvl=lvl, party=party) if "{" in title else title


def _root_title(title: str, root: RootInfo) -> str:
    """Put the root's own titles in; keep {lvl} and {party} for the row's province."""
    return title.format(
        head=root.head, deputy=root.deputy, standing=root.standing, lvl="{lvl}", party="{party}"
    )


def _days(years: float) -> int:
    return int(years * 365.2425)


class CadreMaker:
    """Makes one cadre record at a time from a seeded random stream (no database access)."""

    def __init__(self, rng: random.Random, index: AgencyIndex, ref: datetime.date, **lookups):
        self.rng = rng
        self.index = index
        self.ref = ref
        self.levels: dict[str, int] = lookups["levels"]
        self.fields: dict[str, int] = lookups["fields"]
        self.national_ids: set[str] = lookups["national_ids"]
        self.passports: set[str] = lookups["passports"]
        self.roadmap: dict = lookups["roadmap"]
        self._retirement_cache: dict[tuple[int, int, str], datetime.date] = {}
        units = [unit for unit in index.units if unit.pk is not None]
        self.staff_units = Weighted(
            tuple((unit, UNIT_WEIGHTS[unit.kind][not unit.is_central]) for unit in units)
        )
        #: Units of the same kind under the same root (a move within one ministry or province).
        self.siblings: dict[tuple[str, str], list[UnitInfo]] = {}
        #: Units of the same kind and sphere anywhere (a record entered by another agency).
        self.same_kind: dict[tuple[str, bool], list[UnitInfo]] = {}
        for unit in units:
            self.siblings.setdefault((unit.root_code, unit.kind), []).append(unit)
            self.same_kind.setdefault((unit.kind, unit.is_central), []).append(unit)
        self.career_units: dict[tuple[str, str], list[UnitInfo]] = {}
        for root in index.roots.values():
            self.career_units[root.code, "so"] = [u for u in root.units if u.kind == "so"]
            self.career_units[root.code, "party"] = [
                u for u in root.units if u.kind == "don_vi" and u.head_level == PS
            ]
            self.career_units[root.code, "unit"] = [u for u in root.units if u.head_level != TW]
        self.root_levels = {
            root.code: {post.title: post.level for post in self._root_posts(root)}
            for root in index.roots.values()
        }

    # --- posts ----------------------------------------------------------------------------------

    def _root_posts(self, root: RootInfo) -> list[Post]:
        posts = []
        specs = vocab.ROOT_POSTS.get(ROOT_POST_KEYS.get(root.kind, root.kind), ())
        for spec in specs:
            career = tuple(
                (_root_title(title, root) if where == "same" else title, where)
                for title, where in spec.career
            )
            post = Post(
                root,
                None,
                _root_title(spec.title, root),
                spec.level,
                spec.category,
                spec.party_position,
                career,
                spec.fields or (root.field,),
            )
            posts += [post] * spec.count
        return posts

    def leader_posts(self) -> list[Post]:
        """Every leader post of every agency, in a stable order."""
        posts: list[Post] = []
        for root in self.index.roots.values():
            posts += self._root_posts(root)
            for unit in root.units:
                if unit.pk is None:
                    continue
                standing = unit.head_level == PS and root.is_province
                head_party = f"Ủy viên Ban Thường vụ {root.party}" if standing else ""
                category = "BBT" if unit.head_level == TW else "OTHER"
                posts.append(Post(root, unit, unit.head, unit.head_level, category, head_party))
                deputies = 3 if unit.kind in {"cuc", "tong_cuc"} else 2
                posts += [Post(root, unit, unit.deputy, unit.deputy_level)] * deputies
        return posts

    def staff_post(self) -> Post:
        unit = self.staff_units.pick(self.rng)
        return Post(self.index.roots[unit.root_code], unit, OTHER_TITLES.pick(self.rng), OT)

    # --- the person -----------------------------------------------------------------------------

    def _retires(self, born: datetime.date, gender: str) -> datetime.date:
        key = (born.year, born.month, gender)
        if key not in self._retirement_cache:
            self._retirement_cache[key] = expected_retirement(born, gender, self.roadmap)
        return self._retirement_cache[key]

    def _birth_date(self, post: Post, gender: str) -> datetime.date:
        low, mode, high = (
            OTHER_AGES[post.title] if post.level == OT else vocab.AGE_BY_LEVEL[post.level]
        )
        if gender == "F":
            high = min(high, 56)
            mode = min(mode, high - 2)
        age = self.rng.triangular(low, high + 1, mode)
        born = self.ref - datetime.timedelta(days=_days(age))
        # Still at work: a year younger until retirement is at least two months away.
        while self._retires(born, gender) <= self.ref + datetime.timedelta(days=60):
            born += datetime.timedelta(days=365)
        return born

    def _hometown(self, root: RootInfo) -> tuple[str, str]:
        rng = self.rng
        if root.is_province and root.formers and rng.random() < 0.8:
            hometown = rng.choice(root.formers).name
        else:
            hometown = HOMETOWNS.pick(rng)
        born_in = hometown if rng.random() < 0.85 else HOMETOWNS.pick(rng)
        return hometown, born_in

    def _hometown_label(self, hometown: str) -> str:
        root = self.index.former_roots.get(hometown)
        if root is None or hometown in {root.place, f"TP {root.place}"}:
            return hometown
        return f"{hometown} (nay thuộc {root.lvl} {root.place})"

    def _ethnicity(self, hometown: str) -> str:
        roll = self.rng.random() * 100 / MINORITY_SCALE
        for ethnicity, share in vocab.HOMETOWN_ETHNICITIES.get(hometown, ()):
            if roll < share:
                return ethnicity
            roll -= share
        if roll < 0.8:  # cadres of minorities working away from their home province
            return self.rng.choice(("Tày", "Mường", "Thái", "Nùng", "Hoa", "Khmer"))
        return "Kinh"

    def _education(self, level: str, field: str) -> dict:
        rng = self.rng
        degree = BY_LEVEL["degree"][level].pick(rng)
        if degree == "CN" and field in vocab.ENGINEERING_FIELDS and rng.random() < 0.5:
            degree = "KS"
        title = ""
        if degree == "TS":
            associate, full = vocab.ACADEMIC_TITLES[level]
            roll = rng.random()
            title = "GS" if roll < full else "PGS" if roll < full + associate else ""
        speciality = rng.choice(vocab.SPECIALITIES[field])
        return {
            "degree": degree,
            "academic_title": title,
            "education": f"{vocab.DEGREE_LABELS[degree]} {speciality}",
            "political_theory": BY_LEVEL["theory"][level].pick(rng),
            "state_management": BY_LEVEL["management"][level].pick(rng),
        }

    def _party(self, level: str, born: datetime.date) -> dict:
        rng = self.rng
        if level == OT and rng.random() < 0.08:
            return {"party_joined_on": None, "party_official_on": None}
        joined = born + datetime.timedelta(days=_days(rng.randint(21, 33)) + rng.randrange(365))
        if joined > self.ref - datetime.timedelta(days=30):
            joined = self.ref - datetime.timedelta(days=rng.randint(400, 3000))
        official = joined + datetime.timedelta(days=365)  # twelve months as a candidate member
        return {
            "party_joined_on": joined,
            "party_official_on": official if official <= self.ref else None,
        }

    def _passport(self, level: str) -> dict:
        rng = self.rng
        if rng.random() >= 0.4:
            return {"passport_number": "", "passport_expiry": None}
        official = rng.random() < (0.7 if level != OT else 0.2)
        issued = self.ref - datetime.timedelta(days=rng.randint(0, 11 * 365))
        return {
            "passport_number": people.passport_number(rng, official=official, taken=self.passports),
            "passport_expiry": issued + datetime.timedelta(days=_days(10) - 1),
        }

    def _languages(self, level, field, age, root_code, ethnicity) -> list[dict]:
        rng = self.rng
        chosen: list[tuple[str, str]] = []
        if rng.random() < vocab.ENGLISH_SHARE[level]:
            english = ENGLISH_LEVELS.pick(rng)
            if field == "DN" and english in {"A2", "B1", "B2"} and rng.random() < 0.5:
                english = {"A2": "B1", "B1": "B2", "B2": "C1"}[english]
            chosen.append(("en", english))
        for language, base in vocab.OTHER_LANGUAGES:
            chance = base * (2 if field == "DN" else 1)
            if language == "ru" and age >= 52:
                chance *= 3  # the generation that studied in the Soviet Union
            if root_code in vocab.BORDER_LANGUAGES.get(language, ()):
                chance *= 4
            if language == "km" and ethnicity == "Khmer":
                chance = 0.8
            if len(chosen) < 3 and rng.random() < chance:
                language_level = OTHER_LANGUAGE_LEVELS.pick(rng)
                if language == "km" and ethnicity == "Khmer":
                    language_level = rng.choice(("C1", "C2"))
                chosen.append((language, language_level))
        rows = []
        for language, language_level in chosen:
            options = vocab.CERTIFICATES.get(language, {}).get(language_level)
            certificate, score = (
                rng.choice(options) if options else (vocab.FRAMEWORK_CERTIFICATE, "")
            )
            years_back = max(1, min(age - 22, 25))
            rows.append(
                {
                    "language": language,
                    "level": language_level,
                    "certificate": certificate,
                    "score": score,
                    "certified_on": self.ref
                    - datetime.timedelta(days=rng.randint(30, years_back * 365)),
                }
            )
        return rows

    # --- the career -----------------------------------------------------------------------------

    def _sibling(self, unit: UnitInfo) -> UnitInfo:
        return self.rng.choice(self.siblings.get((unit.root_code, unit.kind)) or [unit])

    def _below(self, step: Step) -> list[Step]:
        """The usual steps up to ``step`` inside units: deputy, head of division, specialist."""
        rng, unit = self.rng, step.unit
        if unit is None:
            return []
        steps: list[Step] = []
        if step.title == unit.head:
            unit = unit if rng.random() < 0.65 else self._sibling(unit)
            steps.append(Step(unit.deputy, unit.deputy_level, unit))
            title = "Trưởng phòng"
        elif step.title == unit.deputy:
            title = "Trưởng phòng"
        else:
            title = vocab.OTHER_LADDER[step.title]
            unit = unit if rng.random() < 0.7 else self._sibling(unit)
        steps.append(Step(title, OT, unit))
        while len(steps) < 4 and title != "Chuyên viên":
            title = vocab.OTHER_LADDER[title]
            steps.append(Step(title, OT, unit))
        return steps

    def _career(self, post: Post) -> list[Step]:
        if post.unit is not None:
            return self._below(Step(post.title, post.level, post.unit))
        steps: list[Step] = []
        for title, where in post.career:
            if where == "same":
                level = self.root_levels[post.root.code].get(title, PS)
                steps.append(Step(title, level, None))
                continue
            units = self.career_units.get((post.root.code, where))
            if not units:
                break
            unit = self.rng.choice(units)
            if title == "{head}":
                steps.append(Step(unit.head, unit.head_level, unit))
            else:
                steps.append(Step(unit.deputy, unit.deputy_level, unit))
        if steps and steps[-1].unit is not None:
            steps += self._below(steps[-1])
        return steps

    def _row(self, step: Step, root: RootInfo, start, end, former: Former | None) -> dict:
        unit = step.unit
        if former is not None and former.pk is not None:
            party = "Thành ủy" if former.lvl == "thành phố" else "Tỉnh ủy"
            if unit is not None:
                name = unit.name_template.format(lvl=former.lvl, party=party, place=former.place)
            else:
                name = f"{former.lvl.capitalize()} {former.place}"
            return {
                "start": start,
                "end": end,
                "agency_id": former.pk,
                "unit": name,
                "position_title": _fill(step.title, former.lvl, party),
                "position_level_id": self.levels[step.level],
            }
        return {
            "start": start,
            "end": end,
            "agency_id": unit.pk if unit is not None else root.pk,
            "unit": self._unit_name(unit, root),
            "position_title": _fill(step.title, root.lvl, root.party),
            "position_level_id": self.levels[step.level],
        }

    @staticmethod
    def _unit_name(unit: UnitInfo | None, root: RootInfo) -> str:
        """As written in a career: a central unit with its ministry, a local one as it is."""
        if unit is None:
            return root.name
        return (f"{unit.name}, {root.name}" if unit.is_central else unit.name)[:255]

    def _positions(self, post: Post, born: datetime.date, hometown: str) -> list[dict]:
        rng, root = self.rng, post.root
        former = None
        if len(root.formers) > 1:  # merged on 01/07/2025: earlier posts were in a former one
            own = [f for f in root.formers if f.name == hometown]
            former = own[0] if own and rng.random() < 0.7 else rng.choice(root.formers)
        wanted = HISTORY_ROWS.pick(rng)
        current = Step(post.title, post.level, post.unit)
        steps = self._career(post)
        if former is not None and rng.random() < 0.35:
            start = MERGER_DAY  # re-appointed in the merged province, same post as before
            steps.insert(0, current)
        else:
            start = self.ref - datetime.timedelta(days=rng.randint(30, 5 * 365))
        rows = [self._row(current, root, start, None, None)]
        earliest = born + datetime.timedelta(days=_days(23))
        for step in steps[: wanted - 1]:
            end = start - datetime.timedelta(days=1)
            start = max(end - datetime.timedelta(days=rng.randint(700, 2200)), earliest)
            if start >= end:
                break
            rows.append(self._row(step, root, start, end, former if end < MERGER_DAY else None))
        return rows

    # --- records --------------------------------------------------------------------------------

    def record(self, post: Post) -> Record:
        rng = self.rng
        female_share = vocab.FEMALE_SHARE[post.level]
        if post.unit is not None and post.unit.field == "QPAN" and post.level != OT:
            female_share /= 4  # few women command soldiers or police
        gender = "F" if rng.random() < female_share else "M"
        born = self._birth_date(post, gender)
        age = (self.ref - born).days // 365
        hometown, born_in = self._hometown(post.root)
        ethnicity = self._ethnicity(hometown)
        name = people.person_name(rng, gender, ethnicity)
        if post.fields:
            field = rng.choice(post.fields)
        elif rng.random() < 0.85:
            field = post.unit.field
        else:
            field = rng.choice(("TCCB", "KTTC", "QLNN"))
        religion = (
            "Phật giáo" if ethnicity == "Khmer" and rng.random() < 0.6 else RELIGIONS.pick(rng)
        )
        languages = self._languages(post.level, field, age, post.root.code, ethnicity)
        best = max((LEVEL_ORDER[row["level"]] for row in languages), default=-1)
        uses_language = rng.random() < (
            0.85 if field == "DN" and best >= 2 else 0.12 if best >= 3 else 0.03 if best >= 0 else 0
        )
        positions = self._positions(post, born, hometown)
        planned_for = ""
        if post.unit is not None and post.level != OT and rng.random() < 0.2:
            root = post.root
            if post.title == post.unit.deputy:
                planned_for = post.unit.head
            else:
                next_post = root.deputy or "Phó Chủ tịch Ủy ban nhân dân {lvl}"
                planned_for = _fill(next_post, root.lvl, root.party)
        fields = {
            "full_name": name,
            "gender": gender,
            "date_of_birth": born,
            "place_of_birth": born_in,
            "hometown": self._hometown_label(hometown),
            "ethnicity": ethnicity,
            "religion": religion,
            "national_id": people.national_id(
                rng,
                province_code=vocab.NATIONAL_ID_PROVINCE_CODES.get(born_in, 1),
                gender=gender,
                born=born,
                taken=self.national_ids,
            ),
            "agency_id": positions[0]["agency_id"],
            "position_title": positions[0]["position_title"],
            "appointed_on": positions[0]["start"],
            "party_position": _fill(post.party_position, post.root.lvl, post.root.party),
            "management_category": post.category,
            "position_level_id": self.levels[post.level],
            "planned_for": planned_for,
            "work_field_id": self.fields[field],
            "uses_foreign_language": uses_language,
            "foreign_ties": rng.choice(vocab.FOREIGN_TIES) if rng.random() < 0.03 else "",
            **self._passport(post.level),
            **self._party(post.level, born),
            **self._education(post.level, field),
        }
        return Record(fields, positions, languages, post, hometown, born_in)

    def near_duplicate(self, original: Record) -> Record:
        """The same person entered again: another spelling, a nearby birth date, maybe elsewhere."""
        rng = self.rng
        fields = dict(original.fields)
        fields["full_name"] = people.name_variant(rng, fields["full_name"])
        born = fields["date_of_birth"]
        roll = rng.random()
        if roll < 0.2:
            born += datetime.timedelta(days=rng.choice((-3, -2, -1, 1, 2, 3)))
        elif roll < 0.3 and born.day <= 12 and born.day != born.month:
            born = born.replace(month=born.day, day=born.month)  # day and month swapped
        elif roll < 0.4:
            born = born.replace(month=1, day=1)  # only the year was known
        if self._retires(born, fields["gender"]) > self.ref:  # the copy is still at work too
            fields["date_of_birth"] = born
        fields["national_id"] = people.national_id(
            rng,
            province_code=vocab.NATIONAL_ID_PROVINCE_CODES.get(original.birth_province, 1),
            gender=fields["gender"],
            born=fields["date_of_birth"],
            taken=self.national_ids,
        )
        fields["passport_number"], fields["passport_expiry"] = "", None
        positions = [dict(row) for row in original.positions]
        unit = original.post.unit
        if unit is not None and rng.random() < 0.5:  # recorded again by another unit
            other = rng.choice(self.same_kind.get((unit.kind, unit.is_central)) or [unit])
            same_posts = (other.head, other.deputy, other.head_level, other.deputy_level) == (
                unit.head,
                unit.deputy,
                unit.head_level,
                unit.deputy_level,
            )
            if same_posts:
                fields["agency_id"] = positions[0]["agency_id"] = other.pk
                positions[0]["unit"] = self._unit_name(other, self.index.roots[other.root_code])
        languages = [dict(row) for row in original.languages]
        return dataclasses.replace(
            original, fields=fields, positions=positions, languages=languages
        )


@register
class CadreGenerator(Generator):
    name = "cadres"
    order = 20

    @classmethod
    def add_arguments(cls, parser) -> None:
        parser.add_argument(
            "--cadres", type=int, default=5000, help="How many cadres to make (default 5000)."
        )

    def run(self, ctx: DemoContext) -> dict[str, int]:
        total = int(ctx.options.get("cadres", 5000))
        index: AgencyIndex = ctx.shared["agencies"]
        rng = ctx.rng(self.name)
        maker = CadreMaker(
            rng,
            index,
            ctx.reference_date,
            levels=dict(PositionLevel.objects.values_list("code", "pk")),
            fields=dict(WorkField.objects.values_list("code", "pk")),
            national_ids=set(Cadre.objects.values_list("national_id", flat=True)),
            passports=set(
                Cadre.objects.exclude(passport_number="").values_list("passport_number", flat=True)
            ),
            roadmap=retirement_roadmap(),
        )
        duplicates = round(total * NEAR_DUPLICATE_SHARE)
        originals = total - duplicates
        posts = maker.leader_posts()
        leaders = rng.sample(posts, min(len(posts), round(originals * LEADER_SHARE)))
        plan: list[Post | None] = [*leaders, *([None] * (originals - len(leaders)))]
        rng.shuffle(plan)
        duplicate_at = (
            set(rng.sample(range(min(10, total), total), duplicates)) if duplicates else set()
        )

        recent: deque[Record] = deque(maxlen=2_000)
        pairs: list[tuple[str, str]] = []
        figures = dict.fromkeys(("cadres", "positions", "languages"), 0)
        batch: list[Record] = []
        planned = iter(plan)
        for position in range(total):
            if position in duplicate_at and recent:
                original = rng.choice(recent)
                record = maker.near_duplicate(original)
                pairs.append((original.fields["national_id"], record.fields["national_id"]))
            else:
                post = next(planned, None) or maker.staff_post()
                record = maker.record(post)
                recent.append(record)
            batch.append(record)
            if len(batch) == BATCH_SIZE:
                self._write(batch, maker.roadmap, figures)
                batch = []
                ctx.log(f"cadres: {position + 1:,} / {total:,}")
        self._write(batch, maker.roadmap, figures)
        ctx.shared["cadres"] = {"near_duplicates": pairs}
        figures["near-duplicate records"] = len(pairs)
        return figures

    @staticmethod
    def _write(batch: list[Record], roadmap: dict, figures: dict[str, int]) -> None:
        if not batch:
            return
        cadres = [cadre_fill_derived(Cadre(**record.fields), roadmap=roadmap) for record in batch]
        Cadre.objects.bulk_create(cadres, batch_size=BATCH_SIZE)
        positions = [
            PositionHistory(cadre_id=cadre.pk, **row)
            for cadre, record in zip(cadres, batch, strict=True)
            for row in record.positions
        ]
        languages = [
            LanguageSkill(cadre_id=cadre.pk, **row)
            for cadre, record in zip(cadres, batch, strict=True)
            for row in record.languages
        ]
        PositionHistory.objects.bulk_create(positions, batch_size=BATCH_SIZE)
        LanguageSkill.objects.bulk_create(languages, batch_size=BATCH_SIZE)
        figures["cadres"] += len(cadres)
        figures["positions"] += len(positions)
        figures["languages"] += len(languages)
