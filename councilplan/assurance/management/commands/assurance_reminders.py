from django.core.management.base import BaseCommand

from councilplan.assurance.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail what falls due in corporate assurance: reviews due by tier, recommendations due or overdue."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded, send nothing")

    def handle(self, *args, **options):
        self.stdout.write(send_reminders(dry_run=options["dry_run"]))
