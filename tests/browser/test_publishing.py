"""Publishing and sending back in a real browser, on KCC's sample plan (issue 12): the corporate team publishes a
closed round to members and then to the public, each step's confirmation saying who will read what; searches
the tracker; sends a return back with a query, which its lead officer reads at the top of the form. axe on
every page; the user guide's screenshots of these steps are taken here (docs/screenshots/publish-*.png,
tracker-search.png, return-sent-back.png)."""

import datetime as dt

import pytest
from django.utils import timezone

from browser.conftest import SCREENSHOTS, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser

PLAN = "KCC Strategic Delivery Plan 2019-20"
QUERY = "Milestone 2 says March but the end date is June: which is right?"


@pytest.fixture
def sample(transactional_db):
    from django.core.management import call_command

    call_command("load_sample", verbosity=0)


def screenshot_top(page, name: str, height: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height}
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip, animations="disabled")


def test_the_corporate_team_publishes_in_two_steps_and_sends_a_return_back(page, live_server, make_user, sample):
    from councilplan.monitoring.models import Return, Round

    q2 = Round.objects.get(plan__name=PLAN, label="2019-20 Q2")
    Round.objects.filter(pk=q2.pk).update(state=Round.State.CLOSED, public=False)
    team = make_user("pat.policy", role="corporate", name="Pat Policy")
    page.set_default_timeout(30_000)
    sign_in(page, live_server, team)

    # To members: the confirmation says the public cannot read it yet, and that all 79 returns are in
    # (spec/monitoring.md: 79 activities in Q2).
    page.goto(f"{live_server.url}/rounds/{q2.pk}/")
    page.get_by_role("link", name="Publish to members").click()
    main = page.locator("main")
    assert "All 79 returns are in." in main.inner_text()
    assert "The public cannot read it yet" in main.inner_text()
    check_accessibility(page)
    screenshot(page, "publish-members")
    page.locator("main").get_by_role("button").click()
    q2.refresh_from_db()
    assert q2.state == Round.State.PUBLISHED and not q2.public

    # To the public: its own step, naming the address where anyone will read it.
    page.goto(f"{live_server.url}/rounds/{q2.pk}/")
    page.get_by_role("link", name="Publish to the public").click()
    assert f"/public/reports/{q2.pk}/" in page.locator("main").inner_text()
    check_accessibility(page)
    screenshot(page, "publish-public")
    page.locator("main").get_by_role("button").click()
    q2.refresh_from_db()
    assert q2.public

    # A search on the tracker: the words of an activity's title.
    page.goto(f"{live_server.url}/rounds/{q2.pk}/tracker/")
    page.get_by_role("searchbox", name="Search").fill("Brexit")
    page.get_by_role("button", name="Apply", exact=True).click()
    assert "Brexit" in page.get_by_role("table").last.inner_text()
    check_accessibility(page)
    screenshot_top(page, "tracker-search", 1900)

    # Q3 open, activity 1's return submitted; the team sends it back with a query.
    q3 = Round.objects.create(
        plan=q2.plan,
        label="2019-20 Q3",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=13),
        state=Round.State.OPEN,
    )
    activity = q2.plan.activities.get(ref="1")
    officer = activity.lead_officer
    officer.set_password("correct horse battery staple")
    officer.save()
    Return.objects.create(
        round=q3,
        activity=activity,
        state=Return.State.SUBMITTED,
        delivery_status="on_track",
        progress="On track with the procurement",
        submitted_at=timezone.now(),
        submitted_by=officer,
    )
    page.goto(f"{live_server.url}/rounds/{q3.pk}/tracker/")
    page.get_by_role("link", name="Send back the return for activity 1").click()
    check_accessibility(page)
    page.get_by_role("button", name="Send it back").click()  # first with no query: the error summary
    assert page.locator(".govuk-error-summary").get_by_text("Say what the lead officer should check or change")
    check_accessibility(page)
    page.get_by_label("What should the lead officer check or change?").fill(QUERY)
    page.get_by_role("button", name="Send it back").click()
    assert "is back with its lead officer" in page.locator("main").inner_text()

    # The lead officer reads the query at the top of their return, with their answers still there.
    page.context.clear_cookies()
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/returns/round/{q3.pk}/activity/{activity.pk}/")
    banner = page.get_by_role("region", name="Sent back to you")
    assert "Pat Policy sent this return back" in banner.inner_text() and QUERY in banner.inner_text()
    assert page.get_by_label("Describe the progress").input_value() == "On track with the procurement"
    check_accessibility(page)
    screenshot_top(page, "return-sent-back", 1400)  # the query, then the first questions
