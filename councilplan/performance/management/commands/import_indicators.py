from councilplan.core.exchange import Mapping
from councilplan.core.management.base import ExchangeCommand
from councilplan.performance.services import import_indicators


class Command(ExchangeCommand):
    help = (
        "Import indicator definitions from a CSV or XLSX file, and with --standards their targets, floors and "
        "thresholds per financial year (see docs/performance.md). All rows or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="indicators: a .csv or .xlsx file with a header row")
        parser.add_argument("--standards", help="targets, floors and thresholds: a .csv or .xlsx file")
        parser.add_argument("--mapping", help="a JSON file mapping other headings and answers onto ours")

    def handle(self, *args, **options):
        result = import_indicators(options["file"], options["standards"], Mapping.load(options["mapping"]))
        self.stdout.write(
            f"Imported indicators: {result.created} added, {result.updated} changed, {result.unchanged} unchanged."
        )
