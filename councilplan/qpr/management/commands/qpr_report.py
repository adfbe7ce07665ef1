from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.analysis.qpr import parse_quarter
from councilplan.documents import formats
from councilplan.qpr.documents import render


class Command(BaseCommand):
    help = (
        "Write the council's Quarterly Performance Report for a quarter (--quarter 2017-Q2: Quarter 2 of 2017/18) "
        "as HTML, PDF, Word, Excel or JSON. Exempt corporate risks are left out unless --include-exempt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quarter", required=True, help="YYYY-Qn, the financial year it starts in: 2017-Q2")
        parser.add_argument("--format", required=True, choices=list(formats.ALL), dest="fmt")
        parser.add_argument("--output", default="-", help="the file to write (default: standard output)")
        parser.add_argument("--include-exempt", action="store_true")

    def handle(self, *args, **options):
        period = parse_quarter(options["quarter"])
        if period is None:
            raise CommandError(f"--quarter must be YYYY-Qn (2017-Q2), not {options['quarter']!r}")
        result = render(period, options["fmt"], options["include_exempt"])
        if options["output"] == "-":
            self.stdout.write(result.content.decode("utf-8", errors="replace"))
            return
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {str(output.parent)!r} does not exist")
        output.write_bytes(result.content)
        self.stdout.write(f"Wrote {output} ({len(result.content):,} bytes).")
