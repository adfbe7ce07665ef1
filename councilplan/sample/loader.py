"""Loading the sample: KCC's Strategic Delivery Plan 2019-20 with its Q1 and Q2 returns (this folder's CSVs),
then each system's own sample in its `sample_order`. Idempotent: run again, nothing is loaded twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from councilplan.core.services import set_organisation
from councilplan.core.systems import systems
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.services import import_returns
from councilplan.plan.services import import_plan

SAMPLE_DIR = Path(__file__).resolve().parent
PLAN = "KCC Strategic Delivery Plan 2019-20"
LONDON = ZoneInfo("Europe/London")
# Q2's window is seed 000 §1.1 (30 August to 13 September 2019); Q1's is chosen (README.md).
ROUNDS = {
    "2019-20 Q1": (dt.datetime(2019, 5, 31, 9, tzinfo=LONDON), dt.datetime(2019, 6, 14, 17, tzinfo=LONDON), ""),
    "2019-20 Q2": (
        dt.datetime(2019, 8, 30, 9, tzinfo=LONDON),
        dt.datetime(2019, 9, 13, 17, tzinfo=LONDON),
        "Policy & Resources Cabinet Committee – 8 November 2019",
    ),
}


def load_plan_and_returns() -> str:
    import_plan(SAMPLE_DIR / "activities.csv", PLAN)
    for label, (opens, closes, version) in ROUNDS.items():
        import_returns(SAMPLE_DIR / f"returns-{label.replace(' ', '-')}.csv", label, PLAN)
        round_ = Round.objects.get(plan__name=PLAN, label=label)
        window = {
            "opens_at": opens,
            "closes_at": closes,
            "state": Round.State.PUBLISHED,
            "public": True,  # KCC published these reports with its committee papers
            "report_version": version,
        }
        if any(getattr(round_, name) != value for name, value in window.items()):
            for name, value in window.items():
                setattr(round_, name, value)
            round_.save()
        _date_within_window(round_)
    return f"Loaded the sample plan {PLAN!r} with rounds {', '.join(ROUNDS)}."


def _date_within_window(round_: Round) -> None:
    """The sample's returns were submitted in their round's window, as KCC's were (seed 000 §1.1 for Q2), not on
    the day the sample is loaded: each return, and its history, gets a time in the window, spread by activity
    number (CHOSEN: README.md). Returns dated in the window already are left as they are."""
    span = (round_.closes_at - round_.opens_at).total_seconds()
    late = round_.returns.filter(state=Return.State.SUBMITTED, submitted_at__gt=round_.closes_at)
    for ret in late.select_related("activity"):
        number = int(ret.activity.ref) if ret.activity.ref.isdigit() else 0
        when = round_.opens_at + dt.timedelta(seconds=int(span * ((number * 37) % 97) / 97))
        Return.objects.filter(pk=ret.pk).update(submitted_at=when, updated_at=when)
        ret.history.filter(history_date__gt=round_.closes_at).update(
            history_date=when, submitted_at=when, updated_at=when
        )


def system_loaders(only: Collection[str] | None = None) -> list[Callable[[], str]]:
    """Each system's sample loader, in its sample order (`only`: the systems' app labels to load)."""
    ordered = sorted(
        (s for s in systems() if s.sample and (only is None or s.label in only)), key=lambda s: s.sample_order
    )
    return [s.hook("sample") for s in ordered]


@transaction.atomic
def load_sample(only: Collection[str] | None = None) -> list[str]:
    """Everything (or the plan and the systems named in `only`), in one transaction: a failure anywhere leaves
    the database as it was."""
    # Kent County Council's ONS GSS code: every open data file and export carries it.
    set_organisation(gss_code="E10000016", name="Kent County Council", reason="Sample: Kent County Council")
    lines = [load_plan_and_returns()]
    lines.extend(load() for load in system_loaders(only))
    return lines


def open_next_round() -> str | None:
    """Open 2019-20 Q3 for two weeks from now, so that the demo's lead officers have returns to do."""
    now = timezone.now()
    _, created = Round.objects.get_or_create(
        plan=Round.objects.get(plan__name=PLAN, label="2019-20 Q2").plan,
        label="2019-20 Q3",
        defaults={"opens_at": now, "closes_at": now + dt.timedelta(days=14), "state": Round.State.OPEN},
    )
    return "Opened 2019-20 Q3 for returns for the next two weeks." if created else None
