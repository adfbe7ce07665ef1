"""The web shell in a real browser: sign in, sign out, the error pages, and accessibility on each."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_sign_in_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in", use_inner_text=True)
    check_accessibility(page)
    screenshot(page, "sign-in")


def test_wrong_password_shows_the_error_summary(page, live_server, make_user):
    make_user("ann.officer", name="Ann Officer")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("ann.officer")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link", name="Please enter a correct username and password")).to_be_visible()
    assert page.title().startswith("Error: Sign in")
    check_accessibility(page)
    screenshot(page, "sign-in-error")

    # The summary's link takes the user to the first field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_username"


def test_lead_officer_signs_in_to_home(page, live_server, make_user, password):
    officer = make_user("ann.officer", name="Ann Officer")

    sign_in(page, live_server, officer, password)

    assert page.url == f"{live_server.url}/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ann Officer", use_inner_text=True)
    navigation = page.get_by_role("navigation", name="Menu")
    assert navigation.get_by_role("link", name="Dashboard").get_attribute("aria-current") == "page"
    assert navigation.get_by_role("link", name="Admin").count() == 0
    check_accessibility(page)
    screenshot(page, "home-lead-officer")


def test_administrator_sees_admin_in_the_navigation(page, live_server, make_user, password):
    administrator = make_user("ada.admin", role="administrator", name="Ada Admin")

    sign_in(page, live_server, administrator, password)

    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Admin")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "home-administrator")


def test_sign_out(page, live_server, make_user, password):
    officer = make_user("ann.officer", name="Ann Officer")
    sign_in(page, live_server, officer, password)

    page.get_by_role("button", name="Sign out").click()

    page.wait_for_url(f"{live_server.url}/accounts/login/")
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url  # signed out: home sends us back to sign in


def test_page_not_found_is_accessible(page, live_server):
    response = page.goto(f"{live_server.url}/no-such-page/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found", use_inner_text=True)
    check_accessibility(page)
    screenshot(page, "page-not-found")


def test_password_reset_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="I have forgotten my password").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password", use_inner_text=True)
    check_accessibility(page)
    screenshot(page, "password-reset")


def test_narrow_screen_menu_is_accessible(page, live_server, make_user, password):
    officer = make_user("ann.officer", name="Ann Officer")
    page.set_viewport_size({"width": 375, "height": 700})
    sign_in(page, live_server, officer, password)

    page.get_by_role("button", name="Menu").click()

    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "home-narrow-menu-open")


def test_pages_load_every_asset_and_no_gov_uk_font(page, live_server, make_user, password):
    failures, fonts, errors = [], [], []
    page.on("response", lambda response: response.status >= 400 and failures.append((response.status, response.url)))
    page.on("request", lambda request: request.resource_type == "font" and fonts.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    officer = make_user("ann.officer", name="Ann Officer")

    sign_in(page, live_server, officer, password)

    assert failures == []
    assert fonts == []  # GDS Transport is for GOV.UK only: councilplan.css sets Arial
    assert errors == []
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily") == "arial, sans-serif"


def test_browser_tests_start_with_the_migrations_data(transactional_db):
    """The tests above emptied the tables when they ended; the harness puts the migrations' rows back."""
    from councilplan.core.models import VocabularyTerm

    assert VocabularyTerm.objects.exists()
