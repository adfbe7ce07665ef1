from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.performance import selectors
from councilplan.performance.output import FORMATS, produce


class Command(BaseCommand):
    help = (
        "Write the performance dashboard (or, with --quarterly, the quarterly performance report) for a month as "
        "HTML, PDF, Word, Excel or JSON. --area limits it to one directorate or one service area."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="the month, YYYY-MM: results up to its end")
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("--output", required=True, help="the file to write")
        parser.add_argument("--area", default="", help="a directorate's or a service area's name (any case)")
        parser.add_argument(
            "--quarterly",
            action="store_true",
            help="the quarterly performance report (against the previous quarter) rather than the dashboard "
            "(against the previous month); the period must be June, September, December or March",
        )

    def handle(self, *args, **options):
        period = selectors.parse_period(options["period"])
        if period is None:
            raise CommandError(f"--period must be a month as YYYY-MM, not {options['period']!r}")
        if options["quarterly"] and period.month not in (3, 6, 9, 12):
            raise CommandError(
                "A quarterly report's period is a quarter's last month: June, September, December or March"
            )
        directorate, area_name = None, ""
        if options["area"]:
            directorate, area_name = selectors.find_scope_name(options["area"])
            if directorate is None and not area_name:
                known = [d.name for d in selectors.directorates()] + selectors.area_names()
                raise CommandError(
                    f"No directorate or service area is called {options['area']!r}. Known: {', '.join(known) or 'none'}"
                )
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {str(output.parent)!r} does not exist")
        kind = selectors.QUARTERLY if options["quarterly"] else selectors.DASHBOARD
        result = produce(selectors.ReportScope(kind, period, directorate, area_name), options["fmt"])
        output.write_bytes(result.content)
        self.stdout.write(f"Wrote {output} ({len(result.content):,} bytes).")
