"""Planning API: the same scope (restrict) and the same services as the pages."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from apps.agencies.models import Agency
from apps.core.permissions import may
from apps.core.scoping import agency_scope_ids
from apps.planning import selectors, services
from apps.planning.filtersets import QuotaFilter, RegistrationFilter
from apps.planning.models import NeedsCall, NeedsLine, NeedsRegistration
from apps.planning.permissions import (
    REGISTER_NEEDS,
    REGISTER_OWN_NEEDS,
    VIEW_NEEDS,
    VIEW_PLANS,
    VIEW_QUOTAS,
)
from apps.programme.models import ContentGroup, TrainingForm

from . import serializers as s


def _require(user, perm: str) -> None:
    """The policy's answer as the API's 403 (DRF's sentence, like every endpoint)."""
    if not may(user, perm):
        raise PermissionDenied


class NeedsRegistrationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Registrations in scope; POST registers or updates (merges) the agency's needs."""

    serializer_class = s.NeedsRegistrationOutput
    filterset_class = RegistrationFilter

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        _require(request.user, VIEW_NEEDS)

    def get_queryset(self):
        return (
            NeedsRegistration.objects.restrict(self.request.user)
            .select_related("call", "agency")
            .prefetch_related(
                Prefetch(
                    "lines", queryset=NeedsLine.objects.select_related("form", "content_group")
                ),
                "candidates",
            )
            .order_by("-call__year", "agency__path")
        )

    def create(self, request):
        user = request.user
        _require(user, REGISTER_NEEDS)
        data = s.NeedsRegistrationInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        call = NeedsCall.objects.filter(year=values["year"]).first()
        if call is None:
            raise ValidationError({"year": [_("No call for needs is open for this year.")]})
        agency_id = values.get("agency") or user.agency_id
        visible = Agency.objects.all()
        if may(user, REGISTER_OWN_NEEDS):
            visible = visible.filter(pk__in=agency_scope_ids(user))
        agency = visible.filter(pk=agency_id).first()
        if agency is None:
            raise NotFound
        forms = dict(TrainingForm.objects.values_list("code", "pk"))
        groups = dict(ContentGroup.objects.values_list("code", "pk"))
        places = {}
        for line in values["lines"]:
            if line["form"] not in forms or line["content_group"] not in groups:
                raise ValidationError({"lines": [_("The form or content group does not exist.")]})
            places[(forms[line["form"]], groups[line["content_group"]])] = line["places"]
        candidates = services.candidates_in_agency(agency, values.get("candidates") or [])
        registration = services.needs_register(
            actor=user,
            call=call,
            agency=agency,
            places=places,
            topics=values["topics"],
            preferred_countries=values["preferred_countries"],
            justification=values["justification"],
            candidates=candidates,
        )
        registration = self.get_queryset().get(pk=registration.pk)
        return Response(
            s.NeedsRegistrationOutput(registration).data, status=status.HTTP_201_CREATED
        )


class AnnualPlanViewSet(viewsets.ReadOnlyModelViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        _require(request.user, VIEW_PLANS)

    def get_queryset(self):
        qs = selectors.plan_list(fetched_by=self.request.user).order_by("-year", "-version")
        if self.action == "retrieve":
            qs = qs.prefetch_related(
                "courses__form", "courses__content_group", "transitions__actor"
            )
        return qs

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.AnnualPlanDetailOutput
        return s.AnnualPlanOutput

    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        plan = self.get_object()
        data = s.TransitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.plan_transition(actor=request.user, plan=plan, **data.validated_data)
        return Response(s.AnnualPlanOutput(plan).data)


class QuotaViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved quotas in scope (an agency officer: its subtree's)."""

    serializer_class = s.QuotaOutput
    filterset_class = QuotaFilter

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        _require(request.user, VIEW_QUOTAS)

    def get_queryset(self):
        return selectors.quotas_of(fetched_by=self.request.user)
