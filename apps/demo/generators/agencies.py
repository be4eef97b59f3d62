"""Units below the reference roots: tổng cục, cục, vụ of central bodies; sở and boards of provinces.

The structure is the same for every seed (it comes from ``vocab``), so the generator only
creates the units that are missing and a second run, or a run with another seed, reuses them.
Units are created through ``agency_create`` — one code path for path, depth, central/local and
search key; ~1,350 units take a few seconds, small beside the cadres.
"""

import csv
import dataclasses

from django.conf import settings

from apps.agencies.choices import AgencyKind
from apps.agencies.models import Agency
from apps.agencies.reference import FORMER_CITIES, former_province_code
from apps.agencies.services import agency_create

from .. import vocab
from .base import DemoContext, Generator, register

PROVINCE_KINDS = frozenset({AgencyKind.PROVINCE, AgencyKind.CITY})
CODE_PREFIX = {"tong_cuc": "TC", "cuc": "C", "vu": "V", "so": "S", "don_vi": "D"}


@dataclasses.dataclass
class UnitInfo:
    """A planned unit and what the cadre generator needs to staff it."""

    code: str
    name: str
    short_name: str
    kind: str
    parent_code: str
    root_code: str
    is_central: bool
    field: str
    head: str
    deputy: str
    head_level: str
    deputy_level: str
    #: The name with {lvl}, {party} and {place} left open, to name it in a former province.
    name_template: str = ""
    pk: int | None = None


@dataclasses.dataclass
class Former:
    """A province as it was before 01/07/2025 (a merged predecessor of a current one)."""

    name: str  # as in reference/provinces-2025.csv: "Nam Định", "TP Hồ Chí Minh"
    lvl: str  # "tỉnh" or "thành phố"
    place: str  # "Nam Định", "Hồ Chí Minh"
    pk: int | None


@dataclasses.dataclass
class RootInfo:
    code: str
    pk: int
    name: str
    kind: str
    is_central: bool
    field: str
    head: str
    deputy: str
    standing: str
    lvl: str = ""
    party: str = ""
    place: str = ""
    formers: list[Former] = dataclasses.field(default_factory=list)
    units: list[UnitInfo] = dataclasses.field(default_factory=list)

    @property
    def is_province(self) -> bool:
        return self.kind in PROVINCE_KINDS


@dataclasses.dataclass
class AgencyIndex:
    """The demo's agency tree as the cadre generator sees it."""

    roots: dict[str, RootInfo]
    units: list[UnitInfo]
    #: Former province name → the current province root it belongs to.
    former_roots: dict[str, RootInfo]


def _former(name: str, pks: dict[str, int]) -> Former:
    if name.startswith("TP "):
        lvl, place = "thành phố", name[3:]
    else:
        lvl, place = ("thành phố" if name in FORMER_CITIES else "tỉnh"), name
    return Former(name=name, lvl=lvl, place=place, pk=pks.get(former_province_code(name)))


def _read_formers() -> dict[str, list[str]]:
    path = settings.REFERENCE_DIR / "provinces-2025.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["code"]: [part.strip() for part in row["merged_from"].split(";")]
            for row in csv.DictReader(handle)
        }


def _root_info(agency: Agency, formers: dict[str, list[str]], former_pks: dict) -> RootInfo:
    titles = vocab.ROOT_TITLES.get(agency.code) or vocab.ROOT_TITLES.get(agency.kind, ("", "", ""))
    root = RootInfo(
        code=agency.code,
        pk=agency.pk,
        name=agency.name,
        kind=agency.kind,
        is_central=agency.is_central,
        field=vocab.ROOT_FIELDS.get(agency.code, "QLNN"),
        head=titles[0],
        deputy=titles[1],
        standing=titles[2],
    )
    if root.is_province:
        city = agency.kind == AgencyKind.CITY
        root.lvl, root.party = ("thành phố", "Thành ủy") if city else ("tỉnh", "Tỉnh ủy")
        root.place = agency.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        names = formers.get(agency.code) or [root.place]
        root.formers = [_former(name, former_pks) for name in names]
    return root


def _unit_entries(root: RootInfo) -> list[tuple]:
    if root.is_province:
        entries = list(vocab.PROVINCIAL_UNITS)
        entries += [entry for entry, codes in vocab.PROVINCIAL_OPTIONAL_UNITS if root.code in codes]
        return entries
    entries: list[tuple] = []
    if root.kind == AgencyKind.MINISTRY:
        without = vocab.WITHOUT_COMMON_UNITS.get(root.code, frozenset())
        entries += [entry for entry in vocab.COMMON_MINISTRY_UNITS if entry[0] not in without]
    elif root.kind == AgencyKind.PARTY_COMMITTEE:
        entries += vocab.PARTY_COMMITTEE_UNITS
    return entries + list(vocab.CENTRAL_UNITS.get(root.code, ()))


def _plan_units(root: RootInfo, parent_code: str, entries: list[tuple]) -> list[UnitInfo]:
    planned: list[UnitInfo] = []
    counters: dict[str, int] = {}
    base_level = vocab.DC if root.is_central else vocab.DL
    for template, kind, field, extra in entries:
        counters[kind] = counters.get(kind, 0) + 1
        code = f"{parent_code}_{CODE_PREFIX[kind]}{counters[kind]:02d}"
        if root.is_province:
            name_template = template + ("" if "{" in template else " {lvl}") + " {place}"
            name = name_template.format(lvl=root.lvl, party=root.party, place=root.place)
            short = extra.get("short", template.format(lvl=root.lvl, party=root.party))
        else:
            name, short, name_template = template, "", template
        head, deputy = extra.get("titles") or vocab.UNIT_TITLES[kind]
        head_level = extra.get("head_level", base_level)
        unit = UnitInfo(
            code=code,
            name=name,
            short_name=short,
            kind=kind,
            parent_code=parent_code,
            root_code=root.code,
            is_central=root.is_central,
            field=field or root.field,
            head=head,
            deputy=deputy,
            head_level=head_level,
            deputy_level=base_level,
            name_template=name_template,
        )
        planned.append(unit)
        planned += _plan_units(root, code, list(extra.get("children", ())))
    return planned


def build_index(roots: list[Agency]) -> AgencyIndex:
    """Plan the units of every root (no database writes; pks are filled in by the generator)."""
    formers = _read_formers()
    former_pks = dict(
        Agency.objects.filter(successor__isnull=False).values_list("code", "pk").order_by("code")
    )
    infos = {agency.code: _root_info(agency, formers, former_pks) for agency in roots}
    units: list[UnitInfo] = []
    for root in infos.values():
        root.units = _plan_units(root, root.code, _unit_entries(root))
        units += root.units
    former_roots = {f.name: root for root in infos.values() for f in root.formers}
    return AgencyIndex(roots=infos, units=units, former_roots=former_roots)


@register
class AgencyGenerator(Generator):
    name = "agencies"
    order = 10

    def run(self, ctx: DemoContext) -> dict[str, int]:
        roots = sorted(
            Agency.objects.filter(parent__isnull=True, successor__isnull=True, is_active=True),
            key=lambda agency: agency.code,  # in Python: the same order whatever the collation
        )
        index = build_index(roots)
        by_code: dict[str, Agency] = {agency.code: agency for agency in roots}
        by_code.update(
            (agency.code, agency)
            for agency in Agency.objects.filter(code__in=[unit.code for unit in index.units])
        )
        created = 0
        for unit in index.units:  # parents come before their children
            agency = by_code.get(unit.code)
            if agency is None:
                agency = agency_create(
                    actor=None,
                    code=unit.code,
                    name=unit.name,
                    short_name=unit.short_name,
                    kind=unit.kind,
                    parent=by_code[unit.parent_code],
                )
                by_code[unit.code] = agency
                created += 1
            unit.pk = agency.pk
        ctx.shared["agencies"] = index
        return {"agencies": Agency.objects.count(), "agency units created": created}
