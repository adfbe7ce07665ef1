"""The completion tracker: every activity in the round's scope with its return's state, counts by directorate,
the response rate, filters, and a fixed number of queries whatever the number of activities."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import Directorate, Outcome, User
from councilplan.monitoring import services
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.selectors import round_tracker
from councilplan.plan.models import Activity, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(db):
    return User.objects.create(username="team", role=User.Role.CORPORATE, name="Policy Team")


def make_return(round_, activity, state="submitted", **fields):
    return Return.objects.create(round=round_, activity=activity, state=state, **fields)


# --- hand-worked on the small plan ----------------------------------------------------------------------


@pytest.fixture
def q1(small_plan):
    """Activity 1 (Children) submitted, 2 (Growth) a draft, 10 (no directorate, no lead officer) not started."""
    round_ = Round.objects.create(plan=small_plan, label="2019-20 Q1", state=Round.State.OPEN)
    make_return(round_, small_plan.activities.get(ref="1"), submitted_at=timezone.now())
    make_return(round_, small_plan.activities.get(ref="2"), state="draft")
    return round_


def test_small_plan_states_and_counts(q1):
    tracker = round_tracker(q1)

    assert [(r.ref, r.state, r.directorate) for r in tracker.rows] == [
        ("1", "submitted", "Children"),
        ("2", "draft", "Growth"),
        ("10", "not_started", "No directorate recorded"),
    ]
    assert [(c.name, c.not_started, c.draft, c.submitted, c.late) for c in tracker.by_directorate] == [
        ("Children", 0, 0, 1, 0),
        ("Growth", 0, 1, 0, 0),
        ("No directorate recorded", 1, 0, 0, 0),
    ]
    total = tracker.total
    assert (total.in_scope, total.responded) == (3, 1)
    assert (total.response_rate.count, total.response_rate.of, total.response_rate.percent) == (1, 3, 33)
    assert tracker.rows[0].lead_officer.email == "ann.officer@example.gov.uk"
    assert tracker.rows[2].lead_officer is None


def test_late_returns_count_as_responses_and_are_shown_late(q1, small_plan):
    Return.objects.filter(round=q1, activity__ref="2").update(state="submitted", late=True)

    tracker = round_tracker(q1)

    assert tracker.rows[1].state == "late"
    assert (tracker.total.submitted, tracker.total.late, tracker.total.response_rate.percent) == (1, 1, 67)


def test_activities_that_left_monitoring_are_not_tracked(q1, small_plan):
    # Activity 1 completed in Q1 and nobody decided it stays: it leaves monitoring from Q2 (spec §5 scope).
    Return.objects.filter(round=q1, activity__ref="1").update(project_status="completed")
    q2 = Round.objects.create(plan=small_plan, label="2019-20 Q2", state=Round.State.OPEN)

    assert [r.ref for r in round_tracker(q2).rows] == ["2", "10"]
    # A draft in Q1 does not count: only submitted returns take an activity out.
    Return.objects.filter(round=q1, activity__ref="2").update(project_status="bau")
    assert [r.ref for r in round_tracker(q2).rows] == ["2", "10"]


def test_filters(client, team, q1, small_plan):
    client.force_login(team)
    url = reverse("rounds:tracker", args=[q1.pk])
    ann = small_plan.activities.get(ref="1").lead_officer

    def refs(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return [row.ref for row in response.context["rows"]]

    assert refs() == ["1", "2", "10"]
    assert refs(directorate="Growth") == ["2"]
    assert refs(lead_officer=ann.pk) == ["1"]
    assert refs(state="not_started") == ["10"]
    assert refs(state="submitted", directorate="Growth") == []
    assert refs(directorate="Nowhere") == ["1", "2", "10"]  # not a choice: ignored, not an empty table
    page = client.get(url, {"state": "draft"}).text
    assert "Showing 1 to 1 of 1 activities the search and filters." in page
    assert "Clear search and filters" in page


def test_the_page_shows_the_counts_and_the_response_rate(client, team, q1):
    client.force_login(team)

    page = client.get(reverse("rounds:tracker", args=[q1.pk])).text

    assert "33% response rate</strong>: 1 of 3 activities in monitoring has submitted a return." in page
    assert page.count('class="govuk-tag govuk-tag--green">Submitted<') == 1
    assert page.count('class="govuk-tag govuk-tag--light-blue">Draft<') == 1
    assert page.count('class="govuk-tag govuk-tag--grey">Not started<') == 1
    assert "Send reminders" in page  # open, with returns outstanding
    draft = Return.objects.get(round=q1, activity__ref="2")
    assert reverse("monitoring:return_detail", args=[draft.pk]) in page  # the team reads a return and its history


def test_a_closed_rounds_tracker_offers_to_reopen_returns(client, team, q1):
    services.close_round(q1, team)
    client.force_login(team)

    page = client.get(reverse("rounds:tracker", args=[q1.pk])).text

    assert "Send reminders" not in page
    activity = q1.plan.activities.get(ref="2")
    assert reverse("rounds:reopen", args=[q1.pk, activity.pk]) in page
    client.post(reverse("rounds:reopen", args=[q1.pk, activity.pk]))
    assert "Reopened</strong>" in client.get(reverse("rounds:tracker", args=[q1.pk])).text


def test_titles_and_names_are_escaped(client, team, q1, small_plan):
    Activity.objects.filter(plan=small_plan, ref="10").update(title="<script>alert(1)</script> & more")
    client.force_login(team)

    page = client.get(reverse("rounds:tracker", args=[q1.pk])).text

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


# --- the sample plan ------------------------------------------------------------------------------------


def test_sample_q2_every_activity_submitted(sample_plan):
    tracker = round_tracker(sample_plan.rounds.get(label="2019-20 Q2"))

    assert (tracker.total.in_scope, tracker.total.responded, tracker.total.response_rate.percent) == (79, 79, 100)
    assert tracker.total.not_started == tracker.total.draft == tracker.total.late == 0
    assert sum(c.in_scope for c in tracker.by_directorate) == 79


def test_sample_q3_tracks_the_74_activities_still_in_monitoring(sample_plan, team):
    now = timezone.now()
    q3 = services.create_round(sample_plan, "2019-20 Q3", now, now + dt.timedelta(days=14), False, team)
    services.open_round(q3, team)
    activities = {a.ref: a for a in sample_plan.activities.all()}
    for ref in ("1", "2", "3"):
        make_return(q3, activities[ref], submitted_at=now)
    for ref in ("4", "5"):
        make_return(q3, activities[ref], state="draft")
    make_return(q3, activities["6"], submitted_at=now, late=True)

    tracker = round_tracker(q3)

    refs = [r.ref for r in tracker.rows]
    assert len(refs) == 74
    assert not {"16", "17", "23", "25", "36"} & set(refs)
    total = tracker.total
    assert (total.submitted, total.late, total.draft, total.not_started) == (3, 1, 2, 68)
    assert (total.response_rate.count, total.response_rate.of, total.response_rate.percent) == (4, 74, 5)
    children = next(c for c in tracker.by_directorate if c.name == activities["1"].directorate.name)
    assert children.submitted + children.late >= 4  # activities 1 to 6 are all Children, Young People and Education
    assert sum(c.in_scope for c in tracker.by_directorate) == 74


def test_tracker_response_rate_agrees_with_the_analysis(sample_plan):
    from councilplan.analysis.monitoring import analyse_round
    from councilplan.monitoring.selectors import plan_data

    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    figure = analyse_round(plan_data(sample_plan, up_to=q2), q2.label).figures["responses"]

    assert round_tracker(q2).total.response_rate == figure


# --- a fixed number of queries --------------------------------------------------------------------------


def build_plan(n: int) -> Round:
    """A plan of n activities over three directorates, each with a lead officer and a colleague; a third of
    the returns submitted, a third drafts, and one earlier round in which one activity left monitoring."""
    plan = Plan.objects.create(name=f"Plan of {n}")
    outcome, _ = Outcome.objects.get_or_create(title="An outcome")
    directorates = [Directorate.objects.get_or_create(name=f"Directorate {i}")[0] for i in range(3)]
    people = User.objects.bulk_create(
        User(username=f"p{n}-{i}", name=f"Person {i}", email=f"p{n}-{i}@example.gov.uk") for i in range(n + 1)
    )
    activities = []
    for i in range(n):
        activity = Activity.objects.create(
            plan=plan,
            ref=str(i + 1),
            title=f"Activity {i + 1}",
            outcome=outcome,
            activity_type="strategy_policy",
            end_date=dt.date(2021, 3, 31),
            directorate=directorates[i % 3],
            lead_officer=people[i],
        )
        activity.colleagues.add(people[i + 1])
        activities.append(activity)
    q1 = Round.objects.create(plan=plan, label="2019-20 Q1", state=Round.State.PUBLISHED)
    for i, activity in enumerate(activities):
        make_return(q1, activity, project_status="bau" if i == 0 else "active", delivery_status="on_track")
    q2 = Round.objects.create(plan=plan, label="2019-20 Q2", state=Round.State.OPEN)
    for i, activity in enumerate(activities):
        if i % 3 == 1:
            make_return(q2, activity, delivery_status="on_track")
        elif i % 3 == 2:
            make_return(q2, activity, state="draft")
    return q2


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_tracker_and_reminder_pages_issue_a_fixed_number_of_queries(client, team):
    small, large = build_plan(5), build_plan(50)
    client.force_login(team)

    for name in ("rounds:tracker", "rounds:remind"):
        few = queries_for(client, reverse(name, args=[small.pk]))
        many = queries_for(client, reverse(name, args=[large.pk]))
        assert few == many, name
    assert len(round_tracker(large).rows) == 49
