"""Document pages of a course (under /courses/, where they have always been)."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/programme.docx", views.programme_docx, name="programme_docx"),
    path("<int:pk>/summary-list.docx", views.summary_list_docx, name="summary_list_docx"),
    path("<int:pk>/decision/", views.decision_draft, name="decision_draft"),
    path("documents/<int:pk>/issue/", views.decision_issue, name="decision_issue"),
    path("issuers/", views.issuer_list, name="issuer_list"),
    path("issuers/new/", views.issuer_create, name="issuer_create"),
    path("issuers/<int:pk>/", views.issuer_edit, name="issuer_edit"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
]
