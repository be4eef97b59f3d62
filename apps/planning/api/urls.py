"""API routes of planning."""

from rest_framework.routers import SimpleRouter

from .views import AnnualPlanViewSet, NeedsRegistrationViewSet, QuotaViewSet

router = SimpleRouter()
router.register("planning/needs", NeedsRegistrationViewSet, basename="planning-needs")
router.register("planning/plans", AnnualPlanViewSet, basename="planning-plan")
router.register("planning/quotas", QuotaViewSet, basename="planning-quota")
urlpatterns = router.urls
