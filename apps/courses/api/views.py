"""Course API: read-only, the same scope as the UI (restrict)."""

from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied

from apps.courses.filtersets import CourseFilter, ExpertFilter, PartnerFilter
from apps.courses.selectors import course_detail_queryset, course_list, expert_list, partner_list

from .serializers import CourseDetailOutput, CourseOutput, ExpertOutput, PartnerOutput


class CourseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = CourseFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return course_detail_queryset(fetched_by=self.request.user)
        return course_list(fetched_by=self.request.user).order_by("-start", "pk")

    def get_serializer_class(self):
        return CourseDetailOutput if self.action == "retrieve" else CourseOutput


class _RegistryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.user.role == "participant":
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
