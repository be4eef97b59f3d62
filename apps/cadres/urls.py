from django.urls import include, path

from . import views

app_name = "cadres"
urlpatterns = [
    path("", views.cadre_list_view, name="cadre_list"),
    path("export/", views.cadre_export, name="cadre_export"),
    path("new/", views.cadre_create, name="cadre_create"),
    path("me/", views.my_record, name="my_record"),
    path("import/", include("apps.cadres.import_urls")),
    path("<int:pk>/", views.cadre_detail, name="cadre_detail"),
    path("<int:pk>/edit/", views.cadre_edit, name="cadre_edit"),
    path("<int:pk>/identifiers/", views.cadre_reveal, name="cadre_reveal"),
    path("<int:pk>/positions/", views.position_add, name="position_add"),
    path(
        "<int:pk>/positions/<int:position_pk>/delete/",
        views.position_delete,
        name="position_delete",
    ),
    path("<int:pk>/trainings/", views.training_add, name="training_add"),
    path("<int:pk>/trainings/<int:record_pk>/", views.training_edit, name="training_edit"),
    path(
        "<int:pk>/trainings/<int:record_pk>/delete/", views.training_delete, name="training_delete"
    ),
    path("<int:pk>/languages/", views.language_add, name="language_add"),
    path(
        "<int:pk>/languages/<int:skill_pk>/delete/", views.language_delete, name="language_delete"
    ),
]
