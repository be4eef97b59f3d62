from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_tree, name="agency_tree"),
    path("list/", views.agency_list, name="agency_list"),
    path("add/", views.agency_create, name="agency_create"),
    path("<int:pk>/", views.agency_detail, name="agency_detail"),
    path("<int:pk>/children/", views.agency_children, name="agency_children"),
    path("<int:pk>/edit/", views.agency_edit, name="agency_edit"),
    path("<int:pk>/merge/", views.agency_merge, name="agency_merge"),
]
