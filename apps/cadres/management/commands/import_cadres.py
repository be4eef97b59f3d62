"""Import cadres from an .xlsx file, all or nothing, or write the import template."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.cadres.import_template import import_template_write
from apps.cadres.importing import cadre_import, user_may_import
from apps.cadres.permissions import default_importer
from apps.core.importing import VALIDATING, file_check
from apps.core.models import User


class Command(BaseCommand):
    help = (
        "Import cadres from FILE.xlsx (the template's columns): every row is checked first and "
        "nothing is imported unless all rows are valid. Exit code 0 on success, 1 with the "
        "errors printed. --template FILE.xlsx writes the template instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the .xlsx file to import")
        parser.add_argument(
            "--template", metavar="FILE.xlsx", help="write the import template to this file"
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="the user recorded as the importer, whose agency scope applies "
            "(default: the first active steering admin)",
        )

    def handle(self, *args, **options):
        if options["template"]:
            target = Path(options["template"])
            if target.suffix.lower() != ".xlsx":
                raise CommandError(_("The template file name must end in .xlsx."))
            import_template_write(str(target))
            self.stdout.write(
                self.style.SUCCESS(_("Template written to %(path)s.") % {"path": target})
            )
        if not options["file"]:
            if options["template"]:
                return
            raise CommandError(_("Give the .xlsx file to import, or --template FILE.xlsx."))
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        actor = self._actor(options["user"])
        issues = file_check(path)
        if not issues:
            outcome = cadre_import(
                actor=actor,
                path=path,
                file_name=path.name,
                progress=self._progress if options["verbosity"] > 1 else None,
            )
            if outcome.ok:
                message = ngettext(
                    "%(count)s cadre imported from %(file)s.",
                    "%(count)s cadres imported from %(file)s.",
                    outcome.created,
                ) % {"count": outcome.created, "file": path.name}
                self.stdout.write(self.style.SUCCESS(message))
                return
            issues, count = outcome.issues, outcome.error_count
        else:
            count = len(issues)
        for issue in issues:
            self.stderr.write(issue.describe())
        raise CommandError(
            ngettext(
                "%(count)s error in %(file)s: nothing was imported.",
                "%(count)s errors in %(file)s: nothing was imported.",
                count,
            )
            % {"count": count, "file": path.name}
        )

    def _actor(self, username: str | None) -> User:
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(_("There is no user %(name)s.") % {"name": username})
        else:
            user = default_importer()
            if user is None:
                raise CommandError(
                    _("There is no active steering admin to record as the importer: use --user.")
                )
        if not user_may_import(user):
            raise CommandError(_("%(name)s may not import cadres.") % {"name": user.username})
        return user

    def _progress(self, phase: str, done: int, total: int) -> None:
        if phase == VALIDATING:
            message = _("Checked %(done)s of %(total)s rows.")
        else:
            message = _("Saved %(done)s of %(total)s rows.")
        self.stdout.write(message % {"done": done, "total": total})
