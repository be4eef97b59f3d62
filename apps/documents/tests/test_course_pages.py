"""The course page's documents part (contributed through ``apps.courses.sections``)."""

from django.urls import reverse

from apps.courses.tests.factories import CourseFactory
from apps.nominations.tests.factories import NominationFactory


def test_summary_list_download_and_decision_issue_pages(client_for, steering_admin, reference_data):
    course = CourseFactory()
    client = client_for(steering_admin)
    empty = client.post(reverse("documents:decision_draft", args=[course.pk]), follow=True)
    assert "no approved member" in empty.text
    NominationFactory(course=course, status="approved")
    drafted = client.post(reverse("documents:decision_draft", args=[course.pk]), follow=True)
    assert "drafted without a number" in drafted.text
    issue_url = drafted.redirect_chain[-1][0]
    assert 'value="1"' in drafted.text  # the next number of the register, suggested
    issued = client.post(issue_url, {"number": "7", "issued_on": "05/03/2026"}, follow=True)
    assert "07-QĐ/BTCTW" in issued.text
    response = client.get(reverse("documents:summary_list_docx", args=[course.pk]))
    assert response["Content-Disposition"].endswith('.docx"')
