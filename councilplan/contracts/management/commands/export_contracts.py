from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from councilplan.contracts import exports, selectors, services


class Command(BaseCommand):
    help = (
        "Export the public contracts register: --format transparency (the Local Government Transparency Code 2015 "
        "CSV of contracts over £5,000) or ocds (Open Contracting Data Standard 1.1 release package). Only published, "
        "non-exempt contracts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=["transparency", "ocds"])
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")

    def handle(self, *args, **options):
        content = public_export(options["format"])
        if options["output"] == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(options["output"]).write_bytes(content)
        self.stderr.write(f"Wrote the {options['format']} export to {options['output']}.")


def public_export(fmt: str, now=None) -> bytes:
    contracts = selectors.contract_records(None)
    if fmt == "transparency":
        return exports.transparency_csv(contracts)
    settings = services.get_settings()
    now = now or timezone.now()
    package = exports.release_package(
        contracts,
        organisation=settings.organisation_name,
        prefix=settings.ocid_prefix,
        scheme=settings.buyer_scheme,
        identifier=settings.buyer_identifier,
        uri=settings.publisher_uri,
        published=now,
        today=timezone.localdate(now),
    )
    return exports.ocds_json(package)
