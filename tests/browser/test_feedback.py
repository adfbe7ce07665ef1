"""Customer feedback in a real browser: an officer logs a complaint (the error summary keeps what was typed); the
service's coordinator finds it in the caseload, opens the record and records the reply; the team reads the
report. axe (WCAG 2.2 AA) on every page visited; screenshots in docs/screenshots/feedback-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_log_a_complaint_and_reply_to_it(page, live_server, make_user):
    from councilplan.core.models import Team
    from councilplan.feedback import services
    from councilplan.feedback.models import Case

    officer = make_user("olive.officer", name="Olive Officer")
    coordinator = make_user("cora.coordinator", name="Cora Coordinator")
    team = make_user("tess.team", name="Tess Team")
    Team.objects.get_or_create(code="customer_feedback", defaults={"name": "Customer feedback team"})[0].members.add(
        team
    )
    highways = services.save_service("Highways, Transportation and Waste Management")
    services.set_service_people(highways, coordinators=[coordinator], manager=None)

    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/feedback/records/new/")
    check_accessibility(page)
    page.get_by_label("Complaint", exact=True).check()
    page.get_by_label("Service concerned").select_option(label="Highways, Transportation and Waste Management")
    page.get_by_label("Name", exact=True).fill("Pat Resident")
    page.get_by_label("How they want to be contacted").select_option("email")
    page.get_by_role("button", name="Log it").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter what it is about")).to_be_visible()
    assert page.get_by_label("Name", exact=True).input_value() == "Pat Resident"
    check_accessibility(page)
    screenshot(page, "feedback-log-error")
    page.get_by_label("What it is about").fill("Pothole outside the school on Station Road")
    page.get_by_label("Email address").fill("pat@example.com")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Feedback logged", use_inner_text=True)
    check_accessibility(page)
    case = Case.objects.get()

    page.context.clear_cookies()
    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/feedback/")
    check_accessibility(page)
    screenshot(page, "feedback-caseload")
    page.get_by_role("link", name="Highways, Transportation and Waste Management").click()
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(case.reference, use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="Record the reply to Stage 1: local resolution").click()
    page.get_by_label("Upheld", exact=True).check()
    page.get_by_label("The reply (or a summary of it)").fill("Repaired on 5 January.")
    page.get_by_role("button", name="Save").click()
    assert "Reply recorded" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)
    screenshot(page, "feedback-record")

    page.context.clear_cookies()
    sign_in(page, live_server, team)
    page.goto(f"{live_server.url}/feedback/report/")
    expect(page.get_by_role("heading", name="Complaints monitoring")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "feedback-report")
