"""API routes of courses, partners and experts."""

from rest_framework.routers import SimpleRouter

from .views import CourseViewSet, ExpertViewSet, PartnerViewSet

router = SimpleRouter()
router.register("courses", CourseViewSet, basename="course")
router.register("partners", PartnerViewSet, basename="partner")
router.register("experts", ExpertViewSet, basename="expert")
urlpatterns = router.urls
