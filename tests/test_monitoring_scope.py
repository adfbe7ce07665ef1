"""The round's scope as a query (monitoring.selectors.round_scope) gives the analysis engine's scope: the plan's
activities minus those that left monitoring in an earlier round, in activity number order, in one query."""

import datetime as dt

import pytest
from django.utils import timezone
from helpers import SAMPLE_PLAN

from councilplan.analysis.monitoring import analyse_round
from councilplan.core.models import Outcome
from councilplan.core.selectors import get_vocabularies
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.selectors import plan_data, round_scope
from councilplan.plan.models import Activity, Plan


def _engine_scope(round_: Round) -> list[str]:
    return analyse_round(plan_data(round_.plan, up_to=round_), round_.label, get_vocabularies()).scope


@pytest.mark.django_db
def test_the_sample_s_scope_is_the_engine_s_in_every_round(sample_plan):
    plan = Plan.objects.get(name=SAMPLE_PLAN)
    q3 = Round.objects.create(plan=plan, label="2019-20 Q3", state=Round.State.OPEN)
    for round_ in [*plan.rounds.filter(label__in=["2019-20 Q1", "2019-20 Q2"]), q3]:
        assert round_scope(round_) == _engine_scope(round_)
    # Seed 000: 79 activities in Q2; the 5 that ended in Q2 without being kept leave before Q3.
    assert len(round_scope(plan.rounds.get(label="2019-20 Q2"))) == 79
    assert len(round_scope(q3)) == 79 - len(set(_ended(plan, "2019-20 Q2")))


def _ended(plan, label):
    return (
        Return.objects.filter(round__plan=plan, round__label=label, state=Return.State.SUBMITTED)
        .exclude(project_status="active")
        .exclude(remain_in_monitoring=True)
        .values_list("activity__ref", flat=True)
    )


@pytest.mark.django_db
def test_worked_case_ended_kept_drafts_and_ordering(django_assert_num_queries):
    plan = Plan.objects.create(name="Worked plan")
    outcome = Outcome.objects.create(title="An outcome")
    refs = ["10", "2", "A10", "A2", "3"]
    activities = {
        ref: Activity.objects.create(
            plan=plan, ref=ref, title=f"Activity {ref}", outcome=outcome, activity_type="strategy_policy",
            end_date=dt.date(2021, 3, 31),
        )
        for ref in refs
    }  # fmt: skip
    q1 = Round.objects.create(plan=plan, label="2020-21 Q1", state=Round.State.PUBLISHED)
    q2 = Round.objects.create(plan=plan, label="2020-21 Q2", state=Round.State.OPEN)

    def submit(ref, **answers):
        Return.objects.create(
            round=q1, activity=activities[ref], state=Return.State.SUBMITTED, submitted_at=timezone.now(),
            delivery_status="on_track", **answers,
        )  # fmt: skip

    submit("10", project_status="completed")  # ended, no decision recorded: leaves
    submit("2", project_status="stopped", remain_in_monitoring=True)  # CMT kept it in: stays
    submit("3", project_status="bau", remain_in_monitoring=False)  # ended, CMT let it go: leaves
    Return.objects.create(round=q1, activity=activities["A2"], project_status="completed")  # a draft: stays
    # Worked by hand: Q1's scope is every activity; Q2's loses 10 and 3. Numbers first, in number order.
    assert round_scope(q1) == ["2", "3", "10", "A2", "A10"]
    with django_assert_num_queries(1):
        assert round_scope(q2) == ["2", "A2", "A10"]
    assert round_scope(q2) == _engine_scope(q2)
