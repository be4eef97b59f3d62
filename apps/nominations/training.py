"""What the nominations add to the cadre record: a completed course becomes a line of the cadre's
training history, and the profile page lists the cadre's nominations (status, course, year).

Both are wired in ``NominationsConfig.ready()`` (a follower of the nomination's steps and a
profile section): the cadres app cannot import this one.
"""

from apps.cadres.choices import TrainingMode
from apps.cadres.models import Cadre
from apps.cadres.profile import ProfileSection
from apps.cadres.services import training_from_programme
from apps.core.workflow import Change
from apps.courses.choices import Modality

from .choices import NominationStatus
from .models import Nomination

MODES = {
    Modality.IN_PERSON: TrainingMode.FULL_TIME,
    Modality.ONLINE: TrainingMode.ONLINE,
    Modality.BLENDED: TrainingMode.BLENDED,
}


def record_completed_course(change: Change) -> None:
    """Follower of the nomination's steps: once completed, its course joins the training
    history (recorded under the user who completed the course)."""
    if change.target != NominationStatus.COMPLETED:
        return
    nomination = change.obj
    course = nomination.course
    training_from_programme(
        actor=change.actor,
        cadre=nomination.cadre,
        course_code=course.code,
        course_name=course.title,
        institution=course.partner.name if course.partner_id else "",
        country=course.countries,
        start=course.start,
        end=course.end,
        mode=MODES.get(course.modality, ""),
        programme_form_id=course.form_id,
    )


def cadre_nominations(cadre: Cadre, user) -> ProfileSection:
    """The nominations of the cadre the user may see, newest course first."""
    nominations = (
        Nomination.objects.restrict(user)
        .filter(cadre=cadre)
        .select_related("course", "course__form")
        .order_by("-course__start", "-pk")
    )
    return ProfileSection("nominations/_cadre_nominations.html", {"nominations": nominations})
