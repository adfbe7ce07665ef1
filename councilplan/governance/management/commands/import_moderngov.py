from django.core.management.base import BaseCommand, CommandError

from councilplan.governance.moderngov import ModernGovFailed, import_moderngov


class Command(BaseCommand):
    help = (
        "Import committees, meetings and agenda items from modern.gov web service files (GetCommittees, "
        "GetMeetings, GetMeeting XML; docs/governance.md): all or nothing, each bad element and value named."
    )

    def add_arguments(self, parser):
        parser.add_argument("--committees", action="append", default=[], help="a GetCommittees file", required=True)
        parser.add_argument("--meetings", action="append", default=[], help="a GetMeetings file (repeatable)")
        parser.add_argument("--meeting", action="append", default=[], help="a GetMeeting file (repeatable)")
        parser.add_argument(
            "--exempt-paragraph",
            type=int,
            choices=range(1, 8),
            help="the Schedule 12A paragraph for restricted items that name none",
        )

    def handle(self, *args, **options):
        try:
            result = import_moderngov(
                committees=options["committees"],
                meetings=options["meetings"],
                agendas=options["meeting"],
                default_paragraph=options["exempt_paragraph"],
            )
        except ModernGovFailed as failure:
            raise CommandError(str(failure)) from None
        self.stdout.write(result.summary())
