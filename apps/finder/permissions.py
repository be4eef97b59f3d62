"""Who may ask the candidate finder (which cadres: ``Cadre.objects.restrict(user, CHANGE)``)."""

import rules

from apps.core.models import User
from apps.core.roles import Role
from apps.core.rules import is_agency_officer, is_steering_admin

#: Ranked suggestions for a course and the list of leaders never trained under the programme:
#: the roles that nominate (an officer sees its own subtree, the steering admin everyone).
SUGGEST = "finder.suggest"

rules.add_perm(SUGGEST, is_steering_admin | is_agency_officer)


def command_reader() -> User:
    """Whom ``suggest_candidates`` ranks for: the steering office, which sees the whole registry
    (an unsaved user: the command line writes nothing)."""
    return User(role=Role.STEERING_ADMIN, is_active=True)
