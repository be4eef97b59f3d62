"""Reads of the agency tree."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.history import HistoryEntry, change_history, records_of
from apps.core.models import AuditEntry
from apps.core.rules import is_agency_officer
from apps.core.text import normalize_vi

from .choices import AgencyKind
from .models import Agency

#: The people an agency's subtree counts: the cadre registry sits above agencies, so it hands
#: over its scoped queryset (rows with an ``agency``) in ``CadresConfig.ready()``.
_people: Callable[[object], QuerySet] | None = None


def register_people(queryset_for: Callable[[object], QuerySet]) -> None:
    global _people
    _people = queryset_for


def _visible_people(fetched_by) -> QuerySet | None:
    return _people(fetched_by) if _people is not None else None


#: At most this many search matches are drawn; a narrower query finds the rest.
SEARCH_LIMIT = 300

#: Top-level groups of the tree, in the order the Steering Committee reads them.
CENTRAL_GROUPS = [
    (AgencyKind.PARTY_BOARD, _("Central party boards")),
    (AgencyKind.MINISTRY, _("Ministries and sectors")),
    (AgencyKind.MASS_ORGANISATION, _("Central mass organisations")),
    (AgencyKind.PARTY_COMMITTEE, _("Party committees directly under the Centre")),
    (AgencyKind.CENTRAL_INSTITUTION, _("Central public institutions")),
]
LOCAL_KINDS = (AgencyKind.CITY, AgencyKind.PROVINCE)


def agency_list(*, fetched_by, search: str = "", include_merged: bool = True) -> QuerySet[Agency]:
    qs = Agency.objects.restrict(fetched_by).select_related("parent", "successor")
    if search:
        qs = qs.filter(search_key__contains=normalize_vi(search))
    if not include_merged:
        qs = qs.filter(successor__isnull=True)
    return qs


def agency_tree(*, fetched_by, search: str = "") -> list[Agency]:
    """Visible agencies in tree order, each with its number of direct cadres and units.

    When searching, the ancestors of every match are kept so the tree still reads as a tree.
    """
    visible = Agency.objects.restrict(fetched_by)
    qs = visible
    if search:
        matches = list(visible.filter(search_key__contains=normalize_vi(search)).values("path"))
        ancestor_ids = {int(part) for row in matches for part in row["path"].split("/") if part}
        qs = visible.filter(pk__in=ancestor_ids)
    return list(
        qs.select_related("successor")
        .annotate(
            cadre_count=Count("cadres", distinct=True),
            child_count=Count("children", distinct=True),
        )
        .order_by("path")
    )


def agency_choices(*, fetched_by, include_merged: bool = False) -> QuerySet[Agency]:
    """Agencies a user may pick in a form or filter: those in their scope."""
    qs = Agency.objects.restrict(fetched_by).only("pk", "name", "depth", "path", "code")
    if not include_merged:
        qs = qs.filter(Q(successor__isnull=True))
    return qs.order_by("path")


# --- the browsable tree: top level first, units loaded when a node is opened ---------------


def _with_child_count(qs: QuerySet[Agency], *, fetched_by, include_merged: bool):
    """Annotate how many units below each agency the user may see (one subquery, no N+1)."""
    children = Agency.objects.restrict(fetched_by).filter(parent=OuterRef("pk"))
    if not include_merged:
        children = children.filter(successor__isnull=True)
    counted = children.order_by().values("parent").annotate(n=Count("pk")).values("n")
    return qs.annotate(
        child_count=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
    )


def cadre_totals(*, fetched_by, within: Agency | None = None) -> dict[str, int]:
    """Visible cadres per subtree, keyed by tree path: one grouped query summed up the paths."""
    totals: dict[str, int] = defaultdict(int)
    qs = _visible_people(fetched_by)
    if qs is None:
        return totals
    if within is not None:
        qs = qs.filter(agency__path__startswith=within.path)
    rows = qs.order_by().values_list("agency__path").annotate(n=Count("pk"))
    for path, count in rows:
        prefix = ""
        for part in path.split("/")[:-1]:
            prefix = f"{prefix}{part}/"
            totals[prefix] += count
    return totals


def _attach_totals(agencies: list[Agency], totals: dict[str, int]) -> list[Agency]:
    for agency in agencies:
        agency.cadre_total = totals.get(agency.path, 0)
    return agencies


def agency_top_level(*, fetched_by, include_merged: bool = False) -> list[Agency]:
    """The visible agencies whose parent the user cannot see: roots, or an officer's own agency.

    Each carries ``child_count`` (visible units) and ``cadre_total`` (cadres in its subtree).
    """
    visible = Agency.objects.restrict(fetched_by)
    qs = visible.exclude(parent__in=visible.values("pk")).select_related("successor")
    if not include_merged:
        qs = qs.filter(successor__isnull=True)
    qs = _with_child_count(qs, fetched_by=fetched_by, include_merged=include_merged)
    return _attach_totals(list(qs.order_by("path")), cadre_totals(fetched_by=fetched_by))


def agency_children(*, fetched_by, parent: Agency, include_merged: bool = False) -> list[Agency]:
    """The visible units directly below ``parent``, with the same counts as the top level."""
    qs = Agency.objects.restrict(fetched_by).filter(parent=parent).select_related("successor")
    if not include_merged:
        qs = qs.filter(successor__isnull=True)
    qs = _with_child_count(qs, fetched_by=fetched_by, include_merged=include_merged)
    totals = cadre_totals(fetched_by=fetched_by, within=parent)
    return _attach_totals(list(qs.order_by("path")), totals)


@dataclass
class TreeSearchResult:
    nodes: list[Agency] = field(default_factory=list)
    match_count: int = 0
    truncated: bool = False


def agency_tree_search(*, fetched_by, search: str, include_merged: bool = False):
    """Matches of an accent-insensitive search with their visible ancestors, in tree order.

    Each node carries ``is_match``, ``child_count``, ``cadre_total`` and ``relative_depth``
    (its depth below the first visible ancestor, for indentation).
    """
    visible = Agency.objects.restrict(fetched_by)
    matches = visible.filter(search_key__contains=normalize_vi(search))
    if not include_merged:
        matches = matches.filter(successor__isnull=True)
    rows = list(matches.order_by("path").values_list("pk", "path")[: SEARCH_LIMIT + 1])
    truncated = len(rows) > SEARCH_LIMIT
    rows = rows[:SEARCH_LIMIT]
    match_ids = {pk for pk, _path in rows}
    wanted = {int(part) for _pk, path in rows for part in path.split("/") if part}
    qs = visible.filter(pk__in=wanted).select_related("successor")
    qs = _with_child_count(qs, fetched_by=fetched_by, include_merged=include_merged)
    nodes = _attach_totals(list(qs.order_by("path")), cadre_totals(fetched_by=fetched_by))
    shown = {node.pk for node in nodes}
    for node in nodes:
        node.is_match = node.pk in match_ids
        node.relative_depth = sum(1 for pk in node.ancestor_ids if pk in shown)
    return TreeSearchResult(nodes=nodes, match_count=len(rows), truncated=truncated)


@dataclass
class TreeGroup:
    label: str
    nodes: list[Agency]


@dataclass
class TreeSection:
    label: str
    groups: list[TreeGroup]

    @property
    def count(self) -> int:
        return sum(len(group.nodes) for group in self.groups)


def agency_tree_sections(nodes: list[Agency]) -> list[TreeSection]:
    """Group top-level agencies: Central (by kind of body), then Local (provinces and cities)."""
    by_kind: dict[str, list[Agency]] = defaultdict(list)
    units: dict[bool, list[Agency]] = defaultdict(list)
    for node in nodes:
        if node.kind in dict(CENTRAL_GROUPS) or node.kind in LOCAL_KINDS:
            by_kind[node.kind].append(node)
        else:
            units[node.is_central].append(node)
    central = [TreeGroup(str(label), by_kind[kind]) for kind, label in CENTRAL_GROUPS]
    central.append(TreeGroup(str(_("Units")), units[True]))
    local_nodes = sorted(
        by_kind[AgencyKind.CITY] + by_kind[AgencyKind.PROVINCE], key=lambda a: a.path
    )
    local = [
        TreeGroup(str(_("Provinces and centrally-run cities")), local_nodes),
        TreeGroup(str(_("Units")), units[False]),
    ]
    sections = [
        TreeSection(str(_("Central")), [g for g in central if g.nodes]),
        TreeSection(str(_("Local")), [g for g in local if g.nodes]),
    ]
    return [section for section in sections if section.groups]


# --- one agency -----------------------------------------------------------------------------


def agency_ancestors(*, fetched_by, agency: Agency) -> list[Agency]:
    """The parent chain from the root down, limited to what the user may see."""
    ids = agency.ancestor_ids
    if not ids:
        return []
    return list(Agency.objects.restrict(fetched_by).filter(pk__in=ids).order_by("path"))


def agency_units(*, fetched_by, agency: Agency) -> list[Agency]:
    """Direct units, merged ones included (they keep their history), with their counts."""
    return agency_children(fetched_by=fetched_by, parent=agency, include_merged=True)


def agency_predecessors(*, fetched_by, agency: Agency) -> list[Agency]:
    return list(
        Agency.objects.restrict(fetched_by).filter(successor=agency).order_by("merged_on", "path")
    )


def agency_cadre_total(*, fetched_by, agency: Agency) -> int:
    """Visible cadres of the agency and every unit below it."""
    qs = _visible_people(fetched_by)
    return 0 if qs is None else qs.filter(agency__path__startswith=agency.path).count()


def agency_merge_entries(*, agency: Agency, predecessors: list[Agency]) -> QuerySet[AuditEntry]:
    """Audit entries of the merges of this agency and of those merged into it."""
    ids = [str(agency.pk)] + [str(p.pk) for p in predecessors]
    return AuditEntry.objects.filter(
        object_type=Agency._meta.label_lower, object_id__in=ids, action="agencies.merge"
    ).select_related("actor")


HISTORY_LIMIT = 100


def agency_history(*, fetched_by, agency: Agency) -> list[HistoryEntry]:
    """Who changed what and when, newest first (``apps.core.history``).

    Agencies named in a change (parent, successor) are shown by name when the user may see
    them; three queries whatever the number of records.
    """

    def visible_names(model, ids) -> dict:
        rows = Agency.objects.restrict(fetched_by).filter(pk__in=ids)
        return dict(rows.values_list("pk", "name"))

    return change_history(
        records_of(agency, HISTORY_LIMIT),
        Agency,
        limit=HISTORY_LIMIT,
        names=visible_names,
        hidden=str(_("another agency")),
    )


def agency_choices_cache_key(*, fetched_by, include_merged: bool = False) -> str:
    """A key that changes whenever the agencies a user may pick, or their names, change."""
    stamp = Agency.history.aggregate(latest=Max("history_id"))["latest"] or 0
    user = fetched_by
    scope = user.agency_id if is_agency_officer(user) else f"all-{user.role}"
    return f"agency-options:{get_language()}:{scope}:{int(include_merged)}:{stamp}"


# --- a unit named with its ministry or province -----------------------------------------------

#: characters of a root's path ("000012/"): each level is six digits and a slash
ROOT_PATH_LENGTH = 7


def with_top_agency(name: str, top: str | None) -> str:
    """ "Văn phòng Bộ — Bộ Nội vụ": a unit with the ministry or province it belongs to."""
    if not top or top == name:
        return name
    return f"{name} — {top}"


def top_agency_name(path_field: str = "agency__path") -> Subquery:
    """The name of the root (ministry, province…) above the row's agency, as one subquery."""
    return Subquery(
        Agency.objects.filter(path=Substr(OuterRef(path_field), 1, ROOT_PATH_LENGTH)).values(
            "name"
        )[:1]
    )


def agency_labels() -> dict[int, str]:
    """Every agency's name with its root's, for exports (two columns of the table, one pass)."""
    rows = list(Agency.objects.values_list("pk", "name", "path", "depth"))
    roots = {path: name for _pk, name, path, depth in rows if depth == 0}
    return {
        pk: name if depth == 0 else with_top_agency(name, roots.get(path[:ROOT_PATH_LENGTH]))
        for pk, name, path, depth in rows
    }
