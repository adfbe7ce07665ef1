"""Issue 20 in a real browser: the council's whole picture as the corporate team reads it from the sample (the
exceptions page, an activity's joined page, an outcome's, a directorate's and a lead officer's) and the Quarterly
Performance Report's page. axe (WCAG 2.2 AA) on every page; screenshots in docs/screenshots/overview-*.png and
qpr-report.png. Figures typed from spec/monitoring.md (line 218) and spec/qpr.md (the cover's counts)."""

import pytest
from playwright.sync_api import expect

from browser.conftest import SCREENSHOTS, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.sample.loader import load_sample

    load_sample(only=("risks", "performance", "feedback", "qpr"))


def _rows(page, heading: str) -> int:
    """The rows of the exceptions table under the h2 `heading`."""
    table = page.locator(f"h2:text-is('{heading}') + table")
    return table.locator("tbody tr").count()


def test_the_corporate_team_reads_the_whole_picture(page, live_server, make_user, sample):
    from councilplan.plan.models import Activity

    corporate = make_user("cora.corporate", role="corporate", name="Cora Corporate")
    page.set_default_timeout(45_000)  # pages joining every system, on a busy machine
    sign_in(page, live_server, corporate)

    page.goto(f"{live_server.url}/overview/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Exceptions across the systems", use_inner_text=True)
    # 2019-20 Q2: 10 returns say remedial action and 3 unlikely to be achieved (spec/monitoring.md line 218).
    assert _rows(page, "Monitoring") == 13
    assert page.get_by_text("requires remedial action").count() == 10
    assert page.get_by_text("unlikely to be achieved").count() == 3
    # Below the floor: seed 003's one Red KPI at July 2017 and the QPR's two Reds (spec/performance.md, qpr.md);
    # PI01's lower is better, so its result is above its floor.
    assert _rows(page, "Performance (KPIs)") == 3
    assert "24% in July 2017, above the floor standard of 15% (target 5%)" in page.locator("main").inner_text()
    check_accessibility(page)
    screenshot(page, "overview-exceptions")

    # An exception's link leads to the return; the activity's joined page follows from the activity.
    activity = Activity.objects.filter(returns__delivery_status="unlikely").order_by("sort_key").first()
    page.goto(f"{live_server.url}/activities/{activity.pk}/")
    assert activity.title in page.get_by_role("heading", level=1).inner_text()
    # Each return with its delivery status in the plan's words (spec/monitoring.md), not its code.
    returns = page.locator("h2:text-is('Monitoring returns') + ul").inner_text()
    assert "No, it is unlikely to be achieved" in returns and "unlikely_" not in returns
    check_accessibility(page)
    screenshot(page, "overview-activity")

    for kind, pk in (
        ("outcomes", activity.outcome_id),
        ("directorates", activity.directorate_id),
        ("people", activity.lead_officer_id),
    ):
        page.goto(f"{live_server.url}/{kind}/{pk}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        # The scope's own activity is listed with a link to its joined page.
        assert page.locator(f"a[href='/activities/{activity.pk}/']").count() >= 1
        check_accessibility(page)
        screenshot(page, f"overview-{kind}")


def test_a_member_reads_the_quarterly_performance_report(page, live_server, make_user, sample):
    member = make_user("councillor", role="viewer", name="Councillor Member")
    page.set_default_timeout(45_000)
    sign_in(page, live_server, member)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Quarterly report").click()
    assert "Quarterly Performance Report, Quarter 2, 2017/18" in page.get_by_role("heading", level=1).inner_text()
    # The executive summary's TOTAL row of the 38 KPIs (spec/qpr.md): 26 Green, 10 Amber, 2 Red; 19 improving,
    # 8 unchanged, 11 falling (columns G A R, then up, same, down).
    summary = page.get_by_role("table", name="Summary of KPI ratings by area")
    total = summary.get_by_role("row").filter(has=page.get_by_role("rowheader", name="TOTAL", exact=True))
    assert total.inner_text().split() == ["TOTAL", "26", "10", "2", "19", "8", "11"]
    # The activity indicators after the KPIs, each with its alert in words (spec/qpr.md): children with protection
    # plans, 1,393, within the expected range; book issues above expectations.
    activity = page.get_by_role("table", name="Specialist Children's Services: activity indicators")
    row = activity.get_by_role("row").filter(has=page.get_by_role("rowheader", name="SCS-A1", exact=True))
    assert "1,393" in row.inner_text() and "Within the expected range" in row.inner_text()
    library = page.get_by_role("table", name="Economic Development & Communities: activity indicators")
    assert "Above the expected range" in library.get_by_role("row").filter(has_text="EDC-A2").inner_text()
    # Its chart's data table: the two quarters the seed gives (1,393 less the stated rise of 110 in June).
    data = page.get_by_role("table", name="Data for the chart: SCS-A1: Number of children with child protection plans")
    cells = [row.locator("th, td").all_inner_texts() for row in data.locator("tbody tr").all()]
    assert [[c.strip() for c in row[:2]] for row in cells] == [
        ["June 2017", "1283"],
        ["September 2017", "1393"],
    ]
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    images = page.locator("main img")
    assert images.count() == 38 + 13  # a chart per KPI and per activity indicator
    assert page.evaluate("() => [...document.querySelectorAll('main img')].every(i => i.complete && i.naturalWidth)")
    check_accessibility(page)
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "qpr-report.png"), animations="disabled")
