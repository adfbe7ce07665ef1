"""The sample long list gives seed 002's figures. Every expected number below is typed from the seed
(shared/seeds/002_8473d1989e20d9e7.txt, the paragraph in each comment), not from the code."""

import pytest

from councilplan.analysis import planning as analysis
from councilplan.plan.models import Activity
from councilplan.planning import selectors
from councilplan.planning.models import PlanningCycle, Submission
from councilplan.planning.sample import CYCLE, PLAN, load_sample


@pytest.fixture
def sample(db):
    load_sample()
    return selectors.cycle_data(selectors.find_cycle(CYCLE))


@pytest.fixture
def figures(sample):
    return analysis.headline_figures(sample.records, sample.outcomes)


def test_183_submissions_171_on_the_long_list_79_short_listed(sample):
    # §2.3 "183 different activities"; §2.5 "an updated list of 171 activities"; §2.8 "79 activities for the short list"
    assert analysis.stage_counts(sample.records) == {"submissions": 183, "long_list": 171, "short_list": 79}


@pytest.mark.parametrize(
    ("key", "percent"),
    [
        ("in_delivery", 89),  # §2.8 "The majority of these activities (89%) are already in delivery"
        ("support_strategic_commissioning", 73),  # §4.6 "73% of short list activity ... Strategic Commissioning"
        ("support_finance", 63),  # §4.8 "Finance (63%)"
        ("support_any", 71),  # §4.8 "71% of activity requires support"
        ("capacity_unsure", 32),  # §4.7 "32% of responses said they were still unsure about the capacity"
        ("revenue_costs_identified", 54),  # §4.10 "only 54% of activity responses identified revenue investment costs"
        ("eqia_done_or_in_progress", 29),  # §4.11 "Only 29% of activity has completed an ... EQIA ... or in progress"
        ("dpia_done_or_in_progress", 21),  # §4.11 "21% have a ... DPIA completed or in progress"
        ("part_of_programme", 53),  # §5.2 "Only 53% of the activity in the short list ... programme or project"
        ("outcome_2", 38),  # §4.9 "38% of activity is within Outcome 2"
    ],
)
def test_each_figure_is_the_seeds(figures, key, percent):
    assert figures[key].percent == percent


def test_cross_cutting_enabling_activity_is_21_percent(sample):
    # §4.9 "cross-cutting enabling activity (21% of activity)", on the same base as outcome 2's 38%
    base = analysis.HEADLINE_BASES["outcome"][0]
    members = analysis.base_members(sample.records, base)
    assert analysis.figures_for(members, sample.outcomes, sample.cross_cutting)["cross_cutting"].percent == 21


def test_the_bases_are_the_ones_the_readme_states(figures):
    short, everything = 79, 183
    for key in ("in_delivery", "support_strategic_commissioning", "support_finance", "part_of_programme"):
        assert figures[key].of == short, key
    for key in ("support_any", "capacity_unsure", "revenue_costs_identified", "eqia_done_or_in_progress"):
        assert figures[key].of == everything, key
    assert figures["dpia_done_or_in_progress"].of == everything
    assert figures["outcome_2"].of == everything


def test_the_short_list_is_the_sample_plans_79_activities(sample):
    short = Submission.objects.filter(cycle__name=CYCLE, decision="short_list").select_related("activity", "outcome")
    activities = Activity.objects.filter(plan__name=PLAN)
    assert short.count() == activities.count() == 79
    for submission in short:
        assert submission.activity.plan.name == PLAN
        assert (submission.title, submission.outcome_id, submission.activity_type) == (
            submission.activity.title,
            submission.activity.outcome_id,
            submission.activity.activity_type,
        )


def test_loading_again_changes_nothing(sample):
    before = Submission.objects.count(), Activity.objects.count(), PlanningCycle.objects.count()
    message = load_sample()
    assert "already loaded" in message
    assert (Submission.objects.count(), Activity.objects.count(), PlanningCycle.objects.count()) == before


def test_gaps_are_flagged_per_activity(sample):
    flagged = [row for row in sample.submissions if row.gaps]
    assert flagged
    for row in flagged:
        record = row.record
        if "no_financial_information" in row.gaps:
            assert None is record.capital_cost is record.revenue_cost is record.savings is record.income
        if "no_eqia" in row.gaps:
            assert record.eqia == "not_started"


def test_load_sample_loads_the_planning_cycle_with_the_other_samples(sample_plan):
    cycle = PlanningCycle.objects.get(name=CYCLE)
    assert cycle.plan == sample_plan
    data = selectors.cycle_data(cycle)
    figures = analysis.headline_figures(data.records, data.outcomes)
    assert (figures["outcome_2"].percent, figures["in_delivery"].percent) == (38, 89)
    assert data.outcome_number(data.cross_cutting) == 4
