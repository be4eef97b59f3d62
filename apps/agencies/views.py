"""Agency views: browse the tree, see one agency, and (steering admins) add, edit and merge."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_filters.views import FilterView
from django_tables2.views import SingleTableMixin

from apps.core.forms import apply_service_errors
from apps.core.pages import edit_page
from apps.core.permissions import may, require
from apps.core.scoping import CHANGE, get_scoped_or_404

from . import selectors, services
from .filtersets import AgencyFilterSet
from .forms import AgencyForm, AgencyMergeForm, TreeSearchForm
from .models import Agency
from .permissions import MANAGE_AGENCIES, VIEW_AGENCIES
from .tables import AgencyTable


@require_GET
def agency_tree(request):
    """The top level grouped Central / Local; units load when a node is opened (htmx)."""
    require(request.user, VIEW_AGENCIES)
    form = TreeSearchForm(request.GET or None)
    params = form.cleaned_data if form.is_valid() else {}
    search = (params.get("q") or "").strip()
    include_merged = bool(params.get("merged"))
    context = {
        "form": form,
        "search": search,
        "include_merged": include_merged,
        "can_manage": may(request.user, MANAGE_AGENCIES),
    }
    if search:
        context["result"] = selectors.agency_tree_search(
            fetched_by=request.user, search=search, include_merged=include_merged
        )
    else:
        top = selectors.agency_top_level(fetched_by=request.user, include_merged=include_merged)
        context["sections"] = selectors.agency_tree_sections(top)
    return render(request, "agencies/agency_tree.html", context)


@require_GET
def agency_children(request, pk: int):
    """The units directly below one agency, as a fragment of the tree."""
    parent = get_scoped_or_404(Agency.objects, request.user, pk=pk)
    include_merged = request.GET.get("merged") == "1"
    nodes = selectors.agency_children(
        fetched_by=request.user, parent=parent, include_merged=include_merged
    )
    return render(
        request,
        "agencies/_tree_nodes.html",
        {"nodes": nodes, "include_merged": include_merged},
    )


class AgencyListView(SingleTableMixin, FilterView):
    """A flat, sortable, filterable list of the visible agencies."""

    template_name = "agencies/agency_list.html"
    table_class = AgencyTable
    filterset_class = AgencyFilterSet
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW_AGENCIES)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Agency.objects.restrict(self.request.user).select_related("parent", "successor")

    def get_table_kwargs(self):
        return {"cadre_totals": selectors.cadre_totals(fetched_by=self.request.user)}


agency_list = AgencyListView.as_view()


@require_GET
def agency_detail(request, pk: int):
    # Scoping alone decides: whoever may not see this agency (a participant too) gets a 404.
    agency = get_scoped_or_404(
        Agency.objects.select_related("parent", "successor"), request.user, pk=pk
    )
    user = request.user
    predecessors = selectors.agency_predecessors(fetched_by=user, agency=agency)
    successor_visible = (
        agency.successor_id is not None
        and Agency.objects.restrict(user).filter(pk=agency.successor_id).exists()
    )
    ancestors = selectors.agency_ancestors(fetched_by=user, agency=agency)
    context = {
        "agency": agency,
        "ancestors": ancestors,
        "parent_visible": any(a.pk == agency.parent_id for a in ancestors),
        "units": selectors.agency_units(fetched_by=user, agency=agency),
        "predecessors": predecessors,
        "successor_visible": successor_visible,
        "cadre_total": selectors.agency_cadre_total(fetched_by=user, agency=agency),
        "cadre_list_url": f"{reverse('cadres:cadre_list')}?agency={agency.pk}",
        "history": selectors.agency_history(fetched_by=user, agency=agency),
        "merge_entries": selectors.agency_merge_entries(agency=agency, predecessors=predecessors),
        "can_manage": may(user, MANAGE_AGENCIES),
    }
    return render(request, "agencies/agency_detail.html", context)


@require_http_methods(["GET", "POST"])
def agency_create(request):
    require(request.user, MANAGE_AGENCIES)
    return edit_page(
        request,
        AgencyForm(request.POST or None, user=request.user),
        save=lambda data: services.agency_create(actor=request.user, **data),
        template="agencies/agency_form.html",
        context={"agency": None},
        success_message=_("The agency “%(name)s” was added."),
    )


@require_http_methods(["GET", "POST"])
def agency_edit(request, pk: int):
    agency = get_scoped_or_404(Agency.objects, request.user, CHANGE, pk=pk)
    require(request.user, MANAGE_AGENCIES)
    form = AgencyForm(request.POST or None, instance=agency, user=request.user)
    if request.method == "POST" and form.is_valid():
        changes = form.changed_values()
        if not changes:
            messages.info(request, _("Nothing was changed."))
            return redirect(agency)
        try:
            agency = services.agency_update(actor=request.user, agency=agency, **changes)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The agency “%(name)s” was saved.") % {"name": agency})
            return redirect(agency)
    if form.is_bound:
        # The form changed the instance in memory: the page shows what is saved.
        agency.refresh_from_db()
    return render(request, "agencies/agency_form.html", {"form": form, "agency": agency})


@require_http_methods(["GET", "POST"])
def agency_merge(request, pk: int):
    """Two steps: the form, then a confirmation that says what will (not) happen."""
    agency = get_scoped_or_404(
        Agency.objects.select_related("successor"), request.user, CHANGE, pk=pk
    )
    require(request.user, MANAGE_AGENCIES)
    form = AgencyMergeForm(request.POST or None, user=request.user, agency=agency)
    context = {"form": form, "agency": agency}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "confirm" in request.POST:
            try:
                services.agency_merge(
                    actor=request.user,
                    predecessor=agency,
                    successor=data["successor"],
                    merged_on=data["merged_on"],
                    note=data["note"],
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("“%(name)s” is recorded as merged into “%(successor)s”.")
                    % {"name": agency.name, "successor": data["successor"].name},
                )
                return redirect(agency)
        elif "back" not in request.POST:
            context.update(
                {
                    "cadre_total": selectors.agency_cadre_total(
                        fetched_by=request.user, agency=agency
                    ),
                    "unit_count": Agency.objects.filter(parent=agency).count(),
                }
            )
            return render(request, "agencies/agency_merge_confirm.html", context)
    return render(request, "agencies/agency_merge.html", context)
