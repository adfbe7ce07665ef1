"""The Power BI walk-through's steps that can be shown without Power BI (docs/open-data.md): an analyst opens their
API tokens from their home page, sees the error summary, creates a token, and the endpoint Power BI's web connector
reads answers JSON with that token in the header; the public pages link to open data. axe (WCAG 2.2 AA) on every
HTML page; screenshots in docs/screenshots/api-*.png."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser
KENT = "E10000016"


@pytest.fixture
def plan(transactional_db, small_plan_file):
    from councilplan.core.services import set_organisation
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    set_organisation(gss_code=KENT, name="Kent County Council")
    import_plan(small_plan_file, "Strategic Delivery Plan 2019-20")
    return Plan.objects.get(name="Strategic Delivery Plan 2019-20")


def test_an_analyst_creates_a_token_and_reads_an_endpoint(page, live_server, make_user, plan):
    from councilplan.api.models import ApiToken

    analyst = make_user("ana.analyst", "viewer", name="Ana Analyst")
    sign_in(page, live_server, analyst)
    page.get_by_role("link", name="Your API tokens").click()
    page.wait_for_url("**/account/api-tokens/")
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("button", name="Create a token").click()
    page.get_by_role("button", name="Create the token").click()  # without a name
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    expect(summary.get_by_role("link", name="Enter a name for the token")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Name of the token").fill("Power BI performance dashboard")
    when = dt.date.today() + dt.timedelta(days=90)  # the date offered: ninety days from today
    assert page.get_by_label("Year").input_value() == str(when.year)
    screenshot(page, "api-token-new")
    page.get_by_role("button", name="Create the token").click()
    page.get_by_role("heading", name="Token created").wait_for()
    token = page.get_by_label("Your token").input_value()
    assert ApiToken.objects.get().key_hash != token and len(token) > 30
    check_accessibility(page)
    screenshot(page, "api-token-created")
    page.get_by_role("link", name="Back to your tokens").click()
    page.get_by_role("cell", name="Power BI performance dashboard", exact=True).wait_for()
    assert token not in page.content()  # shown once only
    check_accessibility(page)
    screenshot(page, "api-tokens")

    # What Power BI's web connector does: GET the endpoint with the token in the Authorization header.
    reader = page.context.browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    try:
        endpoint = reader.new_page()
        endpoint.set_extra_http_headers({"Authorization": f"Bearer {token}"})
        response = endpoint.goto(f"{live_server.url}/api/v1/plans/{plan.pk}/activities?limit=2")
        assert response.status == 200 and response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert (body["count"], body["next_offset"], body["gss_code"]) == (3, 2, KENT)
        assert [a["ref"] for a in body["items"]] == ["1", "2"]
        screenshot(endpoint, "api-endpoint-json")  # the browser's view of JSON: not an HTML page for axe
        endpoint.set_extra_http_headers({"Authorization": "Bearer not-a-token"})
        assert endpoint.goto(f"{live_server.url}/api/v1/plans").status == 401
    finally:
        reader.close()


def test_the_public_finds_open_data_from_the_public_pages(page, live_server, plan):
    plan.published = True
    plan.save()
    page.goto(f"{live_server.url}/public/")
    page.get_by_role("link", name="open data").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_accessibility(page)
    screenshot(page, "api-open-data")
