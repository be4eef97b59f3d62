"""Document pages of a course (under /courses/, where they have always been)."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/programme.docx", views.programme_docx, name="programme_docx"),
    path("<int:pk>/summary-list.docx", views.summary_list_docx, name="summary_list_docx"),
    path("<int:pk>/decision/", views.decision_issue, name="decision_issue"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
]
