"""An agency officer's scope in the tree: its own subtree and those of agencies merged into it.

Registered with ``apps.core.scoping`` in ``AgenciesConfig.ready()``, so every scoped queryset
narrows an officer's rows through this one lookup.
"""

from django.db.models import Q, QuerySet

from .models import Agency


def agency_scope_paths(user) -> list[str]:
    """Tree paths an agency officer works for: its own, and those of agencies merged into it.

    Merges can chain (A into B, B into C), so predecessors are followed until none is left.
    The answer is cached on the user object for the rest of the request.
    """
    cached = getattr(user, "_scope_paths", None)
    if cached is not None:
        return cached
    paths = [user.agency.path]
    frontier = paths
    while frontier:
        merged_in = Q()
        for path in frontier:
            merged_in |= Q(successor__path__startswith=path)
        frontier = [
            path
            for path in Agency.objects.filter(merged_in).values_list("path", flat=True)
            if path not in paths
        ]
        paths = paths + frontier
    user._scope_paths = paths
    return paths


def agency_scope_ids(user) -> QuerySet:
    """Ids of the agencies an agency officer works for: its subtree, merged predecessors and
    their units."""
    in_scope = Q()
    for path in agency_scope_paths(user):
        in_scope |= Q(path__startswith=path)
    return Agency.objects.filter(in_scope).values("pk")
