import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.documents import formats
from councilplan.performance import dtoc


class Command(BaseCommand):
    help = (
        "Write the weekly delayed transfers of care dashboard for a week (its week-ending date; the latest week "
        "when left out) as HTML, PDF, Word, Excel or JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", default="", help="the week-ending date, YYYY-MM-DD (default: the latest)")
        parser.add_argument("--format", required=True, choices=sorted(formats.ALL), dest="fmt")
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args, **options):
        weeks = dtoc.weeks_available()
        if not weeks:
            raise CommandError("There are no delayed transfers of care figures yet (indicator DTOC).")
        week = weeks[-1]
        if options["week"]:
            try:
                week = dt.date.fromisoformat(options["week"])
            except ValueError:
                raise CommandError(f"--week must be a date as YYYY-MM-DD, not {options['week']!r}") from None
            if week not in weeks:
                raise CommandError(
                    f"There are no figures for the week ending {week:%d/%m/%Y}. Weeks with figures: "
                    f"{weeks[0]:%d/%m/%Y} to {weeks[-1]:%d/%m/%Y}, each ending on a {weeks[-1]:%A}."
                )
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {str(output.parent)!r} does not exist")
        result = dtoc.render(week, options["fmt"])
        output.write_bytes(result.content)
        self.stdout.write(f"Wrote {output} ({len(result.content):,} bytes).")
