from django.urls import path

from . import views

app_name = "programme"
urlpatterns = [
    path("", views.settings_overview, name="settings"),
    path("phases/add/", views.phase_create, name="phase_create"),
    path("phases/<int:pk>/edit/", views.phase_edit, name="phase_edit"),
    path("forms/<int:pk>/edit/", views.training_form_edit, name="training_form_edit"),
    path("content-groups/<int:pk>/edit/", views.content_group_edit, name="content_group_edit"),
    path("position-levels/<int:pk>/edit/", views.position_level_edit, name="position_level_edit"),
    path("work-fields/add/", views.work_field_create, name="work_field_create"),
    path("work-fields/<int:pk>/edit/", views.work_field_edit, name="work_field_edit"),
    path("rules/<int:pk>/edit/", views.rule_setting_edit, name="rule_setting_edit"),
    path("history/<slug:kind>/<int:pk>/", views.setting_history, name="setting_history"),
]
