from councilplan.core.exchange import Mapping
from councilplan.core.management.base import ExchangeCommand
from councilplan.plan.services import import_plan


class Command(ExchangeCommand):
    help = "Import a plan's activities from a CSV or XLSX file (docs/data-format.md). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file with a header row")
        parser.add_argument("--plan", required=True, help="the plan's name; created if new")
        parser.add_argument("--mapping", help="a JSON file mapping other headings and answers onto ours")

    def handle(self, *args, **options):
        result = import_plan(options["file"], options["plan"], Mapping.load(options["mapping"]), self.progress)
        self.stdout.write(
            f"Imported the plan {options['plan']!r}: {result.created} activities added, {result.updated} updated."
        )
