"""API routes of courses."""

from rest_framework.routers import SimpleRouter

from .views import CourseViewSet

router = SimpleRouter()
router.register("courses", CourseViewSet, basename="course")
urlpatterns = router.urls
