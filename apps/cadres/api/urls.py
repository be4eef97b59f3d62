"""API routes of the cadre registry."""

from rest_framework.routers import SimpleRouter

from .views import CadreViewSet

router = SimpleRouter()
router.register("cadres", CadreViewSet, basename="cadre")
urlpatterns = router.urls
