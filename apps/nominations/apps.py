"""Nominations (C5): cadres put forward for courses, eligibility, review, waitlist."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from apps.core.home import register_home
from apps.core.navigation import register_nav


class NominationsConfig(AppConfig):
    name = "apps.nominations"
    label = "nominations"
    verbose_name = _("Nominations")

    def ready(self) -> None:
        from apps.cadres.profile import register_profile_section
        from apps.core import workflow as core_workflow
        from apps.courses import hooks
        from apps.planning import quota

        from . import home, selectors, services, training, workflow
        from .permissions import VIEW_NOMINATIONS  # reads models: imported once apps are ready

        quota.register(
            quota.PlaceSource(
                places=selectors.quota_places,
                sent=selectors.sent_places,
                uses_quota=selectors.course_uses_quota,
            )
        )
        register_nav(
            _("Nominations"), "nominations:nomination_list", perm=VIEW_NOMINATIONS, order=50
        )
        hooks.register_places_taken(workflow.places_taken)
        hooks.register_taken_annotation(selectors.course_places_annotation)
        hooks.register_course_summary(selectors.course_nominations_summary)
        hooks.register_own_nominations(selectors.nominations_of_cadre)
        core_workflow.add_guard("courses.Course", workflow.require_exit_tests)
        core_workflow.follow("courses.Course", workflow.members_follow_course)
        core_workflow.follow("nominations.Nomination", services.record_quota_use_on_step)
        # Completed courses fill the training history; the profile lists the nominations.
        core_workflow.follow("nominations.Nomination", training.record_completed_course)
        register_profile_section(training.cadre_nominations)
        register_home(home.home_items, order=15)  # a participant's courses and what is due
