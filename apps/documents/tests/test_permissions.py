"""The documents policy, and the document services refusing an actor it does not allow."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from apps.core.permissions import may
from apps.courses.tests.factories import CourseFactory
from apps.documents import services
from apps.documents.models import IssuedDocument
from apps.documents.permissions import BUILD_SUMMARY_LIST, ISSUE_DECISION, READ_COURSE_DOCUMENTS
from apps.documents.tests.factories import issue_decision
from apps.nominations.tests.factories import NominationFactory

POLICY = {
    "steering_admin": {ISSUE_DECISION, BUILD_SUMMARY_LIST},
    "agency_officer": {BUILD_SUMMARY_LIST},
    "finance_officer": {BUILD_SUMMARY_LIST},
    "auditor": {BUILD_SUMMARY_LIST},
    "participant": set(),
}


@pytest.mark.parametrize("persona", POLICY)
def test_role_level_policy(persona, personas):
    user = personas[persona]
    assert {perm for perm in (ISSUE_DECISION, BUILD_SUMMARY_LIST) if may(user, perm)} == POLICY[
        persona
    ]


@pytest.mark.parametrize(
    ("status", "reads"), [("approved", True), ("completed", True), ("waitlisted", False)]
)
def test_a_participant_reads_the_documents_of_a_course_they_hold_a_place_on(
    reference_data, participant, own_cadre, finance_officer, status, reads
):
    course = CourseFactory()
    NominationFactory(course=course, cadre=own_cadre, status=status)
    assert may(participant, READ_COURSE_DOCUMENTS, course) is reads
    assert may(finance_officer, READ_COURSE_DOCUMENTS, course)


@pytest.fixture
def vi():
    with translation.override("vi"):
        yield


@pytest.mark.usefixtures("vi")
@pytest.mark.parametrize("persona", ["agency_officer", "finance_officer", "auditor", "participant"])
def test_only_a_steering_admin_issues_the_decision(persona, personas, reference_data, own_cadre):
    course = CourseFactory()
    NominationFactory(course=course, cadre=own_cadre, status="approved")
    refusal = "Chỉ cán bộ Văn phòng Ban Chỉ đạo mới được ban hành quyết định"
    with pytest.raises(PermissionDenied, match=refusal):
        services.decision_draft(actor=personas[persona], course=course)
    draft = services.decision_draft(actor=personas["steering_admin"], course=course)
    with pytest.raises(PermissionDenied, match=refusal):
        services.decision_issue(actor=personas[persona], document=draft, number=1)
    assert IssuedDocument.objects.get().is_draft


@pytest.mark.usefixtures("vi")
def test_a_participant_neither_builds_the_summary_list_nor_reads_a_course_without_a_place(
    participant, steering_admin, reference_data
):
    course = CourseFactory()
    NominationFactory(course=course, status="approved")
    document = issue_decision(steering_admin, course)
    with pytest.raises(PermissionDenied, match="không được lập danh sách trích ngang"):
        services.summary_list_build(actor=participant, course=course)
    with pytest.raises(PermissionDenied, match="Đồng chí không được xem văn bản của lớp này"):
        services.issued_document_for(actor=participant, document=document)


@pytest.mark.django_db
def test_the_programme_is_built_only_for_a_user_with_a_role(reference_data, personas):
    from apps.core.tests.factories import UserFactory

    course = CourseFactory()
    assert services.programme_build(actor=personas["participant"], course=course).exists()
    with translation.override("vi"), pytest.raises(PermissionDenied, match="chương trình"):
        services.programme_build(actor=UserFactory(role=""), course=course)
