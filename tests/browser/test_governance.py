"""Committee governance in a real browser: the clerk (Democratic Services) opens the 8 November 2019 meeting, sees
the exempt part, tries to publish a planned agenda with a date missing (the error summary keeps what was typed),
then publishes it and reads the notice; a reader not cleared sees the agenda without the exempt items, and the
public sees the published meeting. axe (WCAG 2.2 AA) on every page visited; screenshots in
docs/screenshots/governance-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.governance.sample import load_sample
    from councilplan.sample.loader import load_plan_and_returns

    load_plan_and_returns()
    load_sample()


def test_the_clerk_publishes_an_agenda_and_readers_see_what_they_may(page, live_server, make_user, sample):
    from councilplan.core.models import Team
    from councilplan.governance.models import Meeting

    clerk = make_user("cal.clerk", name="Cal Clerk", cleared_for_exempt=True)
    Team.objects.get_or_create(code="democratic_services", defaults={"name": "Democratic Services"})[0].members.add(
        clerk
    )
    november = Meeting.objects.get(body__code="policy-and-resources", date="2019-11-08")
    sign_in(page, live_server, clerk)
    page.goto(f"{live_server.url}/committees/meetings/{november.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Friday 8 November 2019", use_inner_text=True)
    expect(page.get_by_role("table", name="Exempt items")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "governance-meeting")
    january = Meeting.objects.get(body__code="policy-and-resources", date="2020-01-21")
    page.goto(f"{live_server.url}/committees/meetings/{january.pk}/")
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Strategy and Policy Framework")
    page.get_by_role("button", name="Add item").click()
    page.get_by_role("link", name="Publish the agenda").click()
    page.get_by_label("Day").fill("13")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Signed by").fill("Benjamin Watts, General Counsel")
    page.get_by_role("button", name="Publish agenda").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.get_by_label("Signed by").input_value() == "Benjamin Watts, General Counsel"
    check_accessibility(page)
    page.get_by_label("Year").fill("2020")
    page.get_by_role("button", name="Publish agenda").click()
    assert "Agenda published." in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)
    page.goto(f"{live_server.url}/committees/bodies/policy-and-resources/work-programme/2019/")
    check_accessibility(page)
    screenshot(page, "governance-work-programme")
    page.goto(f"{live_server.url}/committees/decisions/19/00058/")
    check_accessibility(page)
    screenshot(page, "governance-decision")


def test_a_reader_not_cleared_and_the_public(page, live_server, make_user, sample):
    from councilplan.governance.models import Meeting

    reader = make_user("rea.reader", role="viewer", name="Rea Reader")
    november = Meeting.objects.get(body__code="policy-and-resources", date="2019-11-08")
    sign_in(page, live_server, reader)
    page.goto(f"{live_server.url}/committees/meetings/{november.pk}/")
    assert page.get_by_text("Cyber Security").count() == 0
    expect(page.get_by_text("5 items in the exempt part are shown only to people cleared")).to_be_visible()
    check_accessibility(page)
    page.goto(f"{live_server.url}/committees/cross-check/")
    check_accessibility(page)
    page.goto(f"{live_server.url}/public/committees/meetings/{november.pk}/")
    assert page.get_by_text("Cyber Security").count() == 0
    check_accessibility(page)
    screenshot(page, "governance-public-meeting")
