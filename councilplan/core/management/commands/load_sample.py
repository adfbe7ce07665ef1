import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from councilplan.core.management.base import ExchangeCommand
from councilplan.monitoring.models import Round
from councilplan.monitoring.services import import_returns
from councilplan.plan.services import import_plan

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "sample"
PLAN = "KCC Strategic Delivery Plan 2019-20"
LONDON = ZoneInfo("Europe/London")
# Q2's window is seed 000 §1.1 (30 August to 13 September 2019); Q1's is chosen (sample/README.md).
ROUNDS = {
    "2019-20 Q1": (dt.datetime(2019, 5, 31, 9, tzinfo=LONDON), dt.datetime(2019, 6, 14, 17, tzinfo=LONDON), ""),
    "2019-20 Q2": (
        dt.datetime(2019, 8, 30, 9, tzinfo=LONDON),
        dt.datetime(2019, 9, 13, 17, tzinfo=LONDON),
        "Policy & Resources Cabinet Committee – 8 November 2019",
    ),
}


def other_samples():
    """Each app's own sample loader: an idempotent function returning a line to print."""
    # Each app with sample data adds its import here, one line each.
    from councilplan.performance.sample import load_sample as performance
    from councilplan.planning.sample import load_sample as planning
    from councilplan.risks.sample import load_sample as risks

    loaders = []
    loaders.append(risks)
    loaders.append(performance)
    loaders.append(planning)
    return loaders


class Command(ExchangeCommand):
    help = "Load the sample data: KCC's Strategic Delivery Plan 2019-20 with its Q1 and Q2 returns. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--open-next-round",
            action="store_true",
            help="also open 2019-20 Q3 for two weeks from now, so that the demo's lead officers have returns to do",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        import_plan(SAMPLE_DIR / "activities.csv", PLAN)
        for label, (opens, closes, version) in ROUNDS.items():
            import_returns(SAMPLE_DIR / f"returns-{label.replace(' ', '-')}.csv", label, PLAN)
            round_ = Round.objects.get(plan__name=PLAN, label=label)
            window = {"opens_at": opens, "closes_at": closes, "state": Round.State.PUBLISHED, "report_version": version}
            if any(getattr(round_, name) != value for name, value in window.items()):
                for name, value in window.items():
                    setattr(round_, name, value)
                round_.save()
        self.stdout.write(f"Loaded the sample plan {PLAN!r} with rounds {', '.join(ROUNDS)}.")
        for load in other_samples():
            self.stdout.write(load())
        if options["open_next_round"]:
            self._open_q3()

    def _open_q3(self):
        from django.utils import timezone

        now = timezone.now()
        round_, created = Round.objects.get_or_create(
            plan=Round.objects.get(plan__name=PLAN, label="2019-20 Q2").plan,
            label="2019-20 Q3",
            defaults={"opens_at": now, "closes_at": now + dt.timedelta(days=14), "state": Round.State.OPEN},
        )
        if created:
            self.stdout.write("Opened 2019-20 Q3 for returns for the next two weeks.")
