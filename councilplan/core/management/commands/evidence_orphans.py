from datetime import timedelta

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from councilplan.core.evidence import evidence_storage, orphans


class Command(BaseCommand):
    help = (
        "List the files in the evidence storage that no evidence row names (left by a crash between saving a file "
        "and its row, or by a restore over old files), and delete them with --delete. Files written in the last "
        "hour are left alone: they may be being attached. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="delete the files listed")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=1.0,
            help="leave alone files written more recently than this (default 1)",
        )

    def handle(self, *args, **options):
        found = orphans(min_age=timedelta(hours=options["min_age_hours"]))
        if not found:
            self.stdout.write("No files without a row in the evidence storage.")
            return
        storage = evidence_storage()
        for orphan in found:
            size = filesizeformat(orphan.size) if orphan.size is not None else "size unknown"
            if options["delete"]:
                storage.delete(orphan.name)
                self.stdout.write(f"Deleted {orphan.name} ({size})")
            else:
                self.stdout.write(f"{orphan.name} ({size})")
        known = sum(orphan.size or 0 for orphan in found)
        if options["delete"]:
            self.stdout.write(f"Deleted {len(found)} file(s) without a row ({filesizeformat(known)}).")
        else:
            self.stdout.write(
                f"{len(found)} file(s) without a row ({filesizeformat(known)}). Run again with --delete to delete them."
            )
