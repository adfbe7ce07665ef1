"""The home page as a dashboard: the latest published round's headline figures in the report's words, delivery
status over the published rounds (chart and data table), the activities not on track with links to their
scorecards, and each role's extras; published rounds only; a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import Directorate, Outcome, User
from councilplan.monitoring import services
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity, Plan
from councilplan.site.dashboard import build_dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    roles = ["lead_officer", "viewer", "corporate", "administrator"]
    return {role: User.objects.create(username=role, role=role, name=role.replace("_", " ").title()) for role in roles}


def home(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/"


def test_sample_q2_headline_figures_in_the_reports_words(sample_plan, people):
    dashboard = build_dashboard(people["viewer"])

    assert dashboard.round.label == "2019-20 Q2"
    assert [p.text for p in dashboard.headlines] == [
        "100% (79) of activities submitted a response",
        "81% (64) of activities are on track for successful delivery",
        "13% (10) of activities require remedial action",
        "4% (3) of activities are unlikely to be achieved",
        "3% (2) of activities have not formally started",
    ]
    more = [p.text for p in dashboard.more_headlines]
    assert "61% (48) of activities were able to identify key milestones" in more  # seed 001 §3.2: 48 activities
    assert "77% (10) of activities with issues have mitigating actions or escalations in place" in more
    assert len(dashboard.not_on_track) == 13  # seed 001 §3.2: "Of the 13 activities which are not on track"


def test_viewer_sees_the_published_figures_chart_and_not_on_track_table(client, sample_plan, people):
    page = home(client, people["viewer"]).text

    assert "81% (64) of activities are on track for successful delivery" in page
    assert "<svg" in page and 'role="img"' in page
    assert "Data for the chart: Delivery status in each published round" in page
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    assert reverse("reports:round", args=[q2.pk]) in page
    assert reverse("reports:scorecards", args=[q2.pk]) in page
    row = build_dashboard(people["viewer"]).not_on_track[0]
    assert reverse("reports:scorecard", args=[q2.pk, row.ref]) in page
    assert "Delivery 2019-20 Q1" in page  # the not-on-track table compares with the previous round
    assert "More figures from the 2019-20 Q2 overview" in page
    assert "My returns" not in page.split('id="main-content"')[1]  # viewers fill in nothing
    assert "tracker" not in page


def test_the_trend_counts_returns_by_status_in_each_published_round(sample_plan, people):
    chart = build_dashboard(people["viewer"]).trend

    assert [s.name for s in chart.series] == ["2019-20 Q1", "2019-20 Q2"]
    assert [s.role for s in chart.series] == ["previous", "current"]
    q2 = dict(zip(chart.categories, chart.series[1].values, strict=True))
    assert q2 == {
        "Yes, it is on track": 64,
        "It requires remedial action": 10,
        "No, it is unlikely to be achieved": 3,
        "It has not formally started": 2,
    }
    assert sum(chart.series[0].values) == 79
    assert chart.table.rows[0][1:] == (chart.series[0].values[0], 64)


def test_unpublished_rounds_are_not_shown(client, sample_plan, people):
    team = people["corporate"]
    now = timezone.now()
    q3 = services.create_round(sample_plan, "2019-20 Q3", now, now + dt.timedelta(days=14), False, team)
    services.open_round(q3, team)
    Return.objects.create(round=q3, activity=sample_plan.activities.get(ref="1"), state="submitted")
    services.close_round(q3, team)

    for role in ("viewer", "corporate"):
        dashboard = build_dashboard(people[role])
        assert dashboard.round.label == "2019-20 Q2"
        assert [s.name for s in dashboard.trend.series] == ["2019-20 Q1", "2019-20 Q2"]
    services.withdraw_round(sample_plan.rounds.get(label="2019-20 Q1"), team, "Figures to be checked")
    assert [s.name for s in build_dashboard(people["viewer"]).trend.series] == ["2019-20 Q2"]

    services.publish_round(q3, team, confirmed_missing=True)
    dashboard = build_dashboard(people["viewer"])
    assert dashboard.round.label == "2019-20 Q3"
    assert dashboard.headlines[0].text == "1% (1) of activities submitted a response"  # 1 of 74 in scope


def test_nothing_published_yet(client, small_plan, people):
    page = home(client, people["viewer"]).text
    assert "No monitoring round has been published yet." in page


def test_corporate_team_sees_the_open_rounds_response_rate(client, sample_plan, people):
    team = people["corporate"]
    now = timezone.now()
    q3 = services.create_round(sample_plan, "2019-20 Q3", now, now + dt.timedelta(days=14), False, team)
    services.open_round(q3, team)
    for ref in ("1", "2", "3", "4", "5", "6", "7", "8"):
        Return.objects.create(round=q3, activity=sample_plan.activities.get(ref=ref), state="submitted")

    page = home(client, people["administrator"]).text

    assert "2019-20 Q3 is open" in page
    assert "<strong>11%</strong> (8 of 74) of the activities in KCC Strategic Delivery Plan 2019-20" in page
    assert reverse("rounds:tracker", args=[q3.pk]) in page
    assert "81% (64) of activities are on track" in page  # and the published figures


def test_lead_officers_see_the_way_to_their_returns(client, sample_plan, people):
    team = people["corporate"]
    now = timezone.now()
    q3 = services.create_round(sample_plan, "2019-20 Q3", now, now + dt.timedelta(days=14), False, team)
    services.open_round(q3, team)

    page = home(client, people["lead_officer"]).text

    assert f'href="{reverse("monitoring:my_returns")}">My returns</a>' in page
    assert "2019-20 Q3 is open for returns until" in page
    assert "tracker" not in page
    assert "81% (64) of activities are on track" in page


def build_plan(n: int) -> None:
    """A plan of n activities with two published rounds; a third of Q2's returns not on track."""
    plan = Plan.objects.create(name=f"Plan of {n}")
    outcome, _ = Outcome.objects.get_or_create(title="An outcome")
    directorate, _ = Directorate.objects.get_or_create(name="A directorate")
    lead = User.objects.create(username=f"lead{n}", email=f"lead{n}@example.gov.uk")
    q1 = Round.objects.create(plan=plan, label="2019-20 Q1", state=Round.State.PUBLISHED)
    q2 = Round.objects.create(plan=plan, label="2019-20 Q2", state=Round.State.PUBLISHED)
    for i in range(n):
        activity = Activity.objects.create(
            plan=plan,
            ref=str(i + 1),
            title=f"Activity {i + 1}",
            outcome=outcome,
            activity_type="strategy_policy",
            end_date=dt.date(2021, 3, 31),
            directorate=directorate,
            lead_officer=lead,
        )
        Return.objects.create(round=q1, activity=activity, state="submitted", delivery_status="on_track")
        status = "remedial_action" if i % 3 == 0 else "on_track"
        Return.objects.create(
            round=q2, activity=activity, state="submitted", delivery_status=status, issues=["capacity"]
        )
    Round.objects.create(plan=plan, label="2019-20 Q3", state=Round.State.OPEN)


def test_a_fixed_number_of_queries_whatever_the_number_of_activities(client, people):
    counts = []
    for n in (5, 50):
        Plan.objects.all().delete()
        build_plan(n)
        client.force_login(people["corporate"])
        client.get("/")  # once first: what a process reads once and keeps (the calendar, the teams) is not growth
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert response.status_code == 200
        assert len(response.context["dashboard"].not_on_track) == len(range(0, n, 3))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_published_part_is_kept_until_the_rounds_data_changes(client, sample_plan, people):
    client.force_login(people["viewer"])
    with CaptureQueriesContext(connection) as first:
        assert "81% (64) of activities are on track" in client.get("/").text
    with CaptureQueriesContext(connection) as again:
        assert "81% (64) of activities are on track" in client.get("/").text
    assert len(again) < len(first) - 5  # the report's inputs are not read again
    # A change through the services (a return corrected in the history) is a new version: new figures at once.
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    ret = Return.objects.filter(round=q2, delivery_status="on_track").order_by("activity__sort_key").first()
    ret.delivery_status = "unlikely"
    ret.save()
    page = client.get("/").text
    assert "80% (63) of activities are on track" in page  # 63 of 79 = 79.7%, to the nearest whole per cent
    # A reader cleared for exempt information has a copy of their own (the same figures here: none is exempt).
    client.force_login(people["corporate"])
    assert "80% (63) of activities are on track" in client.get("/").text


def test_a_lead_officer_s_home_says_how_many_returns_are_outstanding_and_that_a_call_is_open(client, sample_plan):
    from councilplan.planning.models import PlanningCycle

    lead = User.objects.create(username="lee", name="Lee Lead", role=User.Role.LEAD_OFFICER)
    mine = list(sample_plan.activities.order_by("sort_key")[:3])
    for activity in mine:
        activity.colleagues.add(lead)
    now = timezone.now()
    Round.objects.create(
        plan=sample_plan, label="2019-20 Q3", state=Round.State.OPEN, opens_at=now, closes_at=now + dt.timedelta(days=9)
    )
    Return.objects.create(
        round=Round.objects.get(label="2019-20 Q3"), activity=mine[0], state="submitted", delivery_status="on_track"
    )
    PlanningCycle.objects.create(
        name="SDP 2020-21",
        plan_name="Strategic Delivery Plan 2020-21",
        opens_at=now,
        closes_at=now + dt.timedelta(days=5),
    )
    client.force_login(lead)
    text = client.get("/").text
    assert "2 returns to submit for 2019-20 Q3" in text  # 3 activities, 1 submitted
    assert "The call for activity for Strategic Delivery Plan 2020-21 is open" in text
