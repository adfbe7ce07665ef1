"""My returns: the signed-in person's activities in each open round, where each return is, the window's close,
and a page whose database queries do not grow with the number of activities."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from test_return_permissions import Scene, build_scene, draft_for

from councilplan.core.models import Outcome, User
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.selectors import my_returns
from councilplan.plan.models import Activity, Plan

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def scene(small_plan) -> Scene:
    return build_scene(small_plan)


def rows(response) -> list[tuple[str, str, bool]]:
    return [(r.activity.ref, r.state, r.late) for group in response.context["rounds"] for r in group.returns]


def test_each_activity_shows_where_its_return_is_and_a_link_to_it(client, scene):
    a10 = scene.plan.activities.get(ref="10")
    for activity in (scene.a2, a10):
        activity.colleagues.add(scene.ann)
    draft_for(scene, scene.a2, state=Return.State.SUBMITTED)
    draft_for(scene, a10, state=Return.State.SUBMITTED, late=True)
    scene.q3.closes_at = dt.datetime(2030, 9, 13, 17, 0, tzinfo=LONDON)
    scene.q3.save()
    client.force_login(scene.ann)

    response = client.get(reverse("monitoring:my_returns"))

    assert rows(response) == [("1", "not_started", False), ("2", "submitted", False), ("10", "submitted", True)]
    page = response.text
    assert "Not started" in page and "Submitted late" in page
    assert "5pm on Friday 13 September 2030" in page
    assert "3 activities, 1 still to submit" in page
    assert f'href="{scene.form_url()}">Fill in' in page
    assert f'href="{scene.form_url(scene.a2)}">Change' in page  # until the window closes


def test_a_draft_is_continued(client, scene):
    draft_for(scene)
    client.force_login(scene.carol)

    response = client.get(reverse("monitoring:my_returns"))

    assert rows(response) == [("1", "draft", False)]
    assert f'href="{scene.form_url()}">Continue' in response.text


def test_rounds_that_are_not_open_are_not_listed(client, scene):
    scene.q3.state = Round.State.DRAFT
    scene.q3.save()
    client.force_login(scene.ann)

    assert rows(client.get(reverse("monitoring:my_returns"))) == []


def test_after_the_close_returns_can_be_viewed_not_changed(client, scene):
    ret = draft_for(scene, state=Return.State.SUBMITTED)
    scene.q3.closes_at = timezone.now() - dt.timedelta(hours=1)
    scene.q3.save()
    client.force_login(scene.ann)

    page = client.get(reverse("monitoring:my_returns")).text

    assert "The window closed at" in page
    assert f'href="{reverse("monitoring:return_detail", args=[ret.pk])}">View' in page
    assert ">Change<" not in page


def test_a_reopened_return_of_a_closed_round_is_listed(client, scene):
    draft_for(scene, reopened=True)
    scene.q3.state = Round.State.CLOSED
    scene.q3.save()
    client.force_login(scene.ann)

    response = client.get(reverse("monitoring:my_returns"))

    assert rows(response) == [("1", "draft", False)]
    assert "The corporate policy team reopened the returns below" in response.text


def test_activities_that_left_monitoring_are_not_asked_for(scene):
    q2 = Return.objects.get(round=scene.q2, activity=scene.a1)
    q2.project_status = "completed"
    q2.save()
    assert my_returns(scene.ann) == []

    q2.remain_in_monitoring = True  # CMT agreed it stays in monitoring
    q2.save()
    assert [r.activity for group in my_returns(scene.ann) for r in group.returns] == [scene.a1]


def _plan_with(count: int, officer: User, label: str) -> Plan:
    plan = Plan.objects.create(name=f"Plan of {count}")
    outcome, _ = Outcome.objects.get_or_create(title="An outcome")
    activities = [
        Activity(
            plan=plan,
            ref=str(n),
            sort_key=n,
            title=f"Activity {n}",
            outcome=outcome,
            activity_type="service_change",
            end_date=dt.date(2021, 3, 31),
            lead_officer=officer,
        )
        for n in range(1, count + 1)
    ]
    Activity.objects.bulk_create(activities)
    round_ = Round.objects.create(
        plan=plan, label=label, state=Round.State.OPEN, closes_at=timezone.now() + dt.timedelta(days=3)
    )
    for n, activity in enumerate(plan.activities.all()):
        if n % 3 == 0:
            Return.objects.create(round=round_, activity=activity, state=Return.State.SUBMITTED)
        elif n % 3 == 1:
            Return.objects.create(round=round_, activity=activity)
        if n % 2 == 0:
            activity.colleagues.add(User.objects.create(username=f"colleague-{count}-{n}"))
    return plan


def _queries_for(client, user) -> tuple[int, int]:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("monitoring:my_returns"))
    assert response.status_code == 200
    return len(queries), sum(len(group.returns) for group in response.context["rounds"])


def test_queries_do_not_grow_with_the_number_of_activities(client, db):
    few = User.objects.create(username="few")
    many = User.objects.create(username="many")
    _plan_with(5, few, "2020-21 Q1")
    _plan_with(50, many, "2020-21 Q2")

    queries_for_5, listed_5 = _queries_for(client, few)
    queries_for_50, listed_50 = _queries_for(client, many)

    assert (listed_5, listed_50) == (5, 50)
    assert queries_for_50 == queries_for_5


def test_the_selector_issues_a_fixed_number_of_queries(db, django_assert_num_queries):
    officer = User.objects.create(username="officer")
    _plan_with(30, officer, "2020-21 Q1")

    with django_assert_num_queries(5):
        result = my_returns(officer)

    assert len(result[0].returns) == 30
