"""Nomination API: the same scope and services as the UI."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from apps.cadres.models import Cadre
from apps.core.scoping import CHANGE, get_scoped_or_404
from apps.courses.models import Course
from apps.nominations import services
from apps.nominations.filtersets import NominationFilter
from apps.nominations.selectors import nomination_list

from .serializers import DecisionInput, NominationDetailOutput, NominationInput, NominationOutput


class NominationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = NominationFilter

    def get_serializer_class(self):
        return NominationDetailOutput if self.action == "retrieve" else NominationOutput

    def get_queryset(self):
        return nomination_list(fetched_by=self.request.user).order_by("-created_at", "pk")

    def create(self, request):
        serializer = NominationInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            course = get_scoped_or_404(Course.objects, request.user, pk=data["course"])
            cadre = get_scoped_or_404(Cadre.objects, request.user, CHANGE, pk=data["cadre"])
            nomination = services.nomination_create(
                actor=request.user,
                course=course,
                cadre=cadre,
                confirm_warnings=data["confirm_warnings"],
                note=data["note"],
            )
        except (Http404, DjangoPermissionDenied) as error:
            raise PermissionDenied from error
        return Response(NominationOutput(nomination).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        nomination = self.get_object()
        serializer = DecisionInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        nomination = services.nomination_decide(
            actor=request.user, nomination=nomination, **serializer.validated_data
        )
        return Response(NominationDetailOutput(nomination, context={"request": request}).data)
