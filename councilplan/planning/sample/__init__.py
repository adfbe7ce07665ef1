"""The planning sample: KCC's call for activity for the 2019-20 Strategic Delivery Plan (seed 002), reconstructed.

183 submissions (`submissions.csv`, written by `build_sample.py`; README.md says what is read and what is
chosen): 12 leave the long list at the review (171 remain) and 79 are short-listed. The 79 are the sample plan's
activities (`councilplan/sample/activities.csv`): each short-listed submission is linked to its activity, so
there is one plan, not two.

`load_sample()` is idempotent: when the cycle has its submissions already, nothing changes.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from councilplan.core.services import directorates_by_name, find_or_create_person, outcomes_by_title
from councilplan.plan.models import Plan
from councilplan.plan.services import import_plan
from councilplan.planning import services as cycle_services
from councilplan.planning.models import Criterion, PlanningCycle, Score, Submission

HERE = Path(__file__).resolve().parent
SUBMISSIONS_FILE = HERE / "submissions.csv"
PLAN_FILE = HERE.parents[1] / "sample" / "activities.csv"
PLAN = "KCC Strategic Delivery Plan 2019-20"
CYCLE = "SDP 2019-20"
LONDON = ZoneInfo("Europe/London")
CROSS_CUTTING = "Corporate Enabling Activity"
CRITERIA = ["strategic_importance", "value", "risk", "complexity"]

# 002 §2.3: a six-week window, 183 submissions "by the end of November" 2018 (dates chosen within that).
OPENS = dt.datetime(2018, 10, 15, 9, 0, tzinfo=LONDON)
CLOSES = dt.datetime(2018, 11, 26, 17, 0, tzinfo=LONDON)
REVIEWED = dt.datetime(2018, 12, 21, 12, 0, tzinfo=LONDON)  # §2.5: 171 confirmed "by the end of December"
DECIDED = dt.datetime(2019, 2, 6, 12, 0, tzinfo=LONDON)  # §2.8: the short list confirmed "in early February"
SCORED = dt.datetime(2019, 1, 11, 12, 0, tzinfo=LONDON)  # §2.7: assessed "in early January"

GUIDANCE = (
    "Submit significant activity only: activity likely to be of high value, profile, risk and complexity, and "
    "likely to meet the key decision criteria (spending or savings over £1,000,000). That includes people "
    "commissioning, infrastructure commissioning (including assets and technology), significant service change "
    "and strategy or policy development. Operational delivery and core business belong in Operating Plans."
)
INTRODUCTION = (
    "The Strategic Delivery Plan sets out the significant activity the council needs to deliver over the medium "
    "term to achieve the outcomes of its Strategic Statement, connecting strategy with the resources and capacity "
    "needed to deliver effectively at pace. It is a rolling three-year plan."
)
# 002 §2.9: the themes' titles are the seed's; the descriptions are chosen.
THEMES = [
    ("Outcomes based commissioning", "Commissioning for outcomes, with the market and our partners."),
    ("Integration and partnership working", "Joining up services with health, district councils and others."),
    ("Place-shaping", "Shaping Kent's places for growth, with good homes, jobs and communities."),
    ("The right infrastructure for a growing county", "Roads, schools, broadband and property to support growth."),
    ("Resilient services and communities", "Services and communities ready for change, including Brexit."),
    ("Shaping future strategy", "The evidence and policy for the next Strategic Statement."),
]


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


def _read() -> list[dict]:
    with open(SUBMISSIONS_FILE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_sample() -> str:
    plan = Plan.objects.filter(name=PLAN).first()
    if plan is None:
        import_plan(PLAN_FILE, PLAN)
        plan = Plan.objects.get(name=PLAN)
    cycle = PlanningCycle.objects.filter(name=CYCLE).first()
    if cycle is not None and cycle.submissions.exists():
        return f"The sample planning cycle {CYCLE!r} was already loaded ({cycle.submissions.count()} submissions)."
    rows = _read()
    outcomes = outcomes_by_title(list(dict.fromkeys(r["outcome"] for r in rows)))
    directorates = directorates_by_name(list(dict.fromkeys(r["directorate"] for r in rows if r["directorate"])))
    if cycle is None:
        cycle = cycle_services.create_cycle(
            name=CYCLE,
            plan_name=PLAN,
            opens_at=OPENS,
            closes_at=CLOSES,
            guidance=GUIDANCE,
            introduction=INTRODUCTION,
            cross_cutting_outcome=outcomes[CROSS_CUTTING],
        )
    activities = {a.ref: a for a in plan.activities.all()}
    people: dict = {}
    submissions = []
    for r in rows:
        activity = activities.get(r["activity_ref"]) if r["activity_ref"] else None
        if r["activity_ref"] and (activity is None or activity.title != r["title"]):
            raise ValueError(f"Sample submission {r['number']}: the plan's activity {r['activity_ref']} differs")
        submitted_at = dt.datetime.fromisoformat(r["submitted_at"]).replace(tzinfo=LONDON)
        lead = find_or_create_person(r["lead_officer"], people) if r["lead_officer"] else None
        removed = r["review"] in ("operational", "core_business")
        submissions.append(
            Submission(
                cycle=cycle,
                number=int(r["number"]),
                title=r["title"],
                headline=r["headline"],
                outcome=outcomes[r["outcome"]],
                activity_type=r["activity_type"],
                directorate=directorates.get(r["directorate"]),
                division=r["division"],
                lead_officer=lead,
                corporate_director=r["corporate_director"],
                cabinet_member=r["cabinet_member"],
                start_date=_date(r["start_date"]),
                end_date=_date(r["end_date"]),
                in_delivery=r["in_delivery"] == "yes",
                part_of_programme=r["part_of_programme"] == "yes",
                programme=r["programme"],
                key_decision=r["key_decision"],
                decision_authority=r["decision_authority"],
                governance_route=r["governance_route"],
                capital_cost=_amount(r["capital_cost"]),
                revenue_cost=_amount(r["revenue_cost"]),
                savings=_amount(r["savings"]),
                income=_amount(r["income"]),
                funding_source=r["funding_source"],
                capacity=r["capacity"],
                support_needed=[code for code in r["support"].split(";") if code],
                support_other=r["support_other"],
                eqia_status=r["eqia"],
                dpia_status=r["dpia"],
                submitted_by=lead,
                submitted_at=submitted_at,
                review=r["review"],
                review_note="Operational delivery or core business: for the divisional Operating Plan."
                if removed
                else "",
                reviewed_at=REVIEWED,
                decision=r["decision"],
                decided_at=DECIDED if r["decision"] else None,
                activity=activity,
            )
        )
    created = {s.number: s for s in bulk_create_with_history(submissions, Submission, batch_size=500)}
    if not all(s.pk for s in created.values()):  # databases that do not return ids from a bulk insert
        created = {s.number: s for s in cycle.submissions.all()}
    criteria = {c.code: c for c in cycle.criteria.filter(kind=Criterion.Kind.SCORE)}
    scores = [
        Score(submission=created[int(r["number"])], criterion=criteria[code], value=int(r[code]), scored_at=SCORED)
        for r in rows
        for code in CRITERIA
        if r[code]
    ]
    bulk_create_with_history(scores, Score, batch_size=1000)
    cycle_services.set_themes(cycle, THEMES)
    cycle.plan, cycle.confirmed_at = plan, DECIDED + dt.timedelta(days=2)
    cycle.save()
    short = sum(1 for s in submissions if s.decision == "short_list")
    removed = sum(1 for s in submissions if s.review in ("operational", "core_business"))
    return (
        f"Loaded the sample planning cycle {CYCLE!r}: {len(submissions)} submissions, {len(submissions) - removed} "
        f"on the long list, {short} short-listed (the activities of {PLAN!r})."
    )
