"""The performance pages: who may see and do what, entering a result (GOV.UK errors, version check), importing
results from the page, a plan activity's KPIs, and a fixed number of queries whatever the number of indicators."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from councilplan.core.models import Directorate, User
from councilplan.performance.models import Indicator, Result, ServiceArea, Standard
from councilplan.plan.models import Activity


def make_user(username, role="lead_officer"):
    """A person to sign in with `force_login` (no password: hashing one takes most of a test's time)."""
    return User.objects.create(username=username, role=role, name=username.title())


@pytest.fixture
def area(db):
    return ServiceArea.objects.create(
        directorate=Directorate.objects.create(name="Strategic and Corporate Services"),
        name="EODD - Customer Services",
        director="Amanda Beer",
        cabinet_member="Susan Carey",
        delivery_partner="Agilisys",
    )


@pytest.fixture
def owner(db):
    return make_user("owner")


@pytest.fixture
def kpi(area, owner):
    indicator = Indicator.objects.create(
        ref="CS05", description="Calls answered in 40 seconds", service_area=area, owner=owner
    )
    Standard.objects.create(indicator=indicator, year=2017, target=80, floor=70)
    Result.objects.create(indicator=indicator, period=dt.date(2017, 6, 1), value=69, ytd=69)
    Result.objects.create(indicator=indicator, period=dt.date(2017, 7, 1), value=71, ytd=69)
    return indicator


def signed_in(client, user):
    client.force_login(user)
    return client


PAGES = [
    "/performance/",
    "/performance/dashboard/?period=2017-07",
    "/performance/quarterly/?period=2017-06",
    "/performance/indicators/CS05/",
    "/performance/indicators/CS05/chart.svg?period=2017-07",
    "/performance/mine/",
    "/performance/indicators/",
    "/performance/dashboard/download/json/?period=2017-07",
]


@pytest.mark.parametrize("role", ["lead_officer", "corporate", "viewer", "administrator"])
@pytest.mark.parametrize("url", PAGES)
def test_every_role_reads_the_pages(client, kpi, role, url):
    response = signed_in(client, make_user("reader", role)).get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", [*PAGES, "/performance/import/", "/performance/indicators/CS05/results/2017-07/"])
def test_signed_out_people_are_sent_to_sign_in(client, kpi, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("owner", True), ("lead_officer", False), ("viewer", False), ("corporate", True), ("administrator", True)],
)
def test_who_may_enter_a_result(client, kpi, owner, who, allowed):
    user = owner if who == "owner" else make_user("someone", who)
    client = signed_in(client, user)
    page = client.get("/performance/indicators/CS05/results/2017-08/")
    post = client.post("/performance/indicators/CS05/results/2017-08/", {"value": "75", "ytd": "70", "version": ""})
    assert page.status_code == (200 if allowed else 403)
    assert post.status_code == (302 if allowed else 403)
    assert Result.objects.filter(period=dt.date(2017, 8, 1)).exists() is allowed
    indicator_page = client.get("/performance/indicators/CS05/")
    assert ("Enter a result" in indicator_page.text) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"), [("lead_officer", False), ("viewer", False), ("corporate", True), ("administrator", True)]
)
def test_only_the_corporate_team_imports(client, kpi, role, allowed):
    response = signed_in(client, make_user("someone", role)).get("/performance/import/")
    assert response.status_code == (200 if allowed else 403)


def test_entering_a_result_saves_it_with_who_and_history(client, kpi, owner):
    client = signed_in(client, owner)
    response = client.post(
        "/performance/indicators/CS05/results/2017-08/",
        {"value": "74.5", "ytd": "70", "commentary": "Better", "version": ""},
    )
    assert response.status_code == 302 and response["Location"] == "/performance/indicators/CS05/"
    result = Result.objects.get(period=dt.date(2017, 8, 1))
    assert (result.value, result.ytd, result.commentary, result.updated_by) == (Decimal("74.5"), 70, "Better", owner)
    assert result.history.get().history_user == owner
    page = client.get("/performance/indicators/CS05/")
    assert "Result saved: CS05 for August 2017." in page.text
    assert "AMBER" in page.text and "↑ performance improved" in page.text


def test_changing_a_result_checks_the_version(client, kpi, owner):
    client = signed_in(client, owner)
    form = client.get("/performance/indicators/CS05/results/2017-07/")
    assert 'value="71"' in form.text and 'name="version" value="1"' in form.text
    Result.objects.filter(period=dt.date(2017, 7, 1)).update(version=2)  # someone saved meanwhile
    stale = client.post("/performance/indicators/CS05/results/2017-07/", {"value": "72", "ytd": "69", "version": "1"})
    assert stale.status_code == 200 and "Someone else saved this result" in stale.text
    assert Result.objects.get(period=dt.date(2017, 7, 1)).value == 71
    fresh = client.post("/performance/indicators/CS05/results/2017-07/", {"value": "72", "ytd": "69", "version": "2"})
    assert fresh.status_code == 302
    assert Result.objects.get(period=dt.date(2017, 7, 1)).value == 72


def test_result_form_errors_say_how_to_fix_them(client, kpi, owner):
    client = signed_in(client, owner)
    response = client.post("/performance/indicators/CS05/results/2017-08/", {"value": "lots", "ytd": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["value"] == [
        "Enter the result as a number, like 95 or 99.5 (at most 4 decimal places)"
    ]
    assert "govuk-error-summary" in response.text and 'href="#id_value"' in response.text
    assert "<title>Error: " in response.text
    empty = client.post("/performance/indicators/CS05/results/2017-08/", {"value": "", "ytd": ""})
    assert "Enter the result for the period or the year-to-date figure" in empty.text
    assert not Result.objects.filter(period=dt.date(2017, 8, 1)).exists()


def test_choosing_the_period(client, kpi, owner, area):
    client = signed_in(client, owner)
    assert client.get("/performance/indicators/CS05/results/?month=8&year=2017")["Location"] == (
        "/performance/indicators/CS05/results/2017-08/"
    )
    wrong = client.get("/performance/indicators/CS05/results/?month=13&year=2017")
    assert "Enter a real month and year" in wrong.text
    Indicator.objects.create(ref="HR22", description="Plan", service_area=area, frequency="quarterly", owner=owner)
    quarter = client.get("/performance/indicators/HR22/results/?month=7&year=2017")
    assert "the last month of the quarter" in quarter.text
    assert client.get("/performance/indicators/HR22/results/2017-07/").status_code == 404


def test_import_page_lists_every_problem_and_writes_nothing(client, kpi):
    client = signed_in(client, make_user("corp", "corporate"))
    content = b"ref,period,value\nCS05,2017-08,75\nCS99,2017-08,1\nCS05,2017-09,x\n"
    response = client.post("/performance/import/", {"file": SimpleUploadedFile("r.csv", content, "text/csv")})
    assert response.status_code == 200
    assert "Nothing was imported: 2 problems found, listed below." in response.text
    assert "CS99" in response.text and "is not a known indicator reference" in response.text
    assert not Result.objects.filter(period__gte=dt.date(2017, 8, 1)).exists()
    good = b"ref,period,value\nCS05,2017-08,75\n"
    response = client.post("/performance/import/", {"file": SimpleUploadedFile("r.csv", good, "text/csv")})
    assert response.status_code == 302
    assert Result.objects.get(period=dt.date(2017, 8, 1)).value == 75


def test_a_plan_activitys_kpis(client, kpi, small_plan):
    activity = Activity.objects.get(ref="1")
    kpi.activities.add(activity)
    response = signed_in(client, make_user("viewer", "viewer")).get(f"/performance/activities/{activity.pk}/")
    assert response.status_code == 200
    assert "CS05" in response.text and "71%" in response.text and "AMBER" in response.text
    other = Activity.objects.get(ref="2")
    assert "No key performance indicators" in client.get(f"/performance/activities/{other.pk}/").text


def test_navigation_has_performance(client, kpi):
    response = signed_in(client, make_user("viewer", "viewer")).get("/performance/")
    assert "Performance" in [item["label"] for item in response.context["navigation"]]


def test_unknown_period_format_and_indicator(client, kpi):
    client = signed_in(client, make_user("viewer", "viewer"))
    assert client.get("/performance/dashboard/?period=July").status_code == 404
    assert client.get("/performance/quarterly/?period=2017-07").status_code == 404
    assert client.get("/performance/dashboard/download/exe/?period=2017-07").status_code == 404
    assert client.get("/performance/indicators/NOPE/").status_code == 404


def _add_indicators(area, owner, start, count):
    for n in range(start, start + count):
        indicator = Indicator.objects.create(ref=f"K{n:03d}", description=f"KPI {n}", service_area=area, owner=owner)
        Standard.objects.create(indicator=indicator, year=2017, target=90, floor=80)
        for month in (5, 6, 7):
            Result.objects.create(indicator=indicator, period=dt.date(2017, month, 1), value=80 + n % 20, ytd=85)
        activity_indicator = Indicator.objects.create(
            ref=f"A{n:03d}", kind="activity", description=f"Activity {n}", service_area=area, paired_with=indicator
        )
        Standard.objects.create(indicator=activity_indicator, year=2017, lower=10, upper=20)
        Result.objects.create(indicator=activity_indicator, period=dt.date(2017, 7, 1), value=15)
    if count:
        other = ServiceArea.objects.create(directorate=area.directorate, name=f"Area {start}")
        Indicator.objects.create(ref=f"O{start:03d}", description="Other", service_area=other)


@pytest.mark.parametrize(
    "url",
    [
        "/performance/dashboard/?period=2017-07",
        "/performance/quarterly/?period=2017-06",
        "/performance/dashboard/download/json/?period=2017-07",
        "/performance/mine/",
        "/performance/indicators/",
        "/performance/",
    ],
)
def test_queries_do_not_grow_with_the_number_of_indicators(client, area, owner, url):
    client = signed_in(client, owner)
    _add_indicators(area, owner, 0, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _add_indicators(area, owner, 100, 12)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many]
