from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.core.lists import download_response
from councilplan.governance import selectors
from councilplan.governance.exchange import entry_columns


class Command(BaseCommand):
    help = (
        "Export the work programme entries (every body, or --body) as csv, xlsx or json, in the import's columns. "
        "--public leaves exempt entries out."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=("csv", "xlsx", "json"))
        parser.add_argument("--output", required=True, metavar="FILE")
        parser.add_argument("--body", help="the body's name or code")
        parser.add_argument("--public", action="store_true")

    def handle(self, *args, **options):
        from .governance_report import _ServerReader

        body = None
        if options["body"]:
            from councilplan.governance.models import Body

            body = (
                Body.objects.filter(name__iexact=options["body"]).first()
                or Body.objects.filter(code=options["body"]).first()
            )
            if body is None:
                raise CommandError(f"No body called {options['body']!r}.")
        reader = None if options["public"] else _ServerReader()
        entries = list(selectors.entries_queryset(reader, body).order_by("body__name", "year", "meeting__date", "id"))
        response = download_response(entries, entry_columns(), options["format"], "work-programme")
        Path(options["output"]).write_bytes(response.content)
        self.stderr.write(f"Wrote {len(entries)} entries to {options['output']}.")
