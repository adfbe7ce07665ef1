"""The bundled sample: KCC's Strategic Delivery Plan 2019-20 with its Q1 and Q2 returns (spec §6)."""

from collections import Counter

import pytest
from django.core.management import call_command

from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db


def statuses(plan, label):
    counts = Counter(
        Return.objects.filter(round__plan=plan, round__label=label).values_list("delivery_status", flat=True)
    )
    return [counts[s] for s in ("on_track", "remedial_action", "unlikely", "not_started")]


def test_plan_has_the_79_activities_of_seed_000(sample_plan):
    assert sample_plan.activities.count() == 79
    first = sample_plan.activities.get(ref="1")
    assert first.title == "Delivering the Kent Commissioning Plan for Education Provision 2019-2023"
    assert first.outcome.title == "Children and young people in Kent get the best start in life"
    assert sample_plan.activities.get(ref="79").title == "Delivering the Social Isolation Select Committee action plan"
    assert Activity.objects.values("outcome").distinct().count() == 4


def test_delivery_status_counts(sample_plan):
    # Seed 000 §2.1: "64 activities are on track (67 activities in Q1) 10 require remedial action (up from 7 in
    # Q1) and 3 are unlikely to be achieved (down from 5 in Q1). 2 activities have not formally started."
    assert statuses(sample_plan, "2019-20 Q2") == [64, 10, 3, 2]
    assert statuses(sample_plan, "2019-20 Q1") == [67, 7, 5, 0]


def test_rounds_windows_and_states(sample_plan):
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    assert (q2.opens_at.date().isoformat(), q2.closes_at.date().isoformat()) == ("2019-08-30", "2019-09-13")
    assert q2.state == "published"
    assert q2.report_version == "Policy & Resources Cabinet Committee – 8 November 2019"


def test_not_on_track_activities_of_section_2_2(sample_plan):
    not_on_track = Return.objects.filter(round__label="2019-20 Q2", delivery_status__in=["remedial_action", "unlikely"])
    refs = sorted(int(r) for r in not_on_track.values_list("activity__ref", flat=True))
    assert refs == [4, 5, 6, 10, 11, 21, 30, 52, 56, 59, 63, 70, 74]
    assert sorted(int(r) for r in not_on_track.filter(mitigations=False).values_list("activity__ref", flat=True)) == [
        52,
        63,
        70,
    ]


def test_loading_again_changes_nothing(sample_plan):
    before = (Return.history.count(), Activity.history.count(), Round.history.count())
    call_command("load_sample", verbosity=0)
    assert (Return.history.count(), Activity.history.count(), Round.history.count()) == before
    assert Return.objects.count() == 158


def test_returns_were_submitted_in_their_round_s_window_not_on_loading_day(sample_plan):
    from councilplan.monitoring.models import Return, Round

    for round_ in Round.objects.filter(plan=sample_plan):
        returns = Return.objects.filter(round=round_, state=Return.State.SUBMITTED)
        assert returns.count() == 79
        assert not returns.exclude(submitted_at__range=(round_.opens_at, round_.closes_at)).exists()
        history = Return.history.filter(round_id=round_.pk)
        assert not history.exclude(history_date__range=(round_.opens_at, round_.closes_at)).exists()
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    days = {r.submitted_at.date() for r in Return.objects.filter(round=q2)}
    assert len(days) > 5  # spread across the window, as a round's returns come in
