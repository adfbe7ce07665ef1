from django.core.management.base import BaseCommand, CommandError

from councilplan.site.reminders import run_all


class Command(BaseCommand):
    help = (
        "Send every system's reminders that fall due (reviews, deadlines, positions): the daily run for cron. "
        "Monitoring rounds have their own: send-reminders --round."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would be sent, send nothing")

    def handle(self, *args, dry_run=False, **options):
        ran = run_all(dry_run=dry_run)
        for line in ran:
            self.stdout.write(f"{line.system}: {line.summary}")
        failed = [line.system for line in ran if line.failed]
        if failed:
            raise CommandError(f"Reminders failed for {', '.join(failed)}")
