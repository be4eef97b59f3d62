"""Cadre API: same scope and rules as the UI (restrict + services)."""

from django.utils.translation import gettext as _
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from apps.agencies.models import Agency
from apps.cadres import services
from apps.cadres.filtersets import CadreFilter
from apps.cadres.permissions import ADD_CADRE, CHANGE_CADRE
from apps.cadres.selectors import cadre_detail_queryset, cadre_list
from apps.core.api_errors import Conflict
from apps.core.permissions import may

from .serializers import CadreDetailOutput, CadreInput, CadreOutput


class CadreViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = CadreFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return cadre_detail_queryset(fetched_by=self.request.user)
        return cadre_list(fetched_by=self.request.user).order_by("search_key", "pk")

    def get_serializer_class(self):
        return CadreDetailOutput if self.action == "retrieve" else CadreOutput

    def _check_agency(self, agency: Agency) -> None:
        if not Agency.objects.restrict(self.request.user).filter(pk=agency.pk).exists():
            raise ValidationError({"agency": [_("The agency is outside the agencies you manage.")]})

    def create(self, request):
        if not may(request.user, ADD_CADRE):
            raise PermissionDenied
        serializer = CadreInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("version", None)
        self._check_agency(data["agency"])
        cadre = services.cadre_create(actor=request.user, **data)
        return Response(CadreDetailOutput(cadre).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        cadre = self.get_object()
        if not may(request.user, CHANGE_CADRE, cadre):
            raise PermissionDenied
        serializer = CadreInput(cadre, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "version" not in data:
            raise ValidationError({"version": [_("Send the version of the record you read.")]})
        version = data.pop("version")
        if "agency" in data:
            self._check_agency(data["agency"])
        try:
            cadre = services.cadre_update(actor=request.user, cadre=cadre, version=version, **data)
        except services.StaleVersionError as error:
            raise Conflict(error.message) from error
        return Response(CadreDetailOutput(cadre).data)
