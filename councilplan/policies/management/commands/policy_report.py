import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from councilplan.documents.formats import render
from councilplan.policies import selectors
from councilplan.policies.documents import FORMATS, closedown_document, register_document


class Command(BaseCommand):
    help = (
        "Write the Strategy and Policy Register's update (the stock-take at a date: counts by section and status, "
        "close-downs agreed, entries past their review date, forthcoming documents) or, with --paper close-down, "
        "the close-down paper (Tables 1 and 2 and the list under review) as html, pdf, docx, xlsx or json. The "
        "command's reader is cleared for exempt information (it runs on the server) unless --public."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")
        parser.add_argument("--date", metavar="YYYY-MM-DD", help="the register as it stood on this day (default today)")
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="the last update: close-downs agreed after it")
        parser.add_argument("--paper", choices=("register", "close-down"), default="register")
        parser.add_argument("--public", action="store_true", help="leave exempt entries out, as for the public")

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        on = _day(options["date"], "--date") or timezone.localdate()
        since = _day(options["since"], "--since")
        reader = None if options["public"] else _ServerReader()
        at = selectors.register_at(reader, on)
        document = closedown_document(at) if options["paper"] == "close-down" else register_document(at, since=since)
        content = render(document, fmt)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {document.title} as {fmt} to {output}.")


def _day(text: str | None, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{name} must be a date like 2017-09-15, not {text!r}") from None


class _ServerReader:
    """The command's reader: the server itself, cleared for exempt information."""

    is_authenticated = True
    is_active = True
    is_corporate = True
    is_administrator = True
    cleared_for_exempt = True
    pk = None
    team_codes = frozenset()
