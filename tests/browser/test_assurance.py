"""Corporate assurance in a real browser: the assurance officer records a DECA assessment (the error summary keeps
the ratings typed), then reads the bi-annual report with its charts; a PDM finds their project and records a
variation. axe (WCAG 2.2 AA) on every page visited; screenshots in docs/screenshots/assurance-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.assurance.sample import load_sample

    load_sample()


def test_assurance_officer_tiers_a_project_and_reads_the_report(page, live_server, make_user, sample):
    from councilplan.assurance.models import Project
    from councilplan.core.models import Team

    officer = make_user("ali.officer", name="Ali Officer")
    Team.objects.get_or_create(code="assurance", defaults={"name": "Corporate Assurance"})[0].members.add(officer)
    project = Project.objects.get(reference="Adults change project 10")
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/assurance/")
    check_accessibility(page)
    page.get_by_role("link", name="Projects and programmes").click()
    page.get_by_role("searchbox", name="Search").fill("Adults change project 10")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="Adults change project 10").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adults change project 10", use_inner_text=True)
    check_accessibility(page)
    screenshot(page, "assurance-project")
    page.get_by_role("link", name="Record a DECA assessment and tier").click()
    page.locator("#id_deca_stakeholders_0").check()
    page.get_by_role("button", name="Record the tier").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Select the tier decided")).to_be_visible()
    assert page.locator("#id_deca_stakeholders_0").is_checked()
    check_accessibility(page)
    screenshot(page, "assurance-deca-error")
    page.locator("#id_tier_0").check()
    page.get_by_role("button", name="Record the tier").click()
    assert "Tier decided." in page.locator(".govuk-notification-banner").inner_text()
    assert page.url == f"{live_server.url}/assurance/projects/{project.pk}/"
    page.goto(f"{live_server.url}/assurance/reports/")
    page.get_by_role("link", name="Corporate Assurance bi-annual report: March to August 2017").click()
    page.get_by_role("heading", name="D: Overall volumes by month").wait_for()
    check_accessibility(page)
    screenshot(page, "assurance-report")


def test_pdm_records_a_variation(page, live_server, make_user, sample):
    from councilplan.assurance.models import Portfolio

    pdm = make_user("pat.pdm", name="Pat Pdm")
    Portfolio.objects.filter(code="get").update(manager=pdm)
    sign_in(page, live_server, pdm)
    page.goto(f"{live_server.url}/assurance/projects/?portfolio=get&tier=1")
    check_accessibility(page)
    page.get_by_role("link", name="Javelin Way Development").click()
    page.get_by_role("link", name="Record a variation").click()
    page.get_by_label("Forecast cost").check()
    page.get_by_label("Change", exact=True).fill("abc")
    page.get_by_role("button", name="Save").click()
    # The same address answers the refused form: wait for the answer, not the page the click left.
    page.locator(".govuk-error-summary").wait_for()
    assert page.get_by_label("Change", exact=True).input_value() == "abc"
    check_accessibility(page)
    page.get_by_label("Change", exact=True).fill("250000")
    page.locator("#id_changed_on-day").fill("1")
    page.locator("#id_changed_on-month").fill("9")
    page.locator("#id_changed_on-year").fill("2017")
    page.get_by_label("Why it changed").fill("Ground conditions survey")
    page.get_by_role("button", name="Save").click()
    assert "Variation recorded." in page.locator(".govuk-notification-banner").inner_text()
    assert "£6.25m" in page.content()
    check_accessibility(page)
    screenshot(page, "assurance-variation")
