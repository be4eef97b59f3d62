"""Pages of nominations: list, nominate with eligibility, review and decisions."""

from django.urls import path

from . import views

app_name = "nominations"
urlpatterns = [
    path("", views.nomination_list_view, name="nomination_list"),
    path("export/", views.nomination_export, name="nomination_export"),
    path("course/<int:course_pk>/nominate/", views.nominate, name="nominate"),
    path(
        "course/<int:course_pk>/check/<int:cadre_pk>/",
        views.eligibility_check,
        name="eligibility_check",
    ),
    path(
        "course/<int:course_pk>/nominate/<int:cadre_pk>/",
        views.nomination_create,
        name="nomination_create",
    ),
    path("<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("<int:pk>/submit/", views.nomination_submit, name="nomination_submit"),
    path("<int:pk>/override/", views.nomination_override, name="nomination_override"),
    path("<int:pk>/decide/", views.nomination_decide, name="nomination_decide"),
    path("<int:pk>/withdraw/", views.nomination_withdraw, name="nomination_withdraw"),
    path("<int:pk>/gate/", views.gate_record, name="gate_record"),
]
