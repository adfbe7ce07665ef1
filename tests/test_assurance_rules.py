"""The services' rules: lifecycle, tiers, money, merges, version checks, issued reports."""

import pytest
from assurance_support import D, make_world
from django.core.exceptions import ValidationError

from councilplan.assurance import services
from councilplan.assurance.models import Portfolio, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def test_lifecycle_rules(world):
    potential = world["elsewhere"]
    with pytest.raises(ValidationError):
        services.close_project(potential, state="merged", on=D(2017, 8, 1), user=None)
    services.start_project(potential, on=D(2017, 4, 1), user=None)
    with pytest.raises(ValidationError):
        services.start_project(potential, on=D(2017, 5, 1), user=None)  # current already
    with pytest.raises(ValidationError):
        services.close_project(potential, state="stopped", on=D(2017, 3, 1), user=None)  # before it started
    services.close_project(potential, state="stopped", on=D(2017, 7, 1), note="No longer meets needs", user=None)
    with pytest.raises(ValidationError):
        services.close_project(potential, state="completed", on=D(2017, 8, 1), user=None)
    assert Project.objects.get(pk=potential.pk).state == "stopped"


def test_a_save_on_an_old_version_is_refused(world):
    project = world["project"]
    stale = Project.objects.get(pk=project.pk)
    services.update_project(project, milestones="Design – Nov 17", user=None, version=project.version)
    with pytest.raises(services.StaleEdit):
        services.update_project(stale, milestones="Overwritten", user=None, version=stale.version)
    assert Project.objects.get(pk=project.pk).milestones == "Design – Nov 17"


def test_tiers_money_and_approvals_are_checked(world):
    project = world["project"]
    with pytest.raises(ValidationError):
        services.decide_tier(project, decided_on=D(2017, 7, 1), tier="1", ratings={"colour": "high"}, user=None)
    with pytest.raises(ValidationError):
        services.decide_tier(project, decided_on=D(2017, 7, 1), tier="tbc", ratings={"stakeholders": "low"}, user=None)
    with pytest.raises(ValidationError):
        services.change_money(project, measure="cost", change=100, changed_on=D(2017, 7, 1), reason=" ", user=None)
    services.change_money(
        project, measure="cost", change=-50_000_00, changed_on=D(2017, 7, 1), reason="Scope", user=None
    )
    assert Project.objects.get(pk=project.pk).cost == 600_000_000 - 50_000_00
    with pytest.raises(ValidationError):
        services.add_stage_approval(project, stage="do", decision_reference="2017/123", user=None)
    services.add_stage_approval(project, stage="do", decision_reference="17/00123", user=None)


def test_an_earlier_tier_decided_later_does_not_replace_the_latest(world):
    project = world["project"]  # Tier 1 from 5 June 2017
    services.decide_tier(project, decided_on=D(2016, 1, 1), tier="3", method="cost_benefit", user=None)
    assert Project.objects.get(pk=project.pk).tier == "1"


def test_merges_keep_the_old_records(world):
    a = world["project"]
    b = services.create_project(
        reference="B", name="B", portfolio=world["portfolio"], state="current", approved_on=D(2017, 1, 1)
    )
    merged = services.merge_projects([a, b], on=D(2017, 8, 1), user=None, reference="AB", name="A and B")
    assert {p.reference for p in merged.predecessors.all()} == {"JW", "B"}
    assert set(Project.objects.filter(reference__in=["JW", "B"]).values_list("state", flat=True)) == {"replaced"}
    target = Portfolio.objects.get(code="adults")
    moved = services.merge_portfolio(world["portfolio"], target, on=D(2017, 8, 31), user=None)
    assert moved == 1  # AB (current); the replaced ones stay where they closed
    old = Portfolio.objects.get(code="get")
    assert (old.active, old.merged_into) == (False, target)
    assert Project.objects.get(reference="JW").portfolio == old
    with pytest.raises(ValidationError):
        services.merge_portfolio(target, old, on=D(2017, 9, 1), user=None)  # into a retired one


def test_a_review_is_held_on_a_day_that_has_come_and_an_issued_report_is_kept(world):
    review = services.plan_activity(world["project"], kind="checkpoint", user=None)
    with pytest.raises(ValidationError):
        services.hold_activity(review, held_on=D(2017, 9, 2), today=D(2017, 9, 1), user=None)
    report = world["report"]
    services.issue_report(report, on=D(2017, 9, 1), figures={"tier_1": 1}, user=None)
    with pytest.raises(ValidationError):
        services.save_narrative(report, achievements="Later", user=None)
    with pytest.raises(ValidationError):
        services.issue_report(report, on=D(2017, 9, 2), figures={}, user=None)
