from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from councilplan.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write the whole database (history included) and every evidence file to one archive (tar), "
        "gzip-compressed when the name ends in .gz. Restore it with `councilplan restore FILE`. "
        "See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the file to write, e.g. councilplan-2020-01-31.tar.gz")

    def handle(self, *args, **options):
        try:
            made = backup(options["output"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        for name in made.missing_files:
            self.stderr.write(f"Warning: the evidence file {name} is not in the evidence storage: not backed up.")
        rows = sum(made.counts.values())
        tables = sum(1 for n in made.counts.values() if n)
        self.stdout.write(
            f"Backed up {rows:,} rows from {tables} tables and {made.files:,} evidence files "
            f"({filesizeformat(made.file_bytes)}) to {options['output']}."
        )
