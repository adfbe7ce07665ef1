from django.core.management.base import CommandError

from councilplan.core.identifiers import with_gss_code
from councilplan.core.management.base import ExchangeCommand
from councilplan.core.tabular import write_table
from councilplan.monitoring.selectors import find_round, return_rows
from councilplan.plan.selectors import find_plan


class Command(ExchangeCommand):
    help = "Export one round's submitted returns as CSV or XLSX, in the format import-returns reads."

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--round", required=True, help="the round's label, e.g. '2019-20 Q2'")
        parser.add_argument("--output", required=True, help="a file ending in .csv or .xlsx")

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        round_ = find_round(plan, options["round"])
        if round_ is None:
            raise CommandError(f"The plan {plan.name!r} has no round {options['round']!r}.")
        header, rows = with_gss_code(*return_rows(round_))
        write_table(options["output"], header, rows, sheet_title="returns")
        self.stdout.write(f"Wrote {len(rows)} returns to {options['output']}.")
