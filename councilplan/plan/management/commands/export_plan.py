from councilplan.core.identifiers import with_gss_code
from councilplan.core.management.base import ExchangeCommand
from councilplan.core.tabular import write_table
from councilplan.plan.selectors import find_plan, plan_rows


class Command(ExchangeCommand):
    help = "Export a plan's activities as CSV or XLSX, in the format import-plan reads."

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--output", required=True, help="a file ending in .csv or .xlsx")

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        header, rows = with_gss_code(*plan_rows(plan))
        write_table(options["output"], header, rows, sheet_title="activities")
        self.stdout.write(f"Wrote {len(rows)} activities to {options['output']}.")
