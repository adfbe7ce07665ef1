"""The report pages in a real browser: the Q2 report and the commentary form, accessible (axe-core)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def q2(transactional_db):
    call_command("load_sample", verbosity=0)
    from councilplan.monitoring.models import Round

    return Round.objects.get(label="2019-20 Q2")


def test_report_page_is_accessible(page, live_server, make_user, q2):
    sign_in(page, live_server, make_user("member", role="viewer", name="A Member"))
    page.goto(f"{live_server.url}/reports/{q2.pk}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Strategic Delivery Plan Monitoring – Analysis Report", use_inner_text=True
    )
    expect(page.get_by_role("link", name="PDF").first).to_be_visible()
    expect(page.get_by_role("img", name="Bar chart, Delivery status, Q1 and Q2")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "report-q2")


def test_commentary_form_shows_errors_and_keeps_the_text(page, live_server, make_user, q2):
    sign_in(page, live_server, make_user("policy", role="corporate", name="Policy Officer"))
    page.goto(f"{live_server.url}/reports/{q2.pk}/commentary/")
    page.get_by_label("7. Additional oversight and assurance").fill("x" * 20_001)
    page.get_by_label("8. Risk").fill("Kept as typed")
    page.get_by_role("button", name="Save commentary").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.get_by_label("8. Risk").input_value() == "Kept as typed"
    check_accessibility(page)
    screenshot(page, "report-commentary-error")

    page.get_by_label("7. Additional oversight and assurance").fill("**Internal Audit** reviewed the activities.")
    page.get_by_role("button", name="Save commentary").click()
    page.wait_for_url(f"{live_server.url}/reports/{q2.pk}/")
    expect(page.get_by_text("Internal Audit reviewed the activities.")).to_be_visible()
