"""The delayed transfers of care pages (issue 20; spec/qpr.md §3): the weekly dashboard page with its week chooser,
figures typed from the spec's Fixture, downloads made by the worker, a fixed number of queries as sites and weeks
grow, and who may see and do what."""

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from councilplan.core.models import User
from councilplan.documents.models import KeptDocument
from councilplan.performance import weekly
from councilplan.performance.models import Indicator
from councilplan.performance.sample.dtoc import load_dtoc

pytestmark = pytest.mark.django_db

WEEKS = ["07/09", "14/09", "21/09", "28/09", "05/10", "12/10", "19/10", "26/10", "02/11", "09/11", "16/11", "23/11"]


def make_user(username, role="lead_officer"):
    return User.objects.create(username=username, role=role, name=username.title())


@pytest.fixture
def sample(db):
    load_dtoc()


@pytest.fixture
def officer(sample):
    """The adult social care performance officer: the DTOC indicator's owner."""
    user = make_user("asc.officer")
    Indicator.objects.filter(ref="DTOC").update(owner=user)
    return user


class Tables(HTMLParser):
    """caption -> the table's rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self._caption, self._row, self._cell, self._current = {}, None, None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._current = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self.tables[" ".join("".join(self._caption).split())] = self._current
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._current.append(self._row)
            self._row = None

    def handle_data(self, data):
        for part in (self._caption, self._cell):
            if part is not None:
                part.append(data)


def tables(response) -> dict:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def cells(text: str) -> list[str]:
    """ "685 770 759" → the cells, as typed from the spec."""
    return text.split()


def row(table, first):
    return next(r[1:] for r in table if r and r[0] == first)


def test_the_page_shows_the_latest_week_with_the_spec_figures(client, sample):
    client.force_login(make_user("viewer", "viewer"))
    response = client.get("/performance/dtoc/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Delayed transfers of care: weekly dashboard" in html
    assert '<option value="2017-11-23" selected>' in html  # the latest week by default
    found = tables(response)

    weekly_table = found["Kent acute hospitals: delayed days by week ending"]
    assert weekly_table[0][1:] == WEEKS
    assert row(weekly_table, "NHS") == cells("474 559 543 675 497 505 668 617 534 504 559 440")
    assert row(weekly_table, "Social care") == cells("211 211 212 112 153 145 142 118 109 116 90 72")
    assert row(weekly_table, "Both") == cells("0 0 4 1 11 0 11 9 4 16 12 12")
    attributed = cells("211 211 214 112.5 158.5 145 147.5 122.5 111 124 96 78")
    assert row(weekly_table, "Attributed to social care") == attributed
    assert row(weekly_table, "Total") == cells("685 770 759 788 661 650 821 744 647 636 661 524")
    shares = cells("30.8 27.4 28.2 14.3 24.0 22.3 18.0 16.5 17.2 19.5 14.5 14.9")
    assert row(weekly_table, "% attributable to social care") == [f"{s}%" for s in shares]

    sites = found["Delayed days by site and week ending (– not returned)"]
    assert row(sites, "Darent Valley Hospital") == cells("214 219 210 172 118 140 203 140 91 118 140 112")
    # Tunbridge Wells did not return the week to 23/11: shown as not returned, not as a zero.
    assert row(sites, "Tunbridge Wells Hospital")[-1] == "–"

    totals = found["Delayed days in total, by month"]
    assert row(totals, "Kent total") == cells("2180 2117 3142 3569 3481 2960")
    assert row(totals, "Darent Valley Hospital") == cells("682 551 850 815 601 461")
    social = found["Delayed days attributed to social care (including half of both), by month"]
    assert row(social, "Kent total") == cells("489 721 1012.5 1012 786 580.5")
    assert row(social, "Tunbridge Wells Hospital") == cells("196 148 131.5 142 185 108")
    nhs = found["Delayed days attributed to the NHS, by month"]
    assert row(nhs, "Kent total") == cells("1691 1396 2126 2539 2668 2329")
    share = found["Social care's share of all delayed days, by month"]
    assert row(share, "% attributable to social care") == ["22.4%", "34.1%", "32.2%", "28.4%", "22.6%", "19.6%"]

    target = found["Delayed days against the BCF target by trust, September 2017"]
    # Kent total: NHS 2539/2010, social care 994/950, both 36/439, total 3569/3399, difference 170.
    assert row(target, "Kent total") == cells("2539 2010 994 950 36 439 3569 3399 170")
    assert row(target, "Dartford & Gravesham NHS Trust") == cells("509 403 306 293 0 0 815 695 120")

    this_week = found["Each site in the week ending 23/11/2017: who is responsible"]
    dvh = row(this_week, "Darent Valley Hospital")
    # DVH 23/11: 91 NHS, 14 social care, 7 both; 14 + 7/2 = 17.5 attributed of 112; 16/11 had 7 + 7/2 = 10.5
    # → social care's days increased (↓ on the dashboard's key).
    assert dvh[1:6] == ["91", "14", "7", "17.5", "112"] and dvh[7].startswith("↓")
    assert dvh[8] == "30.0%"  # its 12-week share of the acutes' social-care-attributed days
    # Every chart is drawn and has its data table.
    assert html.count('class="app-chart"') == 3 and html.count("<svg") >= 3
    assert row(found["Data for the chart: Kent acute hospitals' delayed days by week ending"], "23/11") == [
        "440",
        "78",
        "524",
    ]


def test_an_earlier_week_is_chosen_and_a_week_without_figures_is_not_found(client, sample):
    client.force_login(make_user("viewer", "viewer"))
    response = client.get("/performance/dtoc/?week=2017-10-05")
    found = tables(response)
    weekly_table = found["Kent acute hospitals: delayed days by week ending"]
    assert weekly_table[0][1:] == ["07/09", "14/09", "21/09", "28/09", "05/10"]
    assert row(weekly_table, "Total") == ["685", "770", "759", "788", "661"]
    assert '<option value="2017-10-05" selected>' in response.content.decode()
    assert client.get("/performance/dtoc/?week=2017-11-30").status_code == 404
    assert client.get("/performance/dtoc/?week=23/11/2017").status_code == 404


def test_with_no_figures_the_page_says_so(client, db):
    client.force_login(make_user("viewer", "viewer"))
    response = client.get("/performance/dtoc/")
    assert response.status_code == 200 and "No week's figures have been entered yet" in response.content.decode()


def test_the_downloads_are_made_by_the_worker_and_kept(client, sample):
    client.force_login(make_user("viewer", "viewer"))
    response = client.get("/performance/dtoc/download/html/?week=2017-11-23")
    assert response.status_code == 200
    assert "Delayed transfers of care: weekly dashboard, week ending 23/11/2017" in response.content.decode()
    document = KeptDocument.objects.get()
    assert document.kind == "councilplan.performance.dtoc.report_file" and document.params == {"week": "2017-11-23"}
    client.get("/performance/dtoc/download/html/?week=2017-11-23")
    assert KeptDocument.objects.count() == 1  # asked again, the data unchanged: the kept file
    weekly.save_parts(
        Indicator.objects.get(ref="DTOC"), dt.date(2017, 11, 23), {("TWH", "nhs"): Decimal(4)}, reason="test"
    )
    assert client.get("/performance/dtoc/download/html/?week=2017-11-23").status_code == 200
    assert KeptDocument.objects.filter(state=KeptDocument.State.READY).count() == 1  # a new version, made again
    data = client.get("/performance/dtoc/download/json/?week=2017-11-23").json()
    assert data["kent_acutes"][-1]["total"] == 528  # 524 and Tunbridge Wells' 4 NHS days just entered
    assert client.get("/performance/dtoc/download/odt/?week=2017-11-23").status_code == 404


def test_the_page_reads_in_a_fixed_number_of_queries(client, sample, django_assert_num_queries):
    client.force_login(make_user("viewer", "viewer"))
    client.get("/performance/dtoc/")  # sessions and the like warmed
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        assert client.get("/performance/dtoc/").status_code == 200
    # More sites and more weeks: the same number of queries.
    indicator = Indicator.objects.get(ref="DTOC")
    for n in range(5):
        weekly.save_breakdown_value("dtoc_site", f"NEW{n}", name=f"New site {n}", trust="New trust", order=20 + n)
    for week in (dt.date(2017, 11, 30), dt.date(2017, 12, 7)):
        weekly.save_parts(
            indicator, week, {(f"NEW{n}", "nhs"): Decimal(n) for n in range(5)} | {("DVH", "nhs"): Decimal(3)}
        )
    with django_assert_num_queries(len(before.captured_queries)):
        assert client.get("/performance/dtoc/").status_code == 200


def test_the_week_form_and_history_read_in_a_fixed_number_of_queries(client, officer, django_assert_num_queries):
    client.force_login(officer)
    url = "/performance/dtoc/weeks/2017-11-23/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    indicator = Indicator.objects.get(ref="DTOC")
    for n in range(3):
        weekly.save_breakdown_value("dtoc_site", f"NEW{n}", name=f"New site {n}", order=20 + n)
    weekly.save_parts(indicator, dt.date(2017, 11, 23), {(f"NEW{n}", "both"): Decimal(1) for n in range(3)})
    weekly.save_parts(indicator, dt.date(2017, 11, 23), {(f"NEW{n}", "both"): Decimal(2) for n in range(3)})
    with django_assert_num_queries(len(before.captured_queries)):
        assert client.get(url).status_code == 200


# --- who may see and do what -------------------------------------------------------------------------------------

READ = ["/performance/dtoc/", "/performance/dtoc/download/json/", "/performance/dtoc/weeks/2017-11-23/csv/"]
ENTER = ["/performance/dtoc/weeks/", "/performance/dtoc/weeks/2017-11-23/", "/performance/dtoc/weeks/import/"]


@pytest.mark.parametrize("url", READ + ENTER)
def test_signed_out_people_are_sent_to_sign_in(client, sample, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["lead_officer", "viewer", "corporate", "administrator"])
@pytest.mark.parametrize("url", READ)
def test_everyone_signed_in_reads(client, sample, role, url):
    client.force_login(make_user("reader", role))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ["lead_officer", "viewer"])
@pytest.mark.parametrize("url", ENTER)
def test_only_the_owner_and_the_corporate_team_enter_figures(client, officer, role, url):
    client.force_login(make_user("someone", role))
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code in (403, 405)
    client.force_login(officer)
    assert client.get(url).status_code == 200
    client.force_login(make_user("corp", "corporate"))
    assert client.get(url).status_code == 200


def test_the_index_links_to_the_page(client, sample):
    client.force_login(make_user("viewer", "viewer"))
    assert 'href="/performance/dtoc/"' in client.get("/performance/").content.decode()
    page = client.get("/performance/dtoc/").content.decode()
    assert "Enter a week's figures" not in page  # a reader is not offered what they may not do
