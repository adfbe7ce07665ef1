from django.core.management.base import BaseCommand, CommandError

from councilplan.core.exchange import ImportFailed, Mapping
from councilplan.governance.exchange import import_work_programme


class Command(BaseCommand):
    help = (
        "Import work programme entries (CSV or XLSX, docs/data-format.md): every row or none; a bad row is named "
        "with its column and value."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--mapping", help="a JSON file mapping the file's headings and words onto ours")

    def handle(self, *args, **options):
        try:
            result = import_work_programme(options["file"], mapping=Mapping.load(options["mapping"]))
        except ImportFailed as failure:
            raise CommandError(str(failure)) from None
        self.stdout.write(f"Imported {result.created} work programme entries.")
