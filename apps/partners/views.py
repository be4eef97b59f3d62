"""Pages of the partner and expert registries: check access, call a selector or service."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from apps.core.pages import ListPage, edit_page
from apps.core.permissions import require
from apps.core.scoping import CHANGE, get_scoped_or_404

from . import services
from .filtersets import ExpertFilter, PartnerFilter
from .forms import ExpertForm, PartnerForm
from .models import Expert, Partner
from .permissions import CHANGE_REGISTRY, VIEW_REGISTRY
from .sections import EXPERT_SECTIONS, PARTNER_SECTIONS
from .selectors import expert_list, partner_list
from .tables import ExpertTable, PartnerTable


class PartnerListView(ListPage):
    table_class = PartnerTable
    filterset_class = PartnerFilter
    title = _("Partners")
    create_url = "partners:partner_create"
    create_label = _("Add a partner")
    perm = VIEW_REGISTRY
    create_perm = CHANGE_REGISTRY

    def get_queryset(self):
        return partner_list(fetched_by=self.request.user)


class ExpertListView(ListPage):
    table_class = ExpertTable
    filterset_class = ExpertFilter
    title = _("Experts")
    create_url = "partners:expert_create"
    create_label = _("Add an expert")
    perm = VIEW_REGISTRY
    create_perm = CHANGE_REGISTRY

    def get_queryset(self):
        return expert_list(fetched_by=self.request.user)


partner_list_view = PartnerListView.as_view()
expert_list_view = ExpertListView.as_view()


def partner_create(request):
    require(request.user, CHANGE_REGISTRY)
    return edit_page(
        request,
        PartnerForm(request.POST or None),
        title=_("New partner"),
        cancel="partners:partner_list",
        save=lambda data: services.partner_save(actor=request.user, **data),
    )


def partner_edit(request, pk):
    partner = get_scoped_or_404(Partner.objects, request.user, CHANGE, pk=pk)
    return edit_page(
        request,
        PartnerForm(request.POST or None, instance=partner),
        title=_("Edit partner"),
        cancel="partners:partner_list",
        save=lambda data: services.partner_save(actor=request.user, partner=partner, **data),
    )


def partner_detail(request, pk):
    partner = get_scoped_or_404(
        partner_list(fetched_by=request.user).prefetch_related("content_groups", "experts"),
        request.user,
        pk=pk,
    )
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "sections": PARTNER_SECTIONS.for_object(partner, request.user),
        },
    )


def expert_create(request):
    require(request.user, CHANGE_REGISTRY)
    return edit_page(
        request,
        ExpertForm(request.POST or None),
        title=_("New expert"),
        cancel="partners:expert_list",
        save=lambda data: services.expert_save(actor=request.user, **data),
    )


def expert_edit(request, pk):
    expert = get_scoped_or_404(Expert.objects, request.user, CHANGE, pk=pk)
    return edit_page(
        request,
        ExpertForm(request.POST or None, instance=expert),
        title=_("Edit expert"),
        cancel="partners:expert_list",
        save=lambda data: services.expert_save(actor=request.user, expert=expert, **data),
    )


def expert_detail(request, pk):
    expert = get_scoped_or_404(
        expert_list(fetched_by=request.user).prefetch_related("content_groups"),
        request.user,
        pk=pk,
    )
    return render(
        request,
        "partners/expert_detail.html",
        {
            "expert": expert,
            "sections": EXPERT_SECTIONS.for_object(expert, request.user),
        },
    )
