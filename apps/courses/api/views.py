"""Course API: read-only, the same scope as the UI (restrict)."""

from rest_framework import mixins, viewsets

from apps.courses.filtersets import CourseFilter
from apps.courses.selectors import course_detail_queryset, course_list

from .serializers import CourseDetailOutput, CourseOutput


class CourseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    filterset_class = CourseFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return course_detail_queryset(fetched_by=self.request.user)
        return course_list(fetched_by=self.request.user).order_by("-start", "pk")

    def get_serializer_class(self):
        return CourseDetailOutput if self.action == "retrieve" else CourseOutput
