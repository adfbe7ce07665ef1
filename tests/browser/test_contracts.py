"""Contract management in a real browser: the contract manager rates the activities of a review's maturity report
(beside the framework's descriptors) and sees the error summary keep what was typed; the review group member reads
the programme, a review and the progress report with its heat map. axe (WCAG 2.2 AA) on every page visited;
screenshots in docs/screenshots/contracts-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.contracts.sample import load_sample

    load_sample()


def test_contract_manager_rates_the_activities(page, live_server, make_user, sample):
    from councilplan.contracts.models import Contract, Review

    manager = make_user("mia.manager", name="Mia Manager")
    Contract.objects.filter(reference="CM-2019-18").update(contract_manager=manager)
    review = Review.objects.get(title="Equipment supply and telecare")
    sign_in(page, live_server, manager)
    page.goto(f"{live_server.url}/contracts/")
    check_accessibility(page)
    page.get_by_role("link", name="Equipment supply and telecare").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Equipment supply and telecare", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="Rate the activities (section 2)").click()
    page.get_by_label("People: current level").select_option("4")
    page.get_by_label("People: target level").select_option("2")
    page.get_by_label("People: comments and rationale").fill("Two long-serving officers")
    page.get_by_role("button", name="Save the assessment").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="People: the target cannot be below the current level")).to_be_visible()
    assert page.get_by_label("People: comments and rationale").input_value() == "Two long-serving officers"
    check_accessibility(page)
    screenshot(page, "contracts-ratings-error")
    page.get_by_label("People: target level").select_option("5")
    page.get_by_role("button", name="Save the assessment").click()
    assert "Maturity assessment saved." in page.locator(".govuk-notification-banner").inner_text()
    assert page.url == f"{live_server.url}/contracts/reviews/{review.pk}/"
    check_accessibility(page)
    screenshot(page, "contracts-review")


def test_review_group_member_reads_the_programme_and_report(page, live_server, make_user, sample):
    from councilplan.core.models import Team

    member = make_user("rex.member", role="viewer", name="Rex Member")
    Team.objects.get_or_create(code="contract_review_group", defaults={"name": "CMRG"})[0].members.add(member)
    sign_in(page, live_server, member)
    page.goto(f"{live_server.url}/contracts/programme/")
    expect(page.get_by_role("link", name="Subsidised Bus Contracts")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "contracts-programme")
    page.goto(f"{live_server.url}/contracts/register/")
    check_accessibility(page)
    screenshot(page, "contracts-register")
    page.goto(f"{live_server.url}/contracts/reports/")
    page.get_by_role("link", name="Policy and Resources Cabinet Committee, 8 November 2019").click()
    expect(
        page.get_by_role("table", name="Heat map: reviews rating each activity at each current level")
    ).to_be_visible()
    check_accessibility(page)
    screenshot(page, "contracts-report")
