import json
from pathlib import Path

from django.core.management.base import BaseCommand

from councilplan.core.identifiers import with_gss_code
from councilplan.core.tabular import csv_bytes, write_table
from councilplan.policies import selectors
from councilplan.policies.exchange import export_rows


class Command(BaseCommand):
    help = (
        "Write the Strategy and Policy Register in the import's columns (docs/data-format.md) as csv, xlsx or json "
        "(formula-safe). --public leaves exempt entries out."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=("csv", "xlsx", "json"))
        parser.add_argument("--output", required=True, metavar="FILE")
        parser.add_argument("--public", action="store_true")

    def handle(self, *args, **options):
        from .policy_report import _ServerReader

        header, rows = with_gss_code(*export_rows(selectors.records(None if options["public"] else _ServerReader())))
        path, fmt = Path(options["output"]), options["format"]
        if fmt == "csv":
            path.write_bytes(csv_bytes(header, rows))
        elif fmt == "xlsx":
            write_table(path, header, rows, sheet_title="register")
        else:
            records = [dict(zip(header, row, strict=True)) for row in rows]
            path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
        self.stderr.write(f"Wrote {len(rows)} entries to {path}.")
