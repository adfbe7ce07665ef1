"""The corporate team's half in a real browser, on KCC's sample plan (Q1 and Q2 published).

The team creates 2019-20 Q3 (tripping the date input's validation once), opens it, follows the returns on the
tracker, filters it and sends reminders; then a viewer reads the dashboard. axe-core checks every page on the
way, and the screenshots for the user guide are taken here.
"""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import SCREENSHOTS, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser

PLAN = "KCC Strategic Delivery Plan 2019-20"


@pytest.fixture
def sample(transactional_db):
    from django.core.management import call_command

    call_command("load_sample", verbosity=0)


def screenshot_top(page, name: str, height: int) -> None:
    """The top of a long page (the tracker lists every activity: some 9,000 pixels)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": height},
        animations="disabled",
    )


def fill_date(page, field: str, when: dt.datetime, time: str) -> None:
    for index, value in enumerate((when.day, when.month, when.year)):
        page.locator(f"#id_{field}_{index}").fill(str(value))
    page.locator(f"#id_{field}_3").fill(time)


def test_corporate_team_runs_a_round_and_a_viewer_reads_the_dashboard(
    page, browser, live_server, make_user, password, sample
):
    from councilplan.monitoring.models import Return, Round

    team = make_user("pat.policy", role="corporate", name="Pat Policy")
    sign_in(page, live_server, team, password)
    check_accessibility(page)  # the corporate team's home page

    # The rounds of the plan.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Rounds").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring rounds", use_inner_text=True)
    expect(page.get_by_role("link", name="2019-20 Q2", exact=True)).to_be_visible()
    check_accessibility(page)
    screenshot(page, "rounds")

    # Create Q3, first forgetting the closing month.
    page.get_by_role("link", name=f"Create a round for {PLAN}").click()
    check_accessibility(page)
    today = timezone.localtime()
    closes = today + dt.timedelta(days=14)
    page.get_by_label("Round").fill("2019-20 Q3")
    fill_date(page, "opens_at", today, "9am")
    fill_date(page, "closes_at", closes, "5pm")
    page.locator("#id_closes_at_1").fill("")
    page.get_by_role("button", name="Create round").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="The date the window closes must include a month")).to_be_visible()
    assert page.locator("#id_closes_at_1").get_attribute("class").endswith("govuk-input--error")
    assert page.locator("#id_closes_at_0").input_value() == str(closes.day)  # what was typed is kept
    check_accessibility(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_closes_at_1"
    page.locator("#id_closes_at_1").fill(str(closes.month))
    page.get_by_role("button", name="Create round").click()

    # The round's page, then open it from the confirmation page.
    expect(page.get_by_role("heading", level=1)).to_have_text("2019-20 Q3", use_inner_text=True)
    expect(page.get_by_text("2019-20 Q3 created as a draft")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Open round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open 2019-20 Q3 for returns?", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("button", name="Open round").click()
    expect(page.get_by_text("2019-20 Q3 is open for returns.")).to_be_visible()
    check_accessibility(page)

    # Some returns come in.
    q3 = Round.objects.get(plan__name=PLAN, label="2019-20 Q3")
    assert q3.state == Round.State.OPEN
    activities = {a.ref: a for a in q3.plan.activities.all()}
    for ref in ("1", "2", "3", "5", "8", "13", "21", "40", "52", "61"):
        Return.objects.create(
            round=q3,
            activity=activities[ref],
            state="submitted",
            delivery_status="on_track",
            submitted_at=timezone.now(),
        )
    for ref in ("4", "9", "30"):
        Return.objects.create(round=q3, activity=activities[ref], state="draft")

    # The tracker.
    page.get_by_role("link", name="View the tracker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tracker: 2019-20 Q3", use_inner_text=True)
    assert "14% response rate" in page.locator("#response-rate").inner_text()
    assert "10 of 74 activities" in page.locator("#response-rate").inner_text()
    check_accessibility(page)
    screenshot_top(page, "tracker", 2000)
    page.get_by_label("State").select_option("draft")
    page.get_by_role("button", name="Apply", exact=True).click()
    expect(page.get_by_text("Showing 1 to 3 of 3 activities the search and filters.")).to_be_visible()
    check_accessibility(page)

    # Reminders to everyone who has not submitted.
    page.get_by_role("link", name="Send reminders").click()
    check_accessibility(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Sent ").first).to_be_visible()
    assert len(mail.outbox) > 0
    assert all("2019-20 Q3" in message.subject for message in mail.outbox)
    check_accessibility(page)

    # A viewer reads the dashboard: the published Q2, not the open Q3.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    viewer_page = context.new_page()
    viewer = make_user("cmt.member", role="viewer", name="Chris Member")
    sign_in(viewer_page, live_server, viewer, password)
    assert viewer_page.url == f"{live_server.url}/"
    headlines = viewer_page.locator("#headlines")
    expect(headlines.get_by_text("81% (64) of activities are on track for successful delivery")).to_be_visible()
    expect(viewer_page.get_by_role("heading", name=f"{PLAN} Latest published round: 2019-20 Q2")).to_be_visible()
    expect(
        viewer_page.get_by_role("table", name="Data for the chart: Delivery status in each published round")
    ).to_be_visible()
    assert viewer_page.get_by_role("link", name="Tracker").count() == 0
    check_accessibility(viewer_page)
    screenshot(viewer_page, "dashboard")
    context.close()
