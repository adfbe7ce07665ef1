from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.documents.formats import ALL
from councilplan.finance import selectors
from councilplan.finance.models import Directorate
from councilplan.finance.report import render_report


class Command(BaseCommand):
    help = (
        "Write the budget monitoring report for a month: the Cabinet report (Table 1, roll forwards, Table 3 and "
        "its headlines, Appendix 1, activity data, asylum, reserves, the year's trajectory), or with --committee "
        "a cabinet committee's extract in £'000. JSON gives every figure as the report prints it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", metavar="YYYY-MM", help="the month monitored (default: the latest)")
        parser.add_argument("--committee", metavar="DIRECTORATE", help="a directorate's code, e.g. SCS")
        parser.add_argument("--format", required=True, choices=ALL)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        position = selectors.find_position(options["month"])
        if position is None:
            raise CommandError(f"No budget monitoring position for {options['month'] or 'any month'}.")
        directorate = None
        if options["committee"]:
            directorate = Directorate.objects.filter(code__iexact=options["committee"]).first()
            if directorate is None:
                codes = ", ".join(Directorate.objects.values_list("code", flat=True))
                raise CommandError(f"No directorate {options['committee']!r}. The directorates are: {codes}.")
        content, _ = render_report(position, None, fmt, directorate=directorate, public=True)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote the {position} budget monitoring report as {fmt} to {output}.")
