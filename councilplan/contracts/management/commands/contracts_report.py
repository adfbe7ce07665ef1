from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.contracts.documents import FORMATS, summary_document
from councilplan.contracts.models import ProgressReport
from councilplan.documents.formats import render


class Command(BaseCommand):
    help = (
        "Write the contract management review group's progress report to committee (the annual summary: reviews "
        "held, forward plan, maturity by activity, savings, findings) as html, pdf, docx, xlsx or json. Without "
        "--meeting: the latest. The command's reader is cleared for exempt information (it runs on the server)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")
        parser.add_argument("--meeting", metavar="YYYY-MM-DD", help="the committee meeting of the progress report")
        parser.add_argument(
            "--public", action="store_true", help="leave exempt reviews and reports out, as for the public"
        )

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        report_id = None
        if options["meeting"]:
            found = ProgressReport.objects.filter(meeting_date=options["meeting"]).first()
            if found is None:
                raise CommandError(f"No progress report for a meeting on {options['meeting']}.")
            report_id = found.pk
        reader = None if options["public"] else _server_reader()
        document = summary_document(reader, report_id=report_id)
        if document is None:
            raise CommandError("There is no progress report to write: load the sample or record one.")
        content = render(document, fmt)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {document.title} as {fmt} to {output}.")


class _ServerReader:
    """The command's reader: the server itself, cleared for exempt information."""

    is_authenticated = True
    is_active = True
    is_corporate = True
    is_administrator = True
    cleared_for_exempt = True
    pk = None
    team_codes = frozenset()


def _server_reader():
    return _ServerReader()
