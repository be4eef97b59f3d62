"""API routes of partners and experts."""

from rest_framework.routers import SimpleRouter

from .views import ExpertViewSet, PartnerViewSet

router = SimpleRouter()
router.register("partners", PartnerViewSet, basename="partner")
router.register("experts", ExpertViewSet, basename="expert")
urlpatterns = router.urls
