import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.planning import selectors
from councilplan.planning.documents import REPORT_FORMATS, build_long_list_report, long_list_json, render
from councilplan.planning.models import PlanningCycle


class Command(BaseCommand):
    help = (
        "Write a planning cycle's long-list analysis (counts, the seed's figures on their bases, gaps, the ranked "
        "long list) as HTML, PDF, Word or JSON. See docs/planning.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cycle", help="the cycle's name, e.g. 'SDP 2019-20' (default: the latest cycle)")
        parser.add_argument("--format", required=True, help=f"one of {', '.join(REPORT_FORMATS)}")
        parser.add_argument("--output", required=True, help="the file to write (replaced if it exists)")

    def handle(self, *args, **options):
        fmt = options["format"].lower().lstrip(".")
        if fmt not in REPORT_FORMATS:
            raise CommandError(f"--format: unknown format {fmt!r}: choose one of {', '.join(REPORT_FORMATS)}")
        path = Path(options["output"])
        if not path.parent.exists():
            raise CommandError(f"--output: the folder {str(path.parent)!r} does not exist")
        cycle = selectors.find_cycle(options["cycle"])
        if cycle is None:
            names = ", ".join(PlanningCycle.objects.order_by("name").values_list("name", flat=True)) or "none yet"
            wanted = f" {options['cycle']!r}" if options["cycle"] else ""
            raise CommandError(f"--cycle: there is no planning cycle{wanted} (cycles: {names})")
        data = selectors.cycle_data(cycle)
        if fmt == "json":
            content = json.dumps(long_list_json(data), ensure_ascii=False, indent=2).encode("utf-8")
        else:
            content = render(build_long_list_report(data), fmt)
        path.write_bytes(content)
        self.stdout.write(f"Wrote the long-list analysis of {cycle.name} to {path} ({len(content):,} bytes).")
