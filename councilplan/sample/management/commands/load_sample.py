from councilplan.core.management.base import ExchangeCommand
from councilplan.sample.loader import load_sample, open_next_round


class Command(ExchangeCommand):
    help = (
        "Load the sample data: KCC's Strategic Delivery Plan 2019-20 with its Q1 and Q2 returns, and each "
        "system's sample. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--open-next-round",
            action="store_true",
            help="also open 2019-20 Q3 for two weeks from now, so that the demo's lead officers have returns to do",
        )

    def handle(self, *args, **options):
        for line in load_sample():
            self.stdout.write(line)
        if options["open_next_round"]:
            line = open_next_round()
            if line:
                self.stdout.write(line)
