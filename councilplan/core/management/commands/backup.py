from django.core.management.base import BaseCommand, CommandError

from councilplan.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write the whole database (history included) to one JSON file, gzip-compressed when the name ends in "
        ".gz. Restore it with `councilplan restore FILE`. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the file to write, e.g. councilplan-2020-01-31.json.gz")

    def handle(self, *args, **options):
        try:
            counts = backup(options["output"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        rows = sum(counts.values())
        tables = sum(1 for n in counts.values() if n)
        self.stdout.write(f"Backed up {rows:,} rows from {tables} tables to {options['output']}.")
