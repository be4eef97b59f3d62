"""One demo login per role, printed with its password; running it again resets the passwords."""

import os

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.agencies.models import Agency
from apps.cadres.models import Cadre
from apps.cadres.services import cadre_update
from apps.core.models import User
from apps.core.roles import TWO_FACTOR_ROLES, Role

DEFAULT_PASSWORD = "de165-demo-2026"  # noqa: S105 - the published demo password, not a secret

#: username, role, full name, code of the bound agency (officers), participant's agency subtree.
DEMO_USERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("admin", Role.STEERING_ADMIN, "Văn phòng Ban Chỉ đạo Đề án 165", "", ""),
    ("canbo.bnv", Role.AGENCY_OFFICER, "Cán bộ tổ chức Bộ Nội vụ", "BNV", ""),
    ("canbo.hni", Role.AGENCY_OFFICER, "Cán bộ tổ chức Thành ủy Hà Nội", "HNI", ""),
    ("taichinh", Role.FINANCE_OFFICER, "Cán bộ tài chính Đề án 165", "", ""),
    ("hocvien", Role.PARTICIPANT, "", "", "BNV"),
    ("kiemtra", Role.AUDITOR, "Cán bộ kiểm tra, giám sát", "", ""),
)
#: The participant is preferably someone a short course could take (KL §2.4).
PARTICIPANT_LEVELS = ("DEPARTMENT_CENTRAL", "TW_MANAGED")


def _participant_cadre(agency_code: str, user: User | None) -> Cadre:
    """The cadre the participant stays bound to, or a stable choice in the agency's subtree."""
    if user is not None and user.cadre_id:
        return user.cadre
    agency = Agency.objects.filter(code=agency_code).first()
    if agency is None:
        raise CommandError(f"Agency {agency_code} is missing: run seed_reference_data first.")
    free = (
        Cadre.objects.filter(agency__path__startswith=agency.path, user__isnull=True)
        .select_related("agency")
        .order_by("search_key", "pk")
    )
    # Prefer someone the demo already sent on a course, so "My courses" has something to show.
    cadre = (
        free.filter(nominations__isnull=False).distinct().first()
        or free.filter(position_level__code__in=PARTICIPANT_LEVELS).first()
        or free.first()
    )
    if cadre is None:
        raise CommandError(f"No cadre in {agency.name}: run generate_demo_data first.")
    return cadre


#: (field, new value) edits the Bộ Nội vụ officer makes once, so records show a change history.
DEMO_EDITS = (
    ("party_position", "Bí thư Chi bộ"),
    ("planned_for", "Vụ trưởng"),
    ("concurrent_positions", "Thành viên Hội đồng thi đua - khen thưởng"),
)


def _demo_edits(officer: User) -> int:
    """A few edits through the service, once: the detail page then shows who changed what."""
    if Cadre.objects.restrict(officer).filter(version__gt=1).exists():
        return 0
    cadres = list(Cadre.objects.restrict(officer).order_by("search_key", "pk")[: len(DEMO_EDITS)])
    for cadre, (field, value) in zip(cadres, DEMO_EDITS, strict=False):
        cadre_update(actor=officer, cadre=cadre, version=cadre.version, **{field: value})
    return len(cadres)


class Command(BaseCommand):
    help = (
        "Create one demo user per role (idempotent: an existing user gets the password again). "
        "Password: $DEMO_PASSWORD or the default demo password."
    )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        rows = []
        # Demo logins, written directly: there is no acting user yet to record in an audit entry.
        with transaction.atomic():
            for username, role, full_name, agency_code, cadre_agency in DEMO_USERS:
                user = User.objects.filter(username=username).first()
                agency = Agency.objects.get(code=agency_code) if agency_code else None
                cadre = _participant_cadre(cadre_agency, user) if cadre_agency else None
                user = user or User(username=username)
                user.role = role
                user.full_name = cadre.full_name if cadre else full_name
                user.agency = agency
                user.cadre = cadre
                user.is_active = True
                try:
                    validate_password(password, user)
                except ValidationError as exc:
                    raise CommandError(
                        f"DEMO_PASSWORD is refused: {' '.join(exc.messages)}"
                    ) from exc
                user.set_password(password)
                user.save()
                bound = agency.name if agency else ""
                if cadre:
                    bound = f"{cadre.full_name} — {cadre.position_title}, {cadre.agency.name}"
                rows.append((role, username, password, bound or "—"))
        self._print(rows)
        edited = _demo_edits(User.objects.get(username="canbo.bnv"))
        if edited:
            self.stdout.write(f"Demo edits recorded in the change history of {edited} cadres.")

    def _print(self, rows: list[tuple[str, str, str, str]]) -> None:
        table = [("Role", "Username", "Password", "Bound to")]
        table += [(str(Role(role).label), *rest) for role, *rest in rows]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        line = "  ".join(f"{{:<{width}}}" for width in widths) + "  {}"
        self.stdout.write(line.format(*table[0]))
        self.stdout.write(line.format(*("-" * width for width in widths), "-" * 8))
        for row in table[1:]:
            self.stdout.write(line.format(*row))
        two_factor = ", ".join(
            username for role, username, *_rest in rows if role in TWO_FACTOR_ROLES
        )
        if settings.DE165_REQUIRE_2FA:
            self.stdout.write(
                f"Two-factor authentication is on: {two_factor} enrol a TOTP app at first login."
            )
        else:
            self.stdout.write(
                f"Two-factor authentication is off in this demo for {two_factor} "
                "(set DE165_REQUIRE_2FA=1 to require it)."
            )
