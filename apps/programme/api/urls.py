"""API routes of this app."""

from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("phases", views.PhaseViewSet, basename="programme-phase")
router.register("forms", views.TrainingFormViewSet, basename="programme-form")
router.register("content-groups", views.ContentGroupViewSet, basename="programme-content-group")
router.register("position-levels", views.PositionLevelViewSet, basename="programme-position-level")
router.register("work-fields", views.WorkFieldViewSet, basename="programme-work-field")
router.register("rule-settings", views.RuleSettingViewSet, basename="programme-rule-setting")
urlpatterns = router.urls
