"""The policy register in a real browser, on the September 2017 sample: SPRCA reads the stock-take at the
committee's date and records a close-down agreed, seeing the error summary keep what was typed; the accountable
officer opens their entry's front sheet and records a review. axe (WCAG 2.2 AA) on every page visited; screenshots
in docs/screenshots/policies-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.policies.sample import load_sample

    load_sample()


def test_sprca_reads_the_stock_take_and_records_a_close_down(page, live_server, make_user, sample):
    from councilplan.core.models import Team

    officer = make_user("sue.sprca", name="Sue Sprca")
    Team.objects.get_or_create(code="sprca", defaults={"name": "SPRCA"})[0].members.add(officer)
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/policies/?date-day=15&date-month=9&date-year=2017")
    expect(page.get_by_role("heading", name="The stock-take at 15 September 2017")).to_be_visible()
    total = page.get_by_role("row", name="Total")
    assert total.inner_text().split()[1:6] == ["136", "29", "16", "21", "91"]
    check_accessibility(page)
    screenshot(page, "policies-overview")
    page.goto(f"{live_server.url}/policies/register/?status=under_review")
    check_accessibility(page)
    screenshot(page, "policies-register")
    page.get_by_role("link", name="Customer Service Policy (2015-2018)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Customer Service Policy (2015-2018)", use_inner_text=True
    )
    check_accessibility(page)
    page.get_by_role("link", name="Record a close-down agreed").click()
    page.get_by_label("Close down immediately").check()
    page.get_by_label("Has been or will be replaced").check()
    page.get_by_label("Agreed by").fill("Cabinet Member for Corporate and Democratic Services")
    page.get_by_role("button", name="Record the close-down").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Name the replacement").first).to_be_visible()
    assert page.get_by_label("Agreed by").input_value() == "Cabinet Member for Corporate and Democratic Services"
    check_accessibility(page)
    screenshot(page, "policies-close-down-error")
    page.get_by_label("Or the replacement's name").fill("Customer Service Policy (2018-2021)")
    page.get_by_role("button", name="Record the close-down").click()
    assert "Close-down of 20." in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)


def test_the_accountable_officer_records_a_review(page, live_server, make_user, sample):
    from councilplan.policies.models import Policy

    owner = make_user("ola.owner", name="Ola Owner")
    Policy.objects.filter(number=1).update(accountable_officer=owner)
    sign_in(page, live_server, owner)
    page.goto(f"{live_server.url}/policies/1/")
    check_accessibility(page)
    screenshot(page, "policies-entry")
    page.get_by_role("link", name="Record a review").click()
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("3")
    page.get_by_label("Year").first.fill("2019")
    page.get_by_label("No change: kept as it is until the next review").check()
    page.get_by_role("button", name="Record the review").click()
    expect(
        page.locator(".govuk-error-summary").get_by_role("link", name="Enter the date of the next review")
    ).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Day").nth(1).fill("1")
    page.get_by_label("Month").nth(1).fill("3")
    page.get_by_label("Year").nth(1).fill("2022")
    page.get_by_role("button", name="Record the review").click()
    assert "Review recorded." in page.locator(".govuk-notification-banner").inner_text()
    assert Policy.objects.get(number=1).review_date.year == 2022
