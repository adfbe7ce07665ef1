from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.plan.models import Plan
from councilplan.planning import selectors
from councilplan.planning.documents import FORMATS, VERSIONS, build_plan_document, render


class Command(BaseCommand):
    help = (
        "Write a plan document: the full plan (every activity's detail, by outcome) or its summary (outcomes, "
        "themes, a headline and governance route per activity), as HTML, PDF or Word. See docs/planning.md."
    )

    def add_base_argument(self, parser, *args, **kwargs):
        # Django gives every command --version (its own version); here --version chooses the document.
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--version", required=True, help="full or summary")
        parser.add_argument("--format", required=True, help=f"one of {', '.join(FORMATS)}")
        parser.add_argument("--output", required=True, help="the file to write (replaced if it exists)")

    def handle(self, *args, **options):
        version = options["version"].lower()
        if version not in VERSIONS:
            raise CommandError(f"--version: {version!r} is not a version: choose full or summary")
        fmt = options["format"].lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError(f"--format: unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        path = Path(options["output"])
        if not path.parent.exists():
            raise CommandError(f"--output: the folder {str(path.parent)!r} does not exist")
        plan = self._plan(options["plan"])
        document = build_plan_document(selectors.plan_data(plan), version)
        content = render(document, fmt)
        path.write_bytes(content)
        self.stdout.write(f"Wrote the {version} version of {plan.name} to {path} ({len(content):,} bytes).")

    def _plan(self, name: str | None) -> Plan:
        names = list(Plan.objects.order_by("name").values_list("name", flat=True))
        if name:
            plan = Plan.objects.filter(name__iexact=name.strip()).first()
            if plan is None:
                raise CommandError(f"--plan: there is no plan {name!r} (plans: {', '.join(names) or 'none yet'})")
            return plan
        if len(names) != 1:
            raise CommandError(f"--plan: name the plan: there are {len(names)} ({', '.join(names) or 'none yet'})")
        return Plan.objects.get()
