"""Budget monitoring in a real browser: the finance officer reads the position, enters a capital scheme's forecast
(the error summary keeps what was typed when real and rephasing do not add up to the variance), and reads the
reserves and the Cabinet report. axe (WCAG 2.2 AA) on every page visited; screenshots in
docs/screenshots/finance-*.png."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def budget(transactional_db, make_user):
    from finance_support import M, small_budget

    from councilplan.core.models import Team
    from councilplan.finance import services

    officer = make_user("fay.finance", name="Fay Finance")
    Team.objects.get_or_create(code="finance", defaults={"name": "Finance"})[0].members.add(officer)
    year, units, lines, position = small_budget()
    services.create_capital_line(
        code="NWOW", title="New Ways of Working", directorate=units[0].directorate, division="Property"
    )
    services.create_reserve(
        position, code="earmarked", name="Earmarked Reserves", opening=163 * M, projected=127 * M, user=None
    )
    return officer, position


def test_finance_officer_enters_a_capital_forecast_and_reads_the_report(page, live_server, budget):
    officer, position = budget
    sign_in(page, live_server, officer)
    page.goto(f"{live_server.url}/budget/")
    check_accessibility(page)
    screenshot(page, "finance-index")
    page.goto(f"{live_server.url}/budget/positions/{position.pk}/")
    check_accessibility(page)
    screenshot(page, "finance-position")

    page.goto(f"{live_server.url}/budget/positions/{position.pk}/capital/NWOW/")
    check_accessibility(page)
    page.get_by_label("Working budget for the year").fill("10,000,000")
    page.get_by_label("Forecast spend for the year").fill("9,000,000")  # a variance of −1,000,000 …
    page.get_by_label("Real variance", exact=True).fill("2127000")  # … that 2,127,000 − 3,000,000 is not
    page.get_by_label("Rephasing variance").fill("-3000000")
    page.get_by_label("Reasons for the variance").fill("Higher construction costs")
    page.get_by_role("button", name="Save").first.click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("must add up to the variance")
    assert page.get_by_label("Forecast spend for the year").input_value() in ("9,000,000", "9000000")
    assert page.get_by_label("Reasons for the variance").input_value() == "Higher construction costs"
    check_accessibility(page)
    screenshot(page, "finance-capital-error")
    page.get_by_label("Forecast spend for the year").fill("9,127,000")
    page.get_by_role("button", name="Save").first.click()
    assert page.locator(".govuk-error-summary").count() == 0

    page.goto(f"{live_server.url}/budget/positions/{position.pk}/reserves/")
    assert "Earmarked Reserves" in page.content()
    check_accessibility(page)
    screenshot(page, "finance-reserves")
    page.goto(f"{live_server.url}/budget/positions/{position.pk}/report/")
    check_accessibility(page)
    screenshot(page, "finance-report")
