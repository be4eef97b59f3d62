from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_tree, name="agency_tree"),
    path("<int:pk>/", views.agency_detail, name="agency_detail"),
]
