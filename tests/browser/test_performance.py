"""Performance in a real browser: the sample's July 2017 dashboard (with its charts drawn) and entering a result,
each checked with axe."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from browser.conftest import SCREENSHOTS, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.performance.sample import load_sample

    load_sample()


def test_dashboard_shows_the_seeds_figures_and_is_accessible(page, live_server, make_user, sample):
    viewer = make_user("member", role="viewer", name="Councillor Member")
    # A long page with 44 charts, each drawn on its own request: give it longer than the harness's 10 seconds
    # when the machine is busy.
    page.set_default_timeout(45_000)
    sign_in(page, live_server, viewer)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    page.get_by_role("link", name="Strategic and Corporate Services performance dashboard").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Strategic and Corporate Services Performance Dashboard", use_inner_text=True
    )
    summary = page.locator("p.app-figure").first.inner_text()
    assert "Green for 21" in summary and "Amber for 4" in summary and "Red for 1" in summary
    latest = page.get_by_role("table", name="Key performance indicators by RAG rating")
    assert latest.get_by_role("row").nth(1).inner_text().split() == ["Latest", "21", "4", "1"]
    cs05 = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="CS05", exact=True)).last
    assert "71%" in cs05.inner_text() and "AMBER" in cs05.inner_text() and "performance improved" in cs05.inner_text()
    # The charts are drawn (images that loaded), each with its data table.
    chart = page.locator("#chart-cs05")
    chart.scroll_into_view_if_needed()
    image = chart.locator("img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert chart.get_by_role("img").get_attribute("aria-label").startswith("Line chart of CS05")
    assert chart.get_by_role("table").get_by_role("row").count() == 14  # header and 13 months

    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    check_accessibility(page)
    # The page runs to dozens of screens: the picture is its first two (a full-page one takes too long).
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "performance-dashboard.png"), animations="disabled")


def test_owner_enters_a_result_with_the_gov_uk_form(page, live_server, make_user, sample):
    from councilplan.performance.models import Indicator, Result

    owner = make_user("cs.owner", name="Customer Services Owner")
    Indicator.objects.filter(ref="CS05").update(owner=owner)
    sign_in(page, live_server, owner)

    page.goto(f"{live_server.url}/performance/indicators/CS05/")
    page.get_by_role("button", name="Enter a result").click()
    page.get_by_label("Month").fill("8")
    page.get_by_label("Year").fill("2017")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the result for August 2017", use_inner_text=True)
    check_accessibility(page)
    page.get_by_label("Result for the period (per cent)").fill("seventy")
    page.get_by_role("button", name="Save the result").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the result as a number, like 95 or 99.5")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "performance-result-error")

    page.get_by_label("Result for the period (per cent)").fill("74")
    page.get_by_label("Year to date (per cent)").fill("70")
    page.get_by_label("Commentary (optional)").fill("Improving as expected.")
    page.get_by_role("button", name="Save the result").click()

    expect(page.get_by_text("Result saved: CS05 for August 2017.")).to_be_visible()
    result = Result.objects.get(indicator__ref="CS05", period=dt.date(2017, 8, 1))
    assert (result.value, result.ytd, result.updated_by) == (74, 70, owner)
    check_accessibility(page)
    screenshot(page, "performance-indicator")
