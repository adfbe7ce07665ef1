"""The planning pages as the corporate team and lead officers use them: submit through the form, review,
score, decide, confirm; filters; downloads."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from helpers import datetime_parts
from planning_support import answers, form_data, make_cycle, person

from councilplan.core.models import User
from councilplan.plan.models import Activity
from councilplan.planning import services as cycle_services
from councilplan.planning.models import Submission


@pytest.fixture
def corporate(db):
    return person("cora.corporate", role=User.Role.CORPORATE)


@pytest.fixture
def officer(db):
    return person("olly.officer")


@pytest.fixture
def cycle(db):
    return make_cycle()


def test_a_lead_officer_submits_an_activity_through_the_form(client, officer, cycle):
    client.force_login(officer)
    page = client.get(reverse("planning:submit", args=[cycle.pk]))
    assert b"It takes a few minutes" in page.content
    response = client.post(reverse("planning:submit", args=[cycle.pk]), form_data())
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:submission", args=[submission.pk])
    assert submission.number == 1
    assert submission.submitted_by == officer
    assert submission.lead_officer.name == "Ann Officer"
    assert str(submission.revenue_cost) == "1500000.00"  # "£1.5m"
    assert str(submission.savings) == "250000.00"
    assert submission.capital_cost is None  # blank: not known
    assert submission.support_needed == ["finance", "legal"]
    assert submission.in_delivery is True and submission.part_of_programme is False


def test_the_form_says_what_to_fix(client, officer, cycle):
    client.force_login(officer)
    data = form_data(title="", end_date="31/02/2021", revenue_cost="lots", capacity="")
    response = client.post(reverse("planning:submit", args=[cycle.pk]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert "Enter the title of the activity" in text
    assert "The end date must be a real date" in text
    assert "Revenue investment cost must be an amount in pounds" in text
    assert "Select whether the capacity is in place" in text
    assert not Submission.objects.exists()


def test_an_impossible_end_date_is_named_and_what_was_typed_is_kept(client, officer, cycle):
    client.force_login(officer)
    response = client.post(reverse("planning:submit", args=[cycle.pk]), form_data(end_date="31/2/2020"))
    text = response.content.decode()
    assert response.status_code == 200 and not Submission.objects.exists()
    assert "There is a problem" in text
    assert '<a href="#id_end_date-day">The end date must be a real date</a>' in text  # linked to the day box
    for part, typed in (("day", "31"), ("month", "2"), ("year", "2020")):
        assert f'id="id_end_date-{part}" name="end_date-{part}" type="text" inputmode="numeric" value="{typed}"' in text
    assert 'name="start_date-day" type="text" inputmode="numeric" value="01"' in text  # the other date too
    assert "31/02/2020" not in text and 'name="end_date"' not in text  # no typed date field any more


def test_the_call_for_activity_is_entered_as_day_month_year_and_time(client, corporate, cycle):
    client.force_login(corporate)
    url = reverse("planning:cycle_create")
    data = {"name": "SDP 2021-22", "plan_name": "Plan 2021-22", **datetime_parts("opens_at", "31/2/2020", "9am")}
    text = client.post(url, {**data, **datetime_parts("closes_at", "12/11/2030", "25:00")}).content.decode()
    assert "There is a problem" in text
    assert '<a href="#id_opens_at_0">The date the call for activity opens must be a real date</a>' in text
    assert '<a href="#id_closes_at_3">The date the call for activity closes must include a real time' in text
    assert 'name="opens_at_0" type="text" inputmode="numeric" value="31"' in text  # kept as typed
    assert 'name="closes_at_3" type="text" value="25:00"' in text
    response = client.post(
        url,
        {**data, **datetime_parts("opens_at", "14/10/2030", "9am"), **datetime_parts("closes_at", "25/11/2030", "5pm")},
    )
    assert response.status_code == 302
    new = cycle.__class__.objects.get(name="SDP 2021-22")
    local = timezone.localtime
    assert (local(new.opens_at).isoformat(), local(new.closes_at).isoformat()) == (
        "2030-10-14T09:00:00+01:00",
        "2030-11-25T17:00:00+00:00",
    )
    edit = client.get(reverse("planning:cycle_edit", args=[new.pk])).content.decode()
    assert 'name="closes_at_3" type="text" value="17:00"' in edit  # the saved time, in the local zone


def test_an_end_date_before_the_start_is_refused(client, officer, cycle):
    client.force_login(officer)
    response = client.post(reverse("planning:submit", args=[cycle.pk]), form_data(end_date="01/01/2020"))
    assert "The end date must be on or after the start date" in response.content.decode()


def test_the_author_changes_the_answers_and_the_history_shows_it(client, officer, cycle):
    submission = cycle_services.submit_activity(cycle, answers(), user=officer)
    client.force_login(officer)
    edit = client.get(reverse("planning:submission_edit", args=[submission.pk]))
    assert b"Library strategy" in edit.content
    client.post(reverse("planning:submission_edit", args=[submission.pk]), form_data(title="Library strategy 2020"))
    submission.refresh_from_db()
    assert submission.title == "Library strategy 2020"
    history = client.get(reverse("planning:history", args=[submission.pk])).content.decode()
    assert "Library strategy 2020" in history
    assert "Olly Officer" in history


def test_the_corporate_team_reviews_scores_and_decides(client, corporate, cycle):
    submission = cycle_services.submit_activity(cycle, answers(), user=None)
    criteria = list(cycle.criteria.filter(kind="score"))
    client.force_login(corporate)
    client.post(reverse("planning:review", args=[submission.pk]), {"review": "kept", "review_note": ""})
    scores = {f"c{c.pk}": str(v) for c, v in zip(criteria, [5, 4, 3, 2], strict=True)}
    client.post(reverse("planning:score", args=[submission.pk]), scores)
    client.post(reverse("planning:decide", args=[submission.pk]), {"decision": "short_list", "decision_note": "CMT"})
    submission.refresh_from_db()
    assert submission.review == "kept" and submission.reviewed_by == corporate
    assert sorted(submission.scores.values_list("value", flat=True)) == [2, 3, 4, 5]
    assert submission.decision == "short_list" and submission.decided_by == corporate
    assert submission.decided_at is not None
    page = client.get(reverse("planning:submission", args=[submission.pk])).content.decode()
    assert "14 out of 20 (70.0%)" in page
    assert "rank 1 on the long list" in page
    history = submission.history.order_by("-history_date").first()
    assert history.history_user == corporate and history.decision == "short_list"


def test_a_score_off_the_scale_is_refused(client, corporate, cycle):
    submission = cycle_services.submit_activity(cycle, answers(), user=None)
    criterion = cycle.criteria.filter(kind="score").first()
    client.force_login(corporate)
    response = client.post(reverse("planning:score", args=[submission.pk]), {f"c{criterion.pk}": "9"})
    assert response.status_code == 200
    assert not submission.scores.exists()


def test_confirming_the_short_list_makes_the_plan(client, corporate, cycle):
    first = cycle_services.submit_activity(cycle, answers(title="Library strategy"), user=None)
    cycle_services.submit_activity(cycle, answers(title="Not this one"), user=None)
    cycle_services.decide(first, decision="short_list", user=corporate)
    client.force_login(corporate)
    page = client.get(reverse("planning:confirm", args=[cycle.pk])).content.decode()
    assert "Confirming adds 1 of them" in page
    response = client.post(reverse("planning:confirm", args=[cycle.pk]))
    activity = Activity.objects.get()
    assert response["Location"] == reverse("planning:plan", args=[activity.plan.pk])
    assert (activity.title, activity.plan.name) == ("Library strategy", "Plan SDP 2020-21")
    client.post(reverse("planning:confirm", args=[cycle.pk]))
    assert Activity.objects.count() == 1


def test_confirming_an_empty_short_list_says_so(client, corporate, cycle):
    client.force_login(corporate)
    response = client.post(reverse("planning:confirm", args=[cycle.pk]))
    assert response.status_code == 200
    assert "No activity is on the short list yet" in response.content.decode()


def test_the_long_list_filters(client, corporate, cycle):
    from councilplan.core.models import Outcome

    growth = Outcome.objects.get(title="Economic growth")
    start = Outcome.objects.get(title="Best start in life")
    cycle_services.submit_activity(cycle, answers(title="Growth one"), user=None)
    cycle_services.submit_activity(
        cycle, answers(title="Start one", outcome=start, activity_type="service_change"), user=None
    )
    client.force_login(corporate)
    url = reverse("planning:long_list", args=[cycle.pk])
    assert b"Start one" in client.get(url).content
    filtered = client.get(url, {"outcome": growth.pk}).content.decode()
    assert "Growth one" in filtered and "Start one" not in filtered
    assert "1 of 2 activities match the filters" in filtered
    by_type = client.get(url, {"activity_type": "service_change"}).content.decode()
    assert "Start one" in by_type and "Growth one" not in by_type
    unscored = client.get(reverse("planning:ranking", args=[cycle.pk]), {"score": "80"}).content.decode()
    assert "No activity matches these filters" in unscored


def test_the_ranking_page_lists_highest_first(client, corporate, cycle):
    low = cycle_services.submit_activity(cycle, answers(title="Low scorer"), user=None)
    high = cycle_services.submit_activity(cycle, answers(title="High scorer"), user=None)
    criteria = list(cycle.criteria.filter(kind="score"))
    cycle_services.score_submission(low, {c.pk: 2 for c in criteria})
    cycle_services.score_submission(high, {c.pk: 5 for c in criteria})
    client.force_login(corporate)
    text = client.get(reverse("planning:ranking", args=[cycle.pk])).content.decode()
    assert text.index("High scorer") < text.index("Low scorer")
    assert "20 out of 20 (100.0%)" in text


def test_weights_change_from_the_criteria_page(client, corporate, cycle):
    criteria = list(cycle.criteria.filter(kind="score"))
    client.force_login(corporate)
    data = {}
    for n, c in enumerate(criteria):
        data.update({f"w{c.pk}": "2" if n == 0 else "1", f"l{c.pk}": "1", f"h{c.pk}": "5"})
    response = client.post(reverse("planning:criteria", args=[cycle.pk]), data)
    assert response.status_code == 302
    assert [str(c.weight.normalize()) for c in cycle.criteria.filter(kind="score")] == ["2", "1", "1", "1"]


def test_the_analysis_downloads(client, corporate, cycle):
    cycle_services.submit_activity(cycle, answers(), user=None)
    client.force_login(corporate)
    data = json.loads(client.get(reverse("planning:analysis_download", args=[cycle.pk, "json"])).content)
    assert (data["submissions"], data["long_list"], data["short_list"]) == (1, 1, 0)
    assert data["figures"]["capacity_unsure"] == {"count": 1, "of": 1, "percent": 100}
    docx = client.get(reverse("planning:analysis_download", args=[cycle.pk, "docx"]))
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("planning:analysis_download", args=[cycle.pk, "xls"])).status_code == 404
    page = client.get(reverse("planning:analysis", args=[cycle.pk])).content.decode()
    assert "Headline figures" in page


def test_starting_a_cycle_from_a_plan_carries_it_forward(client, corporate, cycle):
    submission = cycle_services.submit_activity(cycle, answers(end_date=dt.date(2031, 3, 31)), user=None)
    cycle_services.decide(submission, decision="short_list")
    plan = cycle_services.confirm_short_list(cycle).plan
    client.force_login(corporate)
    response = client.post(
        reverse("planning:cycle_create"),
        {
            "name": "SDP 2021-22",
            "plan_name": "Plan 2021-22",
            **datetime_parts("opens_at", "1/10/2030", "9am"),
            **datetime_parts("closes_at", "12/11/2030", "17:00"),
            "carry_forward_from": str(plan.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    new = Submission.objects.exclude(cycle=cycle).get()
    assert new.title == "Library strategy" and new.carried_from.plan == plan


def test_the_long_list_pages_issue_a_fixed_number_of_queries(client, corporate, cycle):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.force_login(corporate)
    criteria = list(cycle.criteria.filter(kind="score"))
    first = cycle_services.submit_activity(cycle, answers(), user=None)
    cycle_services.score_submission(first, {c.pk: 3 for c in criteria})
    urls = [reverse(name, args=[cycle.pk]) for name in ("planning:long_list", "planning:ranking", "planning:analysis")]
    before = [queries(url) for url in urls]
    for n in range(8):
        s = cycle_services.submit_activity(cycle, answers(title=f"More {n}"), user=None)
        cycle_services.score_submission(s, {c.pk: 1 + n % 5 for c in criteria})
    assert [queries(url) for url in urls] == before
