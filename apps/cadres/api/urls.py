"""API routes of the cadre registry."""

from rest_framework.routers import DefaultRouter

from .views import CadreViewSet

router = DefaultRouter()
router.register("", CadreViewSet, basename="cadre")
urlpatterns = router.urls
