from django.core.management.base import BaseCommand

from councilplan.feedback import services


class Command(BaseCommand):
    help = (
        "Erase the personal details of feedback records past their retention period (a complaint's years after it "
        "closes, a comment's or compliment's after receipt: the feedback settings), in the records and their "
        "history; the counts stay. --dry-run lists them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        if options["dry_run"]:
            due = services.past_retention()
            for case in due:
                self.stdout.write(case.reference)
            self.stdout.write(f"{len(due)} record(s) are past their retention period.")
            return
        self.stdout.write(services.apply_retention().summary())
