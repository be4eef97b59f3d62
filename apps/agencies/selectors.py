"""Reads of the agency tree."""

from django.db.models import Count, Q, QuerySet

from apps.core.text import normalize_vi

from .models import Agency


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
