from django.core.management.base import BaseCommand
from django.utils import timezone

from councilplan.finance.reminders import send_due_reminders


class Command(BaseCommand):
    help = "E-mail budget managers whose forecasts are outstanding in an open position (for cron)."

    def handle(self, *args, **options):
        self.stdout.write(send_due_reminders(timezone.now()))
