"""Registry API: read-only, the same scope as the pages (restrict); asks the partners policy."""

from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied

from apps.core.permissions import may
from apps.partners.filtersets import ExpertFilter, PartnerFilter
from apps.partners.permissions import VIEW_REGISTRY
from apps.partners.selectors import expert_list, partner_list

from .serializers import ExpertOutput, PartnerOutput


class _RegistryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not may(request.user, VIEW_REGISTRY):
            raise PermissionDenied


class PartnerViewSet(_RegistryViewSet):
    filterset_class = PartnerFilter
    serializer_class = PartnerOutput

    def get_queryset(self):
        return partner_list(fetched_by=self.request.user).order_by("name", "pk")


class ExpertViewSet(_RegistryViewSet):
    filterset_class = ExpertFilter
    serializer_class = ExpertOutput

    def get_queryset(self):
        return expert_list(fetched_by=self.request.user).order_by("full_name", "pk")
