"""Pages of delegation formation (``apps/delegations/permissions.py``)."""

from django.urls import path

from . import views

app_name = "delegations"
urlpatterns = [
    path("", views.delegation_list, name="delegation_list"),
    path("jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/status/", views.job_status, name="job_status"),
    path("<int:pk>/", views.delegation_detail, name="delegation_detail"),
    path("<int:pk>/head/", views.head, name="head"),
    path("<int:pk>/status/", views.transition, name="transition"),
    path("<int:pk>/apart/", views.keep_apart, name="keep_apart"),
    path("members/<int:pk>/move/", views.move, name="move"),
    path("members/<int:pk>/check/", views.move_check, name="move_check"),
    path("members/<int:pk>/pin/", views.pin, name="pin"),
]
