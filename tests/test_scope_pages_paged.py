"""A directorate's (outcome's, lead officer's) joined page with thousands of activities (issue 11, "Fast pages at
scale"): 50 activities a page with what every system holds about those, the whole list a download away, and a
fixed number of queries whatever the number of activities."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from report_support import make_plan

from councilplan.core.models import Directorate, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def corporate(client):
    client.force_login(User.objects.create(username="corp", role=User.Role.CORPORATE))
    return client


def shown(response) -> list[str]:
    assert response.status_code == 200
    return [a.ref for a in response.context["page"].activities]


def returns_linked(response) -> int:
    group = next(g for g in response.context["page"].groups if g.title == "Latest monitoring returns")
    return len(group.links)


def test_fifty_activities_a_page_with_their_links_and_all_of_them_to_download(corporate):
    make_plan("Plan", 60)  # every activity in Growth, with a return in each of two rounds
    url = f"/directorates/{Directorate.objects.get(name='Growth').pk}/"

    first, second = corporate.get(url), corporate.get(url, {"page": 2})

    assert shown(first) == [str(n) for n in range(1, 51)]
    assert shown(second) == [str(n) for n in range(51, 61)]
    assert (returns_linked(first), returns_linked(second)) == (50, 10)
    assert "Showing 1 to 50 of 60 activities." in first.text
    assert "what every system holds about the activities on this page (1 to 50 of 60)" in first.text
    assert shown(corporate.get(url, {"q": "activity 7"})) == ["7", "17", "27", "37", "47", "57"]
    rows = list(csv.reader(io.StringIO(corporate.get(url, {"download": "csv"}).content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, 61)]


def test_the_page_makes_a_fixed_number_of_queries(corporate):
    make_plan("Small plan", 5)
    url = f"/directorates/{Directorate.objects.get(name='Growth').pk}/"
    corporate.get(url)  # the session is written once, on the first request

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert corporate.get(url).status_code == 200
        return len(captured)

    few = queries()
    make_plan("Large plan", 120)
    assert queries() == few
