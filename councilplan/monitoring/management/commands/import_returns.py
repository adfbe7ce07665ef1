from councilplan.core.exchange import Mapping
from councilplan.core.management.base import ExchangeCommand
from councilplan.monitoring.services import import_returns


class Command(ExchangeCommand):
    help = "Import one round's returns from a CSV or XLSX file (docs/data-format.md). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file with a header row")
        parser.add_argument("--round", required=True, help="the round's label, e.g. '2019-20 Q2'; created if new")
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--mapping", help="a JSON file mapping other headings and answers onto ours")

    def handle(self, *args, **options):
        result = import_returns(
            options["file"], options["round"], options["plan"], Mapping.load(options["mapping"]), self.progress
        )
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        self.stdout.write(
            f"Imported {result.created + result.updated} returns for {options['round']}: "
            f"{result.created} new, {result.updated} replaced (earlier answers kept in the history)."
        )
