"""Routes of the Excel import (included under the "cadres" namespace at cadres/import/)."""

from django.urls import path

from . import import_views

urlpatterns = [
    path("", import_views.import_list, name="import_list"),
    path("template/", import_views.import_template, name="import_template"),
    path("<int:pk>/", import_views.import_detail, name="import_detail"),
    path("<int:pk>/status/", import_views.import_status, name="import_status"),
]
