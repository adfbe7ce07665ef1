from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from councilplan.risks.document import FORMATS, render_register
from councilplan.risks.selectors import find_registers, get_scale, level_terms, register_data


class Command(BaseCommand):
    help = (
        "Write a risk register document: the summary risk profile, heat maps and a page per risk "
        "(html, pdf, docx, xlsx), or its figures as JSON. Without --register: the corporate register."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--register",
            metavar="NAME_OR_LEVEL",
            help="a register's name, or a level (code or label: every register at that level, in one document)",
        )
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument("--output", required=True, metavar="FILE", help="the file to write ('-' for stdout)")

    def handle(self, *args, **options):
        register, fmt, output = options["register"], options["format"], options["output"]
        if output == "-" and fmt not in ("html", "json"):
            raise CommandError(f"{fmt} is a binary format: give a file with --output")
        registers = find_registers(register)
        if not registers:
            levels = ", ".join(code for code, _ in level_terms())
            wanted = repr(register) if register else "the corporate level"
            raise CommandError(f"No risk register found for {wanted}. Give a register's name or a level ({levels}).")
        title = registers[0].name if len(registers) == 1 else f"{register or 'Corporate'} risk registers"
        # The command line is the server's own operators, who hold everything anyway: the whole register, as before.
        data = register_data(registers, title=title, include_exempt=True)
        content = render_register(data, get_scale(), fmt, generated=timezone.localdate())
        if output == "-":
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        Path(output).write_bytes(content)
        self.stderr.write(f"Wrote {data.title} ({len(data.risks)} risks) as {fmt} to {output}.")
