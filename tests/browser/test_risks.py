"""Risk registers in a real browser: the sample corporate register, a risk page and the review form, each
checked with axe (WCAG 2.2 AA), and a review recorded through the form."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.risks.sample import load_sample

    load_sample()


def test_register_risk_and_edit_form(page, live_server, make_user, sample):
    from councilplan.risks.models import Register, Risk
    from councilplan.risks.services import set_owner_users

    owner = make_user("olive.owner", name="Olive Owner")
    set_owner_users(Risk.objects.get(code="CRR0001"), [owner], user=None)
    register = Register.objects.get(name="Corporate Risk Register")
    sign_in(page, live_server, owner)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Risks").click()
    page.get_by_role("link", name="Corporate Risk Register").click()
    assert page.url == f"{live_server.url}/risks/registers/{register.pk}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Corporate Risk Register", use_inner_text=True)
    counts = page.get_by_role("table", name="Number of risks in each risk level")
    assert counts.get_by_role("row").nth(1).inner_text().split() == ["Current", "risk", "level", "0", "7", "10"]
    expect(page.get_by_role("table", name="Current risk ratings")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "risk-register")

    page.get_by_role("link", name="CRR0001", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Safeguarding – protecting vulnerable children", use_inner_text=True
    )
    assert "↓ Risk score fell (was 20)" in page.locator("main").inner_text()
    check_accessibility(page)
    screenshot(page, "risk-page")

    page.get_by_role("link", name="Record a review").click()
    review_date = page.get_by_role("group", name="Date of this review")
    for part, value in (("Day", "11"), ("Month", "3"), ("Year", "2018")):
        review_date.get_by_label(part).fill(value)
    page.get_by_role("group", name="Current likelihood").get_by_label("2 – Unlikely").check()
    page.get_by_role("button", name="Record review").click()
    assert "Review of CRR0001 recorded." in page.locator(".govuk-notification-banner").inner_text()
    assert "↓ Risk score fell (was 15)" in page.locator("main").inner_text()

    page.get_by_role("link", name="Change details").click()
    page.get_by_label("Risk title").fill("")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the risk title")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "risk-edit-error")


def test_viewer_reads_but_cannot_change(page, live_server, make_user, sample):
    viewer = make_user("vic.viewer", role="viewer", name="Vic Viewer")
    sign_in(page, live_server, viewer)
    page.goto(f"{live_server.url}/risks/CRR0011/")
    assert "** Context changed: no comparison" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Record a review").count() == 0
    check_accessibility(page)
    page.goto(f"{live_server.url}/risks/")
    page.get_by_role("link", name="Corporate Risk Register").click()
    page.get_by_role("link", name="Read the whole register").click()
    expect(page.get_by_role("heading", name="Heat map")).to_be_visible()
    check_accessibility(page)
    page.goto(f"{live_server.url}/risks/CRR0011/review/")
    assert page.get_by_role("heading", level=1).inner_text() != "Record a review of CRR0011"
