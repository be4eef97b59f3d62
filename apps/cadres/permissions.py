"""Who may do what with the cadre registry (which rows: ``Cadre.objects.restrict``)."""

import rules

from apps.agencies.models import Agency
from apps.core.models import User
from apps.core.roles import Role
from apps.core.rules import is_agency_officer, is_participant, is_steering_admin, reads_registries
from apps.core.scoping import CHANGE

from .models import Cadre

#: Browse, search and export the registry (rows narrowed by scope).
VIEW_REGISTRY = "cadres.view_registry"
#: Open one's own record (a participant linked to a cadre).
VIEW_OWN_RECORD = "cadres.view_own_record"
#: Add a cadre (to an agency, when given, the user may see).
ADD_CADRE = "cadres.add_cadre"
#: Change a cadre's record, positions and languages.
CHANGE_CADRE = "cadres.change_cadre"
#: See a cadre's citizen ID and passport number in full (logged).
REVEAL_IDENTIFIERS = "cadres.reveal_identifiers"
#: Export the registry with full identifiers.
EXPORT_IDENTIFIERS = "cadres.export_identifiers"
#: Search by citizen ID digits (the digits are revealed by the match): roles whose work needs
#: full identifiers, narrowed to their rows by scope.
SEARCH_IDENTIFIERS = "cadres.search_identifiers"
#: Import cadres from a spreadsheet (into the agencies the user sees).
IMPORT_CADRES = "cadres.import_cadres"


@rules.predicate
def has_own_record(user) -> bool:
    return user.cadre_id is not None


@rules.predicate
def has_agency(user) -> bool:
    return user.agency_id is not None


@rules.predicate
def is_own_cadre(user, cadre) -> bool:
    return cadre is not None and user.cadre_id == cadre.pk


@rules.predicate
def agency_in_scope(user, agency) -> bool:
    return agency is None or Agency.objects.restrict(user).filter(pk=agency.pk).exists()


@rules.predicate
def cadre_in_change_scope(user, cadre) -> bool:
    return cadre is not None and Cadre.objects.restrict(user, CHANGE).filter(pk=cadre.pk).exists()


keeps_registry = is_steering_admin | is_agency_officer
changes_cadre = is_steering_admin | (is_agency_officer & cadre_in_change_scope)

rules.add_perm(VIEW_REGISTRY, reads_registries)
rules.add_perm(VIEW_OWN_RECORD, is_participant & has_own_record)
rules.add_perm(ADD_CADRE, keeps_registry & agency_in_scope)
rules.add_perm(CHANGE_CADRE, changes_cadre)
rules.add_perm(REVEAL_IDENTIFIERS, (is_participant & is_own_cadre) | changes_cadre)
rules.add_perm(EXPORT_IDENTIFIERS, keeps_registry)
rules.add_perm(SEARCH_IDENTIFIERS, keeps_registry | is_participant)
rules.add_perm(IMPORT_CADRES, is_steering_admin | (is_agency_officer & has_agency))


def default_importer() -> User | None:
    """Who a command-line import is recorded under when no user is named: the first active
    steering admin (the standing office loads the registry)."""
    return User.objects.filter(role=Role.STEERING_ADMIN, is_active=True).order_by("pk").first()
