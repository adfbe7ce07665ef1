from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.core.models import User
from councilplan.documents import formats
from councilplan.overview.pack import FORMATS, pack_document, parse_quarter


class Command(BaseCommand):
    help = (
        "Write the quarterly pack for a quarter (--quarter 2019-20-Q2) as HTML, PDF or Word: exceptions first, then "
        "the SDP analysis, the QPR, the corporate risk register, the budget position, the assurance summary and the "
        "forward plan. --public writes the public version (nothing exempt, no exceptions); otherwise --user names "
        "the reader it is made for (what they may read, exempt information only if they are cleared for it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quarter", required=True, help="YYYY-YY-Qn, the financial year and quarter: 2019-20-Q2")
        parser.add_argument("--format", required=True, choices=list(FORMATS), dest="fmt")
        parser.add_argument("--output", required=True, help="the file to write")
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--public", action="store_true", help="the public version")
        who.add_argument("--user", help="the username of the reader the pack is for")

    def handle(self, *args, **options):
        try:
            quarter = parse_quarter(options["quarter"])
        except ValueError as error:
            raise CommandError(f"--quarter: {error}") from error
        user = None
        if not options["public"]:
            user = User.objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"There is no active user {options['user']!r}.")
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {str(output.parent)!r} does not exist")
        content = formats.render(pack_document(quarter, user), options["fmt"])
        output.write_bytes(content)
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes).")
