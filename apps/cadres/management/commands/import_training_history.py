"""Import lines of the cadres' training history from an .xlsx file, all or nothing."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.cadres.training_import import training_history_import
from apps.core.importing import file_check

from .import_cadres import Command as CadreImportCommand


class Command(CadreImportCommand):
    help = (
        "Import training history (quá trình đào tạo, bồi dưỡng) from FILE.xlsx: columns Số "
        "CCCD, Nội dung đào tạo, bồi dưỡng, Cơ sở đào tạo, Quốc gia, Từ ngày, Đến ngày, Hình "
        "thức, Văn bằng, chứng chỉ. Every row is checked first; nothing is imported unless all "
        "rows are valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx file to import")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="the user recorded as the importer, whose agency scope applies "
            "(default: the first active steering admin)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        actor = self._actor(options["user"])
        issues = file_check(path)
        count = len(issues)
        if not issues:
            outcome = training_history_import(actor=actor, path=path, file_name=path.name)
            if outcome.ok:
                self.stdout.write(
                    self.style.SUCCESS(
                        ngettext(
                            "%(count)s training imported from %(file)s.",
                            "%(count)s trainings imported from %(file)s.",
                            outcome.created,
                        )
                        % {"count": outcome.created, "file": path.name}
                    )
                )
                return
            issues, count = outcome.issues, outcome.error_count
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
