"""API routes of this app."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("programme/phases", views.PhaseViewSet, basename="programme-phase")
router.register("programme/forms", views.TrainingFormViewSet, basename="programme-form")
router.register(
    "programme/content-groups", views.ContentGroupViewSet, basename="programme-content-group"
)
router.register(
    "programme/position-levels", views.PositionLevelViewSet, basename="programme-position-level"
)
router.register("programme/work-fields", views.WorkFieldViewSet, basename="programme-work-field")
router.register(
    "programme/rule-settings", views.RuleSettingViewSet, basename="programme-rule-setting"
)
urlpatterns = router.urls
