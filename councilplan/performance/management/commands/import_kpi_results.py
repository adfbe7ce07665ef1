from councilplan.core.exchange import Mapping
from councilplan.core.management.base import ExchangeCommand
from councilplan.performance.services import import_results


class Command(ExchangeCommand):
    help = (
        "Import indicators' results from a CSV or XLSX file (columns ref, period, value, year_to_date, commentary; "
        "see docs/performance.md). All rows or none: every problem is listed with its row, column and value."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file with a header row")
        parser.add_argument("--mapping", help="a JSON file mapping other headings and answers onto ours")

    def handle(self, *args, **options):
        result = import_results(options["file"], Mapping.load(options["mapping"]), self.progress)
        self.stdout.write(
            f"Imported results: {result.created} added, {result.updated} changed, {result.unchanged} unchanged."
        )
