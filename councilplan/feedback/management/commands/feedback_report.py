import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.documents.formats import render
from councilplan.feedback.documents import FORMATS, report_document, report_inputs


class Command(BaseCommand):
    help = (
        "Write the customer feedback report (the quarterly return by service with answered in time, CS07 by month, "
        "and the annual report's items) as html, pdf, docx, xlsx or json. It holds counts only, no person. "
        "Without --quarter-end or --year: the ones the feedback settings name, else the last ended."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", default="-", metavar="FILE", help="the file to write ('-' for stdout)")
        parser.add_argument("--quarter-end", metavar="YYYY-MM-DD", help="a day in the quarter of the return")
        parser.add_argument("--year", type=int, metavar="YYYY", help="the annual report's year (2015 for 2015/16)")

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        quarter = None
        if options["quarter_end"]:
            try:
                quarter = dt.date.fromisoformat(options["quarter_end"])
            except ValueError:
                raise CommandError("--quarter-end must be a date, YYYY-MM-DD") from None
        document = report_document(report_inputs(quarter, options["year"]))
        content = render(document, fmt)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {document.title} as {fmt} to {output}.")
