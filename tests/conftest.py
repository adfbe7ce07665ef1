from pathlib import Path

import pytest
from django.core.management import call_command
from helpers import ACTIVITY_HEADER, SAMPLE_PLAN, write_csv


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: what a page kept per data version in one test (whose rows are then
    rolled back, and whose ids the next test may reuse) must not be served to another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def small_plan_file(tmp_path) -> Path:
    """Three activities in two outcomes."""
    return write_csv(
        tmp_path / "plan.csv",
        ACTIVITY_HEADER,
        [
            [
                "1",
                "Schools commissioning plan",
                "Best start in life",
                "people_commissioning",
                "2020-03-31",
                "ann.officer@example.gov.uk",
                "Children",
            ],
            [
                "2",
                "Highways maintenance contract",
                "Economic growth",
                "Infrastructure commissioning (including assets and technology)",
                "31/08/2019",
                "Bob Officer",
                "Growth",
            ],
            ["10", "Library strategy", "Economic growth", "strategy_policy", "2021-03-31", "", ""],
        ],
    )


@pytest.fixture
def small_plan(db, small_plan_file):
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    import_plan(small_plan_file, "Test plan")
    return Plan.objects.get(name="Test plan")


# The systems whose samples most tests read with the plan. The other systems' samples (contracts, budget,
# policies, feedback, governance, assurance) take as long again and are loaded by `whole_sample` where needed.
PLAN_SYSTEMS = ("risks", "performance", "planning")


@pytest.fixture
def sample_plan(db):
    """The sample plan with its Q1 and Q2 returns, its risks, KPIs and planning cycle."""
    from councilplan.plan.models import Plan
    from councilplan.sample.loader import load_sample

    load_sample(only=PLAN_SYSTEMS)
    return Plan.objects.get(name=SAMPLE_PLAN)


@pytest.fixture
def whole_sample(db):
    """Everything `load-sample` loads, every system's sample."""
    call_command("load_sample", verbosity=0)
    from councilplan.plan.models import Plan

    return Plan.objects.get(name=SAMPLE_PLAN)
