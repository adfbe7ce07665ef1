import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from councilplan.feedback.services import feed_kpi


class Command(BaseCommand):
    help = (
        "Write KPI CS07 (percentage of complaints responded to in timescale, and the year to date) into the "
        "performance system from the feedback log, for each month from --from to --to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
        parser.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")

    def handle(self, *args, **options):
        try:
            first = dt.date.fromisoformat(options["first"] + "-01")
            last = dt.date.fromisoformat(options["last"] + "-01")
            written = feed_kpi(first, last)
        except ValueError:
            raise CommandError("--from and --to are months: YYYY-MM") from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for month, value in written:
            self.stdout.write(f"CS07 {month:%Y-%m}: {value}%")
