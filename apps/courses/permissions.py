"""Who may do what with courses (which courses: ``Course.objects.restrict``).

A steering admin organises any course; an agency officer organises the decentralised courses of
its agency and the units below it (and changes only those: ``restrict(user, CHANGE)``); finance
officers and auditors read; a participant sees the courses they are nominated to.
"""

import rules

from apps.core.rules import (
    is_agency_officer,
    is_participant,
    is_steering_admin,
    keeps_registers,
    reads_registries,
)
from apps.core.scoping import CHANGE, agency_scope_ids

from .models import Course

#: Browse the course registry.
VIEW_COURSES = "courses.view_courses"
#: See the courses one was sent on.
VIEW_OWN_COURSES = "courses.view_own_courses"
#: Create courses (organised by an agency, when given, in the user's scope).
ORGANISE_COURSES = "courses.organise_courses"
#: Organise only for one's own agency and its units (the organiser must then be given).
ORGANISE_OWN_COURSES = "courses.organise_own_courses"
#: Change a course, its agenda and phases, and take its workflow steps (on a course in scope).
CHANGE_COURSE = "courses.change_course"


@rules.predicate
def organiser_in_scope(user, organiser) -> bool:
    """No organiser named (the question is the role's), or one in the officer's subtree."""
    return organiser is None or agency_scope_ids(user).filter(pk=organiser.pk).exists()


@rules.predicate
def course_in_change_scope(user, course) -> bool:
    """No course named, or one the user may change (``restrict(user, CHANGE)``)."""
    return course is None or Course.objects.restrict(user, CHANGE).filter(pk=course.pk).exists()


rules.add_perm(VIEW_COURSES, reads_registries)
rules.add_perm(VIEW_OWN_COURSES, is_participant)
rules.add_perm(ORGANISE_COURSES, is_steering_admin | (is_agency_officer & organiser_in_scope))
rules.add_perm(ORGANISE_OWN_COURSES, is_agency_officer)
rules.add_perm(CHANGE_COURSE, keeps_registers & course_in_change_scope)
