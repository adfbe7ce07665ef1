"""The short list becomes the plan (activities created once, without re-keying) and next year's cycle starts
from this year's plan (carry forward)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from planning_support import answers, make_cycle, outcomes, person

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity, Plan
from councilplan.planning import services as cycle_services
from councilplan.planning.models import Submission


@pytest.fixture
def corporate(db):
    return person("cora.corporate", role=User.Role.CORPORATE)


@pytest.fixture
def lead(db):
    return person("lee.lead")


def test_confirming_creates_each_short_listed_activity_once(corporate, lead):
    cycle = make_cycle()
    start, growth = outcomes()[0], outcomes()[1]
    a = cycle_services.submit_activity(cycle, answers(title="Growth activity", lead_officer=lead), user=lead)
    b = cycle_services.submit_activity(cycle, answers(title="Start activity", outcome=start), user=lead)
    c = cycle_services.submit_activity(cycle, answers(title="Operating plan activity"), user=lead)
    for s, decision in ((a, "short_list"), (b, "short_list"), (c, "operating_plan")):
        cycle_services.decide(s, decision=decision, user=corporate)

    result = cycle_services.confirm_short_list(cycle, user=corporate)
    assert (result.created, result.already, result.plan.name) == (2, 0, "Plan SDP 2020-21")
    activities = list(Activity.objects.filter(plan=result.plan).order_by("sort_key"))
    # Numbered by outcome (best start first), then by submission number.
    assert [(x.ref, x.title, x.outcome) for x in activities] == [
        ("1", "Start activity", start),
        ("2", "Growth activity", growth),
    ]
    growth_activity = activities[1]
    assert growth_activity.lead_officer == lead  # copied, not re-keyed
    assert growth_activity.end_date == dt.date(2021, 3, 31)
    assert growth_activity.activity_type == "strategy_policy"
    assert growth_activity.description == "A library service fit for the next ten years."
    a.refresh_from_db()
    assert a.activity == growth_activity
    cycle.refresh_from_db()
    assert cycle.plan == result.plan and cycle.confirmed_by == corporate

    again = cycle_services.confirm_short_list(cycle, user=corporate)
    assert (again.created, again.already) == (0, 2)
    assert Activity.objects.count() == 2

    cycle_services.decide(c, decision="short_list", user=corporate)
    third = cycle_services.confirm_short_list(cycle, user=corporate)
    assert third.created == 1
    assert Activity.objects.get(submission=c).ref == "3"  # after the plan's highest number


def test_an_empty_short_list_is_not_confirmed(db):
    cycle = make_cycle()
    cycle_services.submit_activity(cycle, answers(), user=None)
    with pytest.raises(ValidationError, match="No activity is on the short list"):
        cycle_services.confirm_short_list(cycle)
    assert not Plan.objects.exists()


def test_an_activity_in_the_plan_cannot_be_removed_or_undecided(corporate):
    cycle = make_cycle()
    s = cycle_services.submit_activity(cycle, answers(), user=None)
    cycle_services.decide(s, decision="short_list", user=corporate)
    cycle_services.confirm_short_list(cycle, user=corporate)
    s.refresh_from_db()
    with pytest.raises(ValidationError):
        cycle_services.review_submission(s, review="operational", user=corporate)
    with pytest.raises(ValidationError):
        cycle_services.decide(s, decision="withdrawn", user=corporate)


def test_removed_at_review_loses_its_decision_and_cannot_be_decided(corporate):
    cycle = make_cycle()
    s = cycle_services.submit_activity(cycle, answers(), user=None)
    cycle_services.decide(s, decision="short_list", user=corporate)
    cycle_services.review_submission(s, review="core_business", note="Statutory duty", user=corporate)
    s.refresh_from_db()
    assert s.decision == ""
    with pytest.raises(ValidationError, match="left the long list"):
        cycle_services.decide(s, decision="short_list", user=corporate)
    # The history keeps the earlier decision, with who made each change.
    decisions = list(s.history.order_by("history_date").values_list("decision", "history_user__username"))
    assert ("short_list", "cora.corporate") in decisions


@pytest.fixture
def this_years_plan(corporate, lead):
    """A confirmed plan of three activities: one ending before next year's call, one that left monitoring."""
    cycle = make_cycle("SDP 2019-20")
    made = {}
    for title, end in (
        ("Continuing", dt.date(2099, 3, 31)),
        ("Ended", dt.date(2000, 1, 31)),
        ("Became BAU", dt.date(2099, 3, 31)),
    ):
        s = cycle_services.submit_activity(
            cycle,
            answers(title=title, end_date=end, start_date=None, capital_cost=5, lead_officer=lead, capacity="gap"),
            user=lead,
        )
        cycle_services.decide(s, decision="short_list", user=corporate)
        made[title] = s
    plan = cycle_services.confirm_short_list(cycle, user=corporate).plan
    round_ = Round.objects.create(plan=plan, label="2019-20 Q2")
    bau = Activity.objects.get(plan=plan, title="Became BAU")
    Return.objects.create(
        round=round_, activity=bau, state="submitted", project_status="bau", remain_in_monitoring=False
    )
    return plan


def test_next_years_cycle_starts_from_this_years_plan(corporate, this_years_plan):
    plan = this_years_plan
    new = make_cycle("SDP 2020-21", carry_forward_from=plan)
    carried = list(new.submissions.select_related("carried_from"))
    assert [s.title for s in carried] == ["Continuing"]  # not the ended one, nor the one that left monitoring
    s = carried[0]
    source = Activity.objects.get(plan=plan, title="Continuing")
    assert s.carried_from == source
    assert (s.lead_officer, s.outcome, s.end_date) == (source.lead_officer, source.outcome, source.end_date)
    assert s.capacity == "gap" and str(s.capital_cost) == "5.00"  # the old submission's answers come along
    assert s.decision == "" and s.review == "pending"  # to be prioritised again
    assert new.carried_from == plan
    # Carrying again adds nothing.
    assert cycle_services.carry_forward(new, plan, user=corporate) == 0
    assert new.submissions.count() == 1


def test_carried_activity_becomes_next_years_plan(corporate, this_years_plan):
    new = make_cycle("SDP 2020-21", carry_forward_from=this_years_plan)
    s = new.submissions.get()
    cycle_services.decide(s, decision="short_list", user=corporate)
    result = cycle_services.confirm_short_list(new, user=corporate)
    assert result.plan.name == "Plan SDP 2020-21" and result.plan != this_years_plan
    assert Activity.objects.get(plan=result.plan).title == "Continuing"
    assert Submission.objects.filter(activity__plan=this_years_plan).count() == 3
