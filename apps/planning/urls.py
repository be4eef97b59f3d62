from django.urls import path

import apps.core.bounds  # noqa: F401  (registers the <year:…> converter)

from . import views

app_name = "planning"
urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("calls/new/", views.call_create, name="call_create"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/register/", views.registration_edit, name="registration_edit"),
    path("calls/<int:pk>/remind/", views.call_remind, name="call_remind"),
    path("needs/<int:pk>/", views.registration_detail, name="registration_detail"),
    path("needs/<int:pk>/reopen/", views.registration_reopen, name="registration_reopen"),
    path("consolidation/<year:year>/", views.consolidation, name="consolidation"),
    path(
        "consolidation/<year:year>/export/",
        views.consolidation_export,
        name="consolidation_export",
    ),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/courses/", views.plan_course_add, name="plan_course_add"),
    path(
        "plans/<int:pk>/courses/<int:course_pk>/delete/",
        views.plan_course_delete,
        name="plan_course_delete",
    ),
    path("plans/<int:pk>/quotas/", views.plan_quotas, name="plan_quotas"),
    path("plans/<int:pk>/quotas/preview/", views.plan_quota_preview, name="plan_quota_preview"),
    path("plans/<int:pk>/quotas/suggest/", views.plan_suggest, name="plan_suggest"),
    path("plans/<int:pk>/transition/", views.plan_transition, name="plan_transition"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/diff/", views.plan_diff, name="plan_diff"),
    path("plans/<int:pk>/export/", views.plan_export, name="plan_export"),
    path("plans/<int:pk>/moves/", views.quota_move, name="quota_move"),
    path("plans/<int:pk>/release/", views.quota_release, name="quota_release"),
    path("quotas/", views.quota_list, name="quota_list"),
]
