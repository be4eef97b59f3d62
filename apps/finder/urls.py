"""Pages of the candidate finder."""

from django.urls import path

from . import views

app_name = "finder"
urlpatterns = [
    path("course/<int:course_pk>/", views.course_suggestions, name="course_suggestions"),
    path("untrained/", views.untrained_view, name="untrained"),
]
