from django.core.management.base import BaseCommand

from councilplan.feedback.reminders import run


class Command(BaseCommand):
    help = "E-mail handlers the replies falling due, and services' managers those that are late (for cron, daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded, send nothing")

    def handle(self, *args, **options):
        self.stdout.write(run(dry_run=options["dry_run"]).summary())
