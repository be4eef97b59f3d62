"""Who may do what with courses (which courses: ``Course.objects.restrict``)."""

import rules

from apps.core.rules import is_participant, reads_registries

#: Browse the course registry.
VIEW_COURSES = "courses.view_courses"
#: See the courses one was sent on.
VIEW_OWN_COURSES = "courses.view_own_courses"

rules.add_perm(VIEW_COURSES, reads_registries)
rules.add_perm(VIEW_OWN_COURSES, is_participant)
