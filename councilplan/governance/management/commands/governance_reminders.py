from django.core.management.base import BaseCommand

from councilplan.governance.reminders import run


class Command(BaseCommand):
    help = "E-mail report authors the publication deadlines of the agendas their items are on (for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded, send nothing")

    def handle(self, *args, **options):
        self.stdout.write(run(dry_run=options["dry_run"]).summary())
