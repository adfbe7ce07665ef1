"""List pages of monitoring and risks (issue 12, "Long lists"): the round's tracker and a risk register's risks
get search, filters kept in the address, pagination (50 a page, core.lists.PER_PAGE) and a download of exactly
what is shown, formula-safe."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from risk_support import make_register, make_risk, make_user
from test_tracker import build_plan

from councilplan.core.models import User
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(db):
    return User.objects.create(username="team", role=User.Role.CORPORATE, name="Policy Team")


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- the tracker ----------------------------------------------------------------------------------------


@pytest.fixture
def q2_of_61(db):
    """61 activities, activity 1 out of monitoring after Q1: 60 tracked (refs 2 to 61, build_plan's rule)."""
    return build_plan(61)


def refs_shown(response) -> list[str]:
    assert response.status_code == 200
    return [row.ref for row in response.context["rows"]]


def test_tracker_pages_50_at_a_time(client, team, q2_of_61):
    client.force_login(team)
    url = reverse("rounds:tracker", args=[q2_of_61.pk])

    first = client.get(url)
    second = client.get(url, {"page": 2})

    assert refs_shown(first) == [str(n) for n in range(2, 52)]
    assert refs_shown(second) == [str(n) for n in range(52, 62)]
    assert "Showing 1 to 50 of 60 activities." in first.text
    assert 'aria-label="Pages of the activities"' in first.text
    # The counts above the list are of the whole round, whatever page is shown.
    assert "60 activities in monitoring" in second.text


def test_tracker_filters_and_search_are_kept_in_the_links(client, team, q2_of_61):
    client.force_login(team)
    url = reverse("rounds:tracker", args=[q2_of_61.pk])

    # Drafts: the activities with i % 3 == 2, i.e. refs 3, 6, …, 60: 20 of them.
    drafts = client.get(url, {"state": "draft"})
    assert refs_shown(drafts) == [str(n) for n in range(3, 61, 3)]
    assert "Showing 1 to 20 of 20 activities the search and filters." in drafts.text
    assert "?state=draft&amp;download=csv" in drafts.text

    # A person's e-mail: people[7] leads activity 8 and is activity 7's colleague (build_plan).
    assert refs_shown(client.get(url, {"q": "p61-7@example.gov.uk"})) == ["7", "8"]
    # Search and a filter together, and on to the second page with both kept.
    page = client.get(url, {"q": "activity", "directorate": "Directorate 0"})
    assert "?q=activity&amp;directorate=Directorate+0&amp;page=2" not in page.text  # 20 rows: one page
    both = client.get(url, {"q": "activity", "state": "not_started"})
    assert refs_shown(both) == [str(n) for n in range(4, 62, 3)]


def test_tracker_download_is_exactly_what_is_shown(client, team, q2_of_61):
    client.force_login(team)
    url = reverse("rounds:tracker", args=[q2_of_61.pk])

    rows = csv_rows(client.get(url, {"state": "draft", "download": "csv"}))

    assert rows[0] == [
        "Activity",
        "Title",
        "Directorate",
        "Lead officer",
        "Lead officer e-mail",
        "Colleagues",
        "State",
        "Reopened",
        "Sent back",
        "Submitted",
        "gss_code",
    ]
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(3, 61, 3)]
    assert rows[1] == [
        "3",
        "Activity 3",
        "Directorate 2",
        "Person 2",
        "p61-2@example.gov.uk",
        "Person 3",
        "Draft",
        "No",
        "No",
        "",
        "",
    ]
    # Every page's rows, not only the first page's 50.
    everything = json.loads(client.get(url, {"download": "json"}).content)
    assert len(everything) == 60


def test_tracker_download_cells_are_formula_safe(client, team, q2_of_61):
    Activity.objects.filter(plan=q2_of_61.plan, ref="2").update(title='=HYPERLINK("http://evil.example","x")')
    client.force_login(team)

    rows = csv_rows(client.get(reverse("rounds:tracker", args=[q2_of_61.pk]), {"q": "hyperlink", "download": "csv"}))

    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'


def test_tracker_queries_do_not_grow_with_pages(client, team):
    small, large = build_plan(5), build_plan(120)
    client.force_login(team)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries(reverse("rounds:tracker", args=[small.pk]))
    assert queries(reverse("rounds:tracker", args=[large.pk])) == few
    assert queries(reverse("rounds:tracker", args=[large.pk]) + "?page=3&state=draft") == few


def test_only_the_corporate_team_downloads_the_tracker(client, q2_of_61):
    officer = User.objects.create(username="lead", role=User.Role.LEAD_OFFICER, name="Lead Officer")
    client.force_login(officer)

    response = client.get(reverse("rounds:tracker", args=[q2_of_61.pk]), {"download": "csv"})

    assert response.status_code == 403


# --- a risk register's risks ----------------------------------------------------------------------------


@pytest.fixture
def register_of_55(db):
    """55 risks: CRR0001 to CRR0055; every fifth (CRR0005, CRR0010, …) rated 2×3 = 6, Low (KCC's scale:
    Low 1–6, Medium 8–15, High 16–25, spec/risk.md); the others 4×5 = 20, High."""
    register = make_register()
    for n in range(1, 56):
        current = (2, 3) if n % 5 == 0 else (4, 5)
        owners = ["Zoe Special, Director"] if n == 42 else ["Ann Owner, Director"]
        make_risk(register, code=f"CRR{n:04d}", title=f"Risk number {n}", current=current, owners=owners)
    return register


def risk_codes(response) -> list[str]:
    assert response.status_code == 200
    return [row.risk.code for row in response.context["list"].rows]


def test_register_risks_page_filter_and_search(client, register_of_55):
    client.force_login(make_user("viewer.person", role="viewer"))
    url = reverse("risks:register", args=[register_of_55.pk])

    assert len(risk_codes(client.get(url))) == 50
    assert risk_codes(client.get(url, {"page": 2})) == [f"CRR{n:04d}" for n in range(51, 56)]
    low = client.get(url, {"level": "low"})
    assert risk_codes(low) == [f"CRR{n:04d}" for n in range(5, 56, 5)]
    assert "Showing 1 to 11 of 11 risks the search and filters." in low.text
    assert "?level=low&amp;download=xlsx" in low.text
    assert risk_codes(client.get(url, {"q": "zoe"})) == ["CRR0042"]
    # The summary counts stay those of the whole register (44 High, 11 Low now).
    assert low.context["page"].counts[2].current == 44


def test_register_risks_download_is_what_is_shown_and_formula_safe(client, register_of_55):
    make_risk(register_of_55, code="CRR0099", title="=1+2 danger", current=(2, 3))
    client.force_login(make_user("viewer.person", role="viewer"))
    url = reverse("risks:register", args=[register_of_55.pk])

    rows = csv_rows(client.get(url, {"level": "low", "download": "csv"}))

    assert rows[0][:5] == ["Risk code", "Risk title", "Risk owners", "Current score", "Current risk level"]
    assert [row[0] for row in rows[1:]] == [f"CRR{n:04d}" for n in range(5, 56, 5)] + ["CRR0099"]
    assert rows[-1][1] == "'=1+2 danger"
    assert rows[1][3:5] == ["6", "Low"]


def test_register_risks_download_leaves_out_exempt_risks_for_those_not_cleared(client, register_of_55):
    risk = make_risk(register_of_55, code="CRR0098", title="Exempt matter")
    risk.__class__.objects.filter(pk=risk.pk).update(exempt=True)
    client.force_login(make_user("viewer.person", role="viewer"))

    rows = csv_rows(client.get(reverse("risks:register", args=[register_of_55.pk]), {"download": "csv"}))

    assert "CRR0098" not in [row[0] for row in rows]
    assert len(rows) == 56


# --- the long list of a planning cycle -----------------------------------------------------------------


def test_long_list_pages_filters_search_and_download(client):
    from planning_support import answers, make_cycle, person

    from councilplan.core.models import Outcome
    from councilplan.planning import services as cycle_services

    cycle = make_cycle()
    start = Outcome.objects.get(title="Best start in life")
    for n in range(1, 54):  # 53 submissions, numbered 1 to 53 in order of submission
        fields = {"outcome": start, "activity_type": "service_change"} if n % 10 == 0 else {}
        title = '=cmd|" /C calc"!A0' if n == 53 else f"Submission {n}"
        cycle_services.submit_activity(cycle, answers(title=title, **fields), user=None)
    client.force_login(person("cora.corporate", role=User.Role.CORPORATE))
    url = reverse("planning:long_list", args=[cycle.pk])

    def numbers(response):
        assert response.status_code == 200
        return [row.number for row in response.context["rows"]]

    assert numbers(client.get(url)) == list(range(1, 51))
    assert numbers(client.get(url, {"page": 2})) == [51, 52, 53]
    filtered = client.get(url, {"outcome": start.pk})
    assert numbers(filtered) == [10, 20, 30, 40, 50]
    assert "5 of 53 activities match the filters" in filtered.text
    assert f"?outcome={start.pk}&amp;download=csv" in filtered.text
    # Every word anywhere in the row: "submission" and "4" (so 14, 24, 34 as well as 4 and the forties).
    assert numbers(client.get(url, {"q": "submission 4"})) == [4, 14, 24, 34, *range(40, 50)]

    rows = csv_rows(client.get(url, {"activity_type": "service_change", "download": "csv"}))
    assert rows[0][:3] == ["No.", "Activity", "Type"]
    assert [row[0] for row in rows[1:]] == ["10", "20", "30", "40", "50"]
    last = csv_rows(client.get(url, {"page": "2", "q": "calc", "download": "csv"}))
    assert last[1][1] == '\'=cmd|" /C calc"!A0'
