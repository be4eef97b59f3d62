"""API routes of nominations."""

from rest_framework.routers import SimpleRouter

from .views import NominationViewSet

router = SimpleRouter()
router.register("nominations", NominationViewSet, basename="nomination")
urlpatterns = router.urls
