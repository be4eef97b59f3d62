"""JSON API routes of every app, under /api/ (token or session authentication)."""

from django.urls import include, path

urlpatterns = [
    path("", include("apps.agencies.api.urls")),
    path("", include("apps.cadres.api.urls")),
    path("", include("apps.programme.api.urls")),
    path("", include("apps.planning.api.urls")),
    path("", include("apps.partners.api.urls")),
    path("", include("apps.courses.api.urls")),
    path("", include("apps.nominations.api.urls")),
]
