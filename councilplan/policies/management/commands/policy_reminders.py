from django.core.management.base import BaseCommand

from councilplan.policies.reminders import run


class Command(BaseCommand):
    help = (
        "E-mail each named accountable officer the strategies and policies whose review or end date has passed "
        "or falls within the register's lead time (90 days unless changed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded; send nothing")
        parser.add_argument("--site-url", help="the address the links start with")

    def handle(self, *args, **options):
        outcome = run(site_url=options["site_url"], dry_run=options["dry_run"])
        verb = "Would remind" if options["dry_run"] else "Reminded"
        for item in outcome.sent:
            self.stdout.write(f"{verb} {item.person} <{item.person.email}>: {len(item.lines)} item(s)")
        for item in outcome.unreachable:
            self.stdout.write(f"No e-mail address for {item.person}: {len(item.lines)} item(s)")
        for line in outcome.unowned:
            self.stdout.write(f"No accountable officer: {line}")
        self.stdout.write(outcome.summary())
