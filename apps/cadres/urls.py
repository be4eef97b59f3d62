from django.urls import include, path

from . import views

app_name = "cadres"
urlpatterns = [
    path("", views.cadre_list, name="cadre_list"),
    path("me/", views.my_record, name="my_record"),
    path("import/", include("apps.cadres.import_urls")),
    path("<int:pk>/", views.cadre_detail, name="cadre_detail"),
]
