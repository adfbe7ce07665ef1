from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from councilplan.core.exchange import ImportFailed
from councilplan.monitoring.selectors import find_round
from councilplan.plan.selectors import find_plan
from councilplan.reports.output import FORMATS, UnknownFormat, produce
from councilplan.reports.selectors import plan_outcomes


class Command(BaseCommand):
    # A report reads the database; the system checks (configuration, which migrate, runserver and `check` run)
    # would import every URL and view first, over half of this command's time.
    requires_system_checks = []

    help = (
        "Write a round's analysis report (or its activity scorecards) as HTML, PDF, Word, Excel or JSON. "
        "See docs/reports.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="the plan's name (may be left out when there is only one plan)")
        parser.add_argument("--round", required=True, help="the round's label, e.g. '2019-20 Q2'")
        parser.add_argument("--format", required=True, help=f"one of {', '.join(FORMATS)}")
        parser.add_argument("--output", required=True, help="the file to write (replaced if it exists)")
        parser.add_argument("--outcome", help="the tailored version for this outcome (its title)")
        parser.add_argument(
            "--scorecards", action="store_true", help="one scorecard per activity instead of the report"
        )

    def handle(self, *args, **options):
        try:
            plan = find_plan(options["plan"])
        except ImportFailed as error:  # find_plan words its problem for the import commands: say it plainly
            raise CommandError("; ".join(str(e) for e in error.errors)) from None
        round_ = find_round(plan, options["round"])
        if round_ is None:
            known = ", ".join(plan.rounds.order_by("label").values_list("label", flat=True)) or "none yet"
            raise CommandError(f"--round: plan {plan.name!r} has no round {options['round']!r} (rounds: {known})")
        outcome = None
        if options["outcome"]:
            outcomes = plan_outcomes(round_)
            outcome = next((o for o in outcomes if o.title.casefold() == options["outcome"].strip().casefold()), None)
            if outcome is None:
                names = "; ".join(o.title for o in outcomes) or "none"
                raise CommandError(
                    f"--outcome: plan {plan.name!r} has no outcome {options['outcome']!r} (outcomes: {names})"
                )
        path = Path(options["output"])
        if not path.parent.exists():  # before the work, not after it
            raise CommandError(f"--output: the folder {str(path.parent)!r} does not exist")
        fmt = options["format"].lower().lstrip(".")
        try:
            output = produce(round_, fmt, outcome, scorecards=options["scorecards"])
        except UnknownFormat as error:
            raise CommandError(f"--format: {error}") from None
        path.write_bytes(output.content)
        what = "scorecards" if options["scorecards"] else "report"
        version = f" for {outcome.title!r}" if outcome else ""
        self.stdout.write(f"Wrote the {round_.label} {what}{version} to {path} ({len(output.content):,} bytes).")
