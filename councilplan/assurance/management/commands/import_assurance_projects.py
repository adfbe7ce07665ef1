from django.core.management.base import BaseCommand, CommandError

from councilplan.assurance.exchange import import_projects
from councilplan.core.exchange import ImportFailed


class Command(BaseCommand):
    help = (
        "Import corporate assurance projects from CSV or Excel (docs/data-format.md, Corporate assurance projects): "
        "every row checked first, nothing written unless every row is right."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            result = import_projects(options["file"], user=None)
        except ImportFailed as failure:
            raise CommandError(str(failure)) from failure
        self.stdout.write(f"Imported: {result.created} new, {result.updated} changed.")
