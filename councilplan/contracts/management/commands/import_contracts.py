from django.core.management.base import BaseCommand, CommandError

from councilplan.contracts.services import import_register
from councilplan.core.exchange import ImportFailed, Mapping
from councilplan.plan.models import Plan


class Command(BaseCommand):
    help = (
        "Import the council's contracts register (CSV or XLSX, docs/data-format.md): every row or none; a bad row "
        "is named with its column and value."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--plan", help="the plan whose activity numbers the activities column gives")
        parser.add_argument("--mapping", help="a JSON file mapping the file's headings and words onto ours")

    def handle(self, *args, **options):
        plan = None
        if options["plan"]:
            plan = Plan.objects.filter(name=options["plan"]).first()
            if plan is None:
                raise CommandError(f"No plan named {options['plan']!r}.")
        try:
            result = import_register(options["file"], plan=plan, mapping=Mapping.load(options["mapping"]))
        except ImportFailed as failure:
            raise CommandError(str(failure)) from None
        self.stdout.write(f"Imported: {result.created} new, {result.updated} changed, {result.unchanged} unchanged.")
        for warning in result.warnings:
            self.stdout.write(f"  {warning}")
