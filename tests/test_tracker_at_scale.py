"""The tracker counted, searched, filtered and paged in the database (issue 11, "Fast pages at scale"): the same
counts, rows and matches as when every row was built in Python, a select box of lead officers only while there
are few enough to list, and a fixed number of queries whatever the number of activities."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from test_tracker import build_plan

from councilplan.core.models import User
from councilplan.monitoring import selectors
from councilplan.monitoring.models import Return
from councilplan.monitoring.selectors import round_tracker
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(db):
    return User.objects.create(username="team", role=User.Role.CORPORATE, name="Policy Team")


def refs(client, round_, **query) -> list[str]:
    response = client.get(reverse("rounds:tracker", args=[round_.pk]), query)
    assert response.status_code == 200
    return [row.ref for row in response.context["rows"]]


def test_counts_by_directorate_and_state(db):
    # build_plan(61): activity i+1 in directorate i % 3; in Q2 i % 3 == 1 submitted, i % 3 == 2 a draft, the
    # rest not started; activity 1 (i = 0) left monitoring after Q1. So 20 activities in each directorate.
    q2 = build_plan(61)
    Return.objects.filter(round=q2, activity__ref="5").update(late=True)  # i = 4: Directorate 1, submitted
    Return.objects.filter(round=q2, activity__ref="3").update(state=Return.State.AWAITING_SIGN_OFF)  # i = 2

    tracker = round_tracker(q2)

    assert [(c.name, c.not_started, c.draft, c.awaiting, c.submitted, c.late) for c in tracker.by_directorate] == [
        ("Directorate 0", 20, 0, 0, 0, 0),
        ("Directorate 1", 0, 0, 0, 19, 1),
        ("Directorate 2", 0, 19, 1, 0, 0),
    ]
    total = tracker.total
    assert (total.in_scope, total.responded, total.response_rate.percent) == (60, 20, 33)
    assert tracker.outstanding_count == 39
    assert [row.ref for row in tracker.outstanding][:4] == ["4", "6", "7", "9"]  # 3 awaits its sign-off


@pytest.fixture
def q2_of_6(db):
    """build_plan(6): activities 2 to 6 tracked; activity n led by person n-1, with person n as a colleague.
    Person 2 has no display name but a full name, person 3 only a user name and no e-mail, person 4 a user name
    that is not shown anywhere; activity 5 has no directorate."""
    q2 = build_plan(6)
    people = {u.username: u for u in User.objects.filter(username__startswith="p6-")}
    User.objects.filter(pk=people["p6-2"].pk).update(name="", first_name="Jo", last_name="Bloggs")
    User.objects.filter(pk=people["p6-3"].pk).update(name="", email="")
    User.objects.filter(pk=people["p6-4"].pk).update(username="zz-hidden")
    Activity.objects.filter(plan=q2.plan, ref="5").update(directorate=None)
    return q2


def test_search_finds_people_by_the_name_the_tracker_shows(client, team, q2_of_6):
    client.force_login(team)

    assert refs(client, q2_of_6, q="bloggs") == ["2", "3"]  # colleague of 2, lead officer of 3
    assert refs(client, q2_of_6, q="BLOGGS") == ["2", "3"]
    assert refs(client, q2_of_6, q="p6-3") == ["3", "4"]  # the user name, shown when there is no other name
    assert refs(client, q2_of_6, q="zz-hidden") == []  # a user name behind a name is not what the tracker shows
    assert refs(client, q2_of_6, q="bloggs 3") == ["3"]  # every word, in any of the fields
    assert refs(client, q2_of_6, q="recorded") == ["5"]  # "No directorate recorded"
    assert refs(client, q2_of_6, directorate="No directorate recorded") == ["5"]
    assert refs(client, q2_of_6, q="activity", state="draft") == ["3", "6"]


def test_the_rows_say_what_they_did(q2_of_6):
    rows = {row.ref: row for row in round_tracker(q2_of_6).rows}

    assert list(rows) == ["2", "3", "4", "5", "6"]
    assert (rows["3"].lead_officer.name, rows["3"].lead_officer.email) == ("Jo Bloggs", "p6-2@example.gov.uk")
    assert [c.name for c in rows["3"].colleagues] == ["p6-3"]
    assert rows["4"].lead_officer.email == ""
    assert rows["5"].directorate == "No directorate recorded"
    assert (rows["2"].state, rows["3"].state, rows["4"].state) == ("submitted", "draft", "not_started")
    assert rows["2"].return_id == Return.objects.get(round=q2_of_6, activity__ref="2").pk
    assert rows["4"].return_id is None


def test_ordered_by_activity_number_not_by_text(team, q2_of_6, client):
    Activity.objects.filter(plan=q2_of_6.plan, ref="6").update(ref="A10")
    Activity.objects.filter(plan=q2_of_6.plan, ref="4").update(ref="A2")
    client.force_login(team)

    assert refs(client, q2_of_6) == ["2", "3", "5", "A2", "A10"]


def test_many_lead_officers_are_searched_for_not_listed(client, team, q2_of_6, monkeypatch):
    client.force_login(team)
    url = reverse("rounds:tracker", args=[q2_of_6.pk])
    person = User.objects.get(username="p6-1")  # leads activity 2

    listed = client.get(url).text
    assert 'name="lead_officer"' in listed and "search for a lead officer" not in listed
    assert refs(client, q2_of_6, lead_officer=person.pk) == ["2"]

    monkeypatch.setattr(selectors, "LEAD_OFFICER_CHOICES", 4)  # five lead officers in scope
    searched = client.get(url).text
    assert 'name="lead_officer"' not in searched
    assert "search for a lead officer by name or e-mail" in searched
    assert refs(client, q2_of_6, lead_officer=person.pk) == ["2", "3", "4", "5", "6"]  # no such filter now
    assert refs(client, q2_of_6, q="p6-1@example.gov.uk") == ["2"]


def test_searches_filters_pages_and_downloads_make_a_fixed_number_of_queries(client, team):
    small, large = build_plan(5), build_plan(130)
    client.force_login(team)

    def queries(round_, **query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("rounds:tracker", args=[round_.pk]), query)
        assert response.status_code == 200
        return len(captured), response

    for query in (
        {"q": "activity"},
        {"q": "person 3", "directorate": "Directorate 0"},
        {"state": "not_started", "page": "2"},
        {"download": "csv"},
    ):
        few, _ = queries(small, **query)
        many, _ = queries(large, **query)
        assert few == many, query
    _, download = queries(large, download="csv")
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(2, 131)]  # every page's rows
