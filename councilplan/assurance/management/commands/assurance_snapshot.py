import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from councilplan.assurance import services


class Command(BaseCommand):
    help = "Take the month-end snapshot of the change portfolios (by default last month's), for cron."

    def add_arguments(self, parser):
        parser.add_argument("--month", metavar="YYYY-MM", help="the month (default: the month before today's)")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["month"]:
            try:
                month = dt.datetime.strptime(options["month"], "%Y-%m").date()
            except ValueError as error:
                raise CommandError("Give the month as YYYY-MM.") from error
        else:
            month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        try:
            snapshot = services.take_snapshot(month, today=today)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Took the snapshot of {snapshot}.")
