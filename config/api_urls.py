"""JSON API routes of every app, under /api/."""

from django.urls import include, path

urlpatterns = [
    path("", include("apps.core.api.urls")),
    path("agencies/", include("apps.agencies.api.urls")),
    path("cadres/", include("apps.cadres.api.urls")),
    path("programme/", include("apps.programme.api.urls")),
]
