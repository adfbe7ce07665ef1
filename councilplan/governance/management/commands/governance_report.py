import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.documents.formats import render
from councilplan.governance import selectors
from councilplan.governance.documents import FORMATS, PACK_FORMATS, agenda_pack, body_report, pack_work_programme
from councilplan.governance.models import Body, Meeting


class Command(BaseCommand):
    help = (
        "Write a committee's report (membership, meetings and their items, work programme, decisions, minutes) as "
        "html, pdf, docx, xlsx or json; or, with --meeting, that meeting's agenda pack (pdf, docx or html). The "
        "command's reader is cleared for exempt information (it runs on the server); --public leaves exempt items "
        "and documents out, as published."
    )

    def add_arguments(self, parser):
        parser.add_argument("--body", required=True, help="the body's name (or its code)")
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")
        parser.add_argument("--meeting", metavar="YYYY-MM-DD", help="the agenda pack of the body's meeting that day")
        parser.add_argument("--public", action="store_true", help="as the public sees it: nothing exempt")
        parser.add_argument("--on", metavar="YYYY-MM-DD", help="the day of the membership shown (default today)")

    def handle(self, *args, **options):
        fmt, output = options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        body = (
            Body.objects.filter(name__iexact=options["body"].strip()).first()
            or Body.objects.filter(code=options["body"].strip()).first()
        )
        if body is None:
            raise CommandError(f"No body called {options['body']!r}: see the committees page for their names.")
        reader = None if options["public"] else _ServerReader()
        if options["meeting"]:
            if fmt not in PACK_FORMATS:
                raise CommandError(f"An agenda pack comes as {', '.join(PACK_FORMATS)}.")
            meeting = Meeting.objects.filter(body=body, date=_date(options["meeting"])).first()
            record = selectors.meeting_record(meeting.pk, reader, public=options["public"]) if meeting else None
            if record is None:
                raise CommandError(f"{body.name} has no meeting on {options['meeting']} to make a pack of.")
            entries = pack_work_programme(record, reader)
            document = agenda_pack(record, public=options["public"], work_programme=entries)
        else:
            document = body_report(reader, body, _date(options["on"]) if options["on"] else None)
        content = render(document, fmt)
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {document.title} as {fmt} to {output}.")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date: give it as YYYY-MM-DD.") from None


class _ServerReader:
    """The command's reader: the server itself, cleared for exempt information."""

    is_authenticated = True
    is_active = True
    is_corporate = True
    is_administrator = True
    cleared_for_exempt = True
    pk = None
    team_codes = frozenset()
