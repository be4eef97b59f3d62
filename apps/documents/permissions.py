"""Who may do what with a course's documents (which courses: ``Course.objects.restrict``)."""

import rules

from apps.core.rules import has_any_role, is_participant, is_steering_admin, reads_registries
from apps.nominations.choices import PLACE_STATUSES

#: Issue the numbered decision sending a course's members.
ISSUE_DECISION = "documents.issue_decision"
#: Build the summary list of a course's members (a personal-data export).
BUILD_SUMMARY_LIST = "documents.build_summary_list"
#: Read (download) the documents issued for a course.
READ_COURSE_DOCUMENTS = "documents.read_course_documents"
#: Build the printable programme of a course the user may see (which courses: the scope).
BUILD_PROGRAMME = "documents.build_programme"


@rules.predicate
def holds_a_place(user, course) -> bool:
    """A participant holds a place on the course (approved, departed or done)."""
    return (
        course is not None
        and user.cadre_id is not None
        and course.nominations.filter(cadre_id=user.cadre_id, status__in=PLACE_STATUSES).exists()
    )


rules.add_perm(ISSUE_DECISION, is_steering_admin)
rules.add_perm(BUILD_SUMMARY_LIST, reads_registries)
rules.add_perm(READ_COURSE_DOCUMENTS, reads_registries | (is_participant & holds_a_place))
rules.add_perm(BUILD_PROGRAMME, has_any_role)
#: Create and edit the issuer profiles (header, abbreviation, place, signer).
MANAGE_ISSUERS = "documents.manage_issuers"

rules.add_perm(MANAGE_ISSUERS, is_steering_admin)
