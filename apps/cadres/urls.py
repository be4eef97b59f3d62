from django.urls import path

from . import views

app_name = "cadres"
urlpatterns = [
    path("", views.cadre_list, name="cadre_list"),
    path("me/", views.my_record, name="my_record"),
    path("import/", views.import_list, name="import_list"),
    path("<int:pk>/", views.cadre_detail, name="cadre_detail"),
]
