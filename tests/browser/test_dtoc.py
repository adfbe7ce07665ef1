"""Delayed transfers of care in a real browser: the adult social care performance officer opens the weekly
dashboard from the performance index, enters the next week's figures (a mistake first, shown in the error
summary), and sees the week on the dashboard; axe on each page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from browser.conftest import SCREENSHOTS, check_accessibility, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(transactional_db):
    from councilplan.performance.sample.dtoc import load_dtoc

    load_dtoc()


def test_officer_reads_the_dashboard_and_enters_a_week(page, live_server, make_user, sample):
    from councilplan.performance.models import Indicator, Result, ResultPart

    officer = make_user("asc.officer", name="Adult Social Care Officer")
    Indicator.objects.filter(ref="DTOC").update(owner=officer)
    page.set_default_timeout(30_000)
    sign_in(page, live_server, officer)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    page.get_by_role("link", name="Delayed transfers of care: weekly dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Delayed transfers of care: weekly dashboard", use_inner_text=True
    )
    assert page.get_by_label("Week", exact=True).input_value() == "2017-11-23"
    kent = page.get_by_role("table", name="Kent acute hospitals: delayed days by week ending", exact=True)
    total = kent.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Total", exact=True))
    assert total.inner_text().split()[1:] == [
        "685",
        "770",
        "759",
        "788",
        "661",
        "650",
        "821",
        "744",
        "647",
        "636",
        "661",
        "524",
    ]
    check_accessibility(page)
    page.set_viewport_size({"width": 1280, "height": 1800})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dtoc-dashboard.png"), animations="disabled")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Enter a week's figures").click()
    assert page.get_by_label("Day").input_value() == "30"  # the week after the latest, prefilled
    check_accessibility(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Delayed days for the week ending 30/11/2017", use_inner_text=True
    )
    check_accessibility(page)
    page.locator("#id_DVH-nhs").fill("ninety")
    page.locator("#id_DVH-social_care").fill("12")
    page.locator("#id_DVH-both").fill("3")
    page.get_by_role("button", name="Save the week's figures").click()
    summary = page.locator(".govuk-error-summary")
    link = summary.get_by_role("link", name="Enter Darent Valley Hospital's NHS days as a number of whole or half days")
    expect(link).to_be_visible()
    assert page.locator("#id_DVH-social_care").input_value() == "12"  # kept as typed
    check_accessibility(page)

    page.locator("#id_DVH-nhs").fill("88")
    page.locator("#id_MED-both").fill("0.5")
    page.get_by_role("button", name="Save the week's figures").click()

    expect(page.get_by_text("Figures saved for the week ending 30/11/2017.")).to_be_visible()
    assert page.get_by_label("Week", exact=True).input_value() == "2017-11-30"
    result = Result.objects.get(indicator__ref="DTOC", period=dt.date(2017, 11, 30))
    assert result.value == 103.5 and result.updated_by == officer  # 88 + 12 + 3 + 0.5
    assert not ResultPart.objects.filter(result=result, breakdown_value__code="TWH").exists()  # not returned
    check_accessibility(page)
