"""Agency API: read for every registry role (scoped), write for steering admins via services."""

from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from apps.core.permissions import may

from .. import services
from ..filtersets import AgencyFilterSet
from ..models import Agency
from ..permissions import MANAGE_AGENCIES, VIEW_AGENCIES
from .serializers import AgencyInputSerializer, AgencyMergeInputSerializer, AgencyOutputSerializer


class AgencyPermission(permissions.BasePermission):
    """Reading needs a registry role; any write needs the steering admin's permission."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return may(request.user, VIEW_AGENCIES)
        return may(request.user, MANAGE_AGENCIES)


class AgencyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The agency tree in path order. ``?merged=true`` includes merged agencies in the list."""

    serializer_class = AgencyOutputSerializer
    permission_classes = [permissions.IsAuthenticated, AgencyPermission]
    filterset_class = AgencyFilterSet

    def get_queryset(self):
        return Agency.objects.restrict(self.request.user).order_by("path")

    def get_object(self):
        # A merged agency stays reachable by id: list filters do not apply to one object.
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, obj)
        return obj

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return AgencyInputSerializer
        if self.action == "merge":
            return AgencyMergeInputSerializer
        return AgencyOutputSerializer

    def _respond(self, agency: Agency, code=status.HTTP_200_OK) -> Response:
        agency.refresh_from_db()
        return Response(AgencyOutputSerializer(agency).data, status=code)

    def create(self, request):
        serializer = AgencyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        agency = services.agency_create(actor=request.user, **serializer.validated_data)
        return self._respond(agency, status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        agency = self.get_object()
        serializer = AgencyInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        agency = services.agency_update(
            actor=request.user, agency=agency, **serializer.validated_data
        )
        return self._respond(agency)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        """Record that this agency was merged into ``successor`` on ``merged_on``."""
        agency = self.get_object()
        serializer = AgencyMergeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        agency = services.agency_merge(
            actor=request.user, predecessor=agency, **serializer.validated_data
        )
        return self._respond(agency)
