from django.core.management.base import BaseCommand, CommandError

from councilplan.analysis import performance as rules
from councilplan.performance.reminders import send_result_reminders
from councilplan.performance.selectors import parse_period


class Command(BaseCommand):
    help = (
        "E-mail every indicator owner with a result not yet entered for a month (one e-mail each, listing their "
        "indicators with links). Quarterly and annual indicators are due only in their periods' last months."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="the month the results are for, YYYY-MM")
        parser.add_argument("--due", default="", help="when they are due, as words for the e-mail: '10 August 2017'")
        parser.add_argument("--dry-run", action="store_true", help="say who would be reminded; send nothing")
        parser.add_argument("--site-url", help="the address the links start with, e.g. https://plan.example.gov.uk/")

    def handle(self, *args, **options):
        period = parse_period(options["period"])
        if period is None:
            raise CommandError(f"--period must be a month as YYYY-MM, not {options['period']!r}")
        outcome = send_result_reminders(
            period, site_url=options["site_url"], due=options["due"], dry_run=options["dry_run"]
        )
        name = rules.month_name(period)
        if not outcome.outstanding:
            self.stdout.write(f"{name}: every result due has been entered. No reminders to send.")
            return
        self.stdout.write(f"{name}: {outcome.outstanding} results outstanding.")
        verb = "Would remind" if options["dry_run"] else "Reminded"
        for owner in outcome.owners if options["dry_run"] else outcome.sent:
            refs = ", ".join(i.ref for i in owner.indicators)
            self.stdout.write(f"  {verb} {owner.person} <{owner.person.email}> ({refs})")
        for owner, error in outcome.failed:
            self.stderr.write(f"  Not sent to {owner.person} <{owner.person.email}>: {error}")
        for owner in outcome.unreachable:
            refs = ", ".join(i.ref for i in owner.indicators)
            self.stdout.write(f"  No e-mail address for {owner.person}: tell them yourself ({refs})")
        if outcome.nobody:
            refs = ", ".join(i.ref for i in outcome.nobody)
            self.stdout.write(f"  No owner for {refs}: name one in the admin, or enter the results yourself.")
