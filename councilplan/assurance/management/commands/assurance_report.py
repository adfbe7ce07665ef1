from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.assurance.documents import FORMATS, report_document
from councilplan.assurance.report import BadPeriod, parse_period, report_for
from councilplan.assurance.selectors import report_inputs
from councilplan.documents.formats import render


class Command(BaseCommand):
    help = (
        "Write the Corporate Assurance bi-annual analysis report for a period (figures, portfolio summary, monthly "
        "volumes with their chart, Tier 1 snapshot, themes, stages, narrative, comparison with the previous report) "
        "as html, pdf, docx, xlsx or json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, metavar="YYYY-MM..YYYY-MM", help="the months reported")
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        try:
            start, end = parse_period(options["period"])
        except BadPeriod as error:
            raise CommandError(str(error)) from error
        document = report_document(report_inputs(report_for(start, end)))
        content = render(document, fmt)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {document.title} as {fmt} to {output}.")
