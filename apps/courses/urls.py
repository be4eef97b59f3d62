from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("", views.course_list_view, name="course_list"),
    path("new/", views.course_create, name="course_create"),
    path("mine/", views.my_courses, name="my_courses"),
    path("<int:pk>/", views.course_detail, name="course_detail"),
    path("<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("<int:pk>/status/", views.course_transition, name="course_transition"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", views.agenda_delete, name="agenda_delete"),
    path("<int:pk>/phases/<int:phase_pk>/", views.phase_edit, name="phase_edit"),
    path("<int:pk>/programme/", views.course_programme, name="course_programme"),
]
