"""Issue 20 in a real browser: the corporate team makes the quarterly pack from the exceptions page: a quarter
typed wrongly is explained, a right one offers the officers' and the public version, and a download comes as a
file. axe (WCAG 2.2 AA) on every page; screenshot docs/screenshots/overview-pack.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.sample.loader import load_sample

    load_sample(only=("risks",))  # with the plan and its returns: the SDP analysis and the risk register


def test_the_corporate_team_makes_the_quarterly_pack(page, live_server, make_user, sample):
    corporate = make_user("cora.corporate", role="corporate", name="Cora Corporate")
    page.set_default_timeout(60_000)  # the pack joins every system, on a busy machine
    sign_in(page, live_server, corporate)

    page.goto(f"{live_server.url}/overview/")
    page.get_by_role("link", name="quarterly pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quarterly pack", use_inner_text=True)

    page.get_by_label("Quarter").fill("2019-20-Q5")
    page.get_by_role("button", name="Choose").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error:")
    check_accessibility(page)

    page.get_by_label("Quarter").fill("2019-20-Q2")
    page.get_by_role("button", name="Choose").click()
    expect(page.get_by_role("heading", name="Download the pack for 2019-20 Q2")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "overview-pack")

    links = page.get_by_role("link", name="PDF")
    assert links.count() == 2  # the officers' version and the public one
    # The tests' tasks run inline: the file is made in the request and comes at once.
    with page.expect_download() as download:
        page.get_by_role("link", name="HTML file: Public version").click()
    assert download.value.suggested_filename == "quarterly-pack-2019-20-Q2-public.html"
    with open(download.value.path(), encoding="utf-8") as made:
        text = made.read()
    assert "Public version" in text and "Corporate Risk Register" in text
