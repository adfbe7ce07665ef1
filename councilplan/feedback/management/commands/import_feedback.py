from django.core.management.base import BaseCommand, CommandError

from councilplan.core.exchange import ImportFailed, Mapping
from councilplan.feedback.services import import_cases


class Command(BaseCommand):
    help = "Import feedback records (CSV or Excel; docs/data-format.md): every row or none."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--mapping", help="a JSON file mapping the file's headings and wordings onto ours")

    def handle(self, *args, **options):
        try:
            count = import_cases(options["path"], mapping=Mapping.load(options["mapping"]))
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Imported {count} feedback records.")
