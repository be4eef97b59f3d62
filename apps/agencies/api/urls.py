"""API routes of this app."""

from rest_framework.routers import SimpleRouter

from .views import AgencyViewSet

router = SimpleRouter()
router.register("agencies", AgencyViewSet, basename="agency")
urlpatterns = router.urls
