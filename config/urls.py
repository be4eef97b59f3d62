"""Root URL configuration."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("", include("apps.core.urls")),
    path("agencies/", include("apps.agencies.urls")),
    path("cadres/", include("apps.cadres.urls")),
    path("programme/", include("apps.programme.urls")),
    path("courses/", include("apps.partners.urls")),
    path("courses/", include("apps.courses.urls")),
    path("courses/", include("apps.documents.urls")),
    path("delegations/", include("apps.delegations.urls")),
    path("nominations/", include("apps.nominations.urls")),
    path("finder/", include("apps.finder.urls")),
    path("planning/", include("apps.planning.urls")),
    path("api/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("django-admin/", admin.site.urls),
]
