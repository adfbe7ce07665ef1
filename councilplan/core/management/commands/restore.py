from django.core.management.base import BaseCommand, CommandError

from councilplan.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup made by `councilplan backup`, and put its evidence files back "
        "into the evidence storage. Restore into a new, migrated "
        "database (`councilplan migrate` first); a database that holds data is refused unless --force is given, "
        "and then all of its data is replaced. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="the backup file (.tar.gz or .tar; or .json or .json.gz, made before backups held files)"
        )
        parser.add_argument(
            "--force", action="store_true", help="replace the data the database already holds (it is lost)"
        )

    def handle(self, *args, **options):
        try:
            result = restore(options["file"], force=options["force"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        rows = sum(result.counts.values())
        made = result.header.get("created_at", "an unknown time")
        self.stdout.write(
            f"Restored {rows:,} rows and {result.files:,} evidence files from {options['file']} "
            f"(made {made} on {result.header.get('database')})."
        )
