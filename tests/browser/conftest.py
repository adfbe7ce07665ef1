"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Fixtures: `browser` (one Chromium for the session), `page` (a fresh context, so fresh cookies, per test),
`password` and `make_user` (people to sign in as). Helpers, imported from here
(`from browser.conftest import sign_in, check_accessibility, screenshot`):

    sign_in(page, live_server, user, password)   signs in through the real sign-in form
    check_accessibility(page)                     axe-core, WCAG 2.0/2.1/2.2 A and AA: fails listing violations
    screenshot(page, name)                        full-page PNG at docs/screenshots/NAME.png

A test that uses `live_server` gets a transactional database (pytest-django asks for it), so what the test
writes is visible to the server's thread; a test may use the ORM directly, in the test, to set up its data.
Such a test empties every table when it ends, including the rows the data migrations wrote (the default
vocabularies), so every browser test starts from those rows again (serialized rollback), and browser tests run
after all other tests, which expect those rows.

Never downloads a browser: without /usr/bin/chromium the tests are skipped, except in CI (env CI set), where
that is a failure.
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from playwright.sync_api import Error as PlaywrightError

# The copy of the database pytest-django reloads for serialized rollback (see `_migration_data`) leaves out
# the rows the post-migrate signal makes. Set before the test database is made, which is after collection.
settings.TEST_NON_SERIALIZED_APPS = [
    *settings.TEST_NON_SERIALIZED_APPS,
    "django.contrib.contenttypes",
    "django.contrib.auth",
]

# Playwright's sync API runs an asyncio event loop in this thread, and Django refuses ORM calls from a thread
# with a running loop. The tests themselves are synchronous code (the loop only carries Playwright's own
# messages), so the ORM is safe to use from them.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "correct horse battery staple"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last (after pytest-django's own ordering): their flush must not empty others' tables."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def _migration_data(django_db_serialized_rollback):
    """Every browser test starts with the rows the migrations wrote, whatever ran before it.

    pytest-django reloads the rows it saved when it made the test database, except content types and
    permissions (left out of that copy above: a transactional test elsewhere may have re-created them
    with new ids), which the post-migrate signal re-creates here, as `migrate` does.
    """
    from django.core.management.sql import emit_post_migrate_signal

    emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = "Chromium not installed: apt-get install chromium (CI always installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI a missing browser is a failure, not a skip")
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # While Playwright runs, this thread has a running event loop, and Django then keeps its database
    # connections per async context rather than per thread: the tests would get new connection objects,
    # apart from the one the live server shares and without pytest-django's serialized rollback data.
    # So the loop's context gets the thread's own connections.
    thread_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def make_user(transactional_db):
    """make_user(username, role="lead_officer", name="", **fields) → a saved user whose password is PASSWORD."""
    from councilplan.core.models import User

    def make(username: str, role: str = User.Role.LEAD_OFFICER, name: str = "", **fields):
        user = User(username=username, role=role, name=name, email=f"{username}@example.gov.uk", **fields)
        user.set_password(PASSWORD)
        user.save()
        return user

    return make


def sign_in(page, live_server, user, password: str = PASSWORD) -> None:
    """Sign `user` in through the sign-in form and wait until the browser has left the sign-in page."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def check_accessibility(page) -> None:
    """Run axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page; fail listing every violation."""
    # A click that navigates returns once the next page has started loading; checking then could read a document
    # that is being replaced (on a busy machine it did). So wait for the page, and if a navigation still replaces
    # the document mid-check, check the new page once more.
    for attempt in (1, 2):
        page.wait_for_load_state("load")
        try:
            violations = _axe_violations(page)
            break
        except PlaywrightError as error:
            navigated = "documentElement" in str(error) or "Execution context was destroyed" in str(error)
            if attempt == 2 or not navigated:
                raise
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
            for node in violation["nodes"]:
                lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '')}".rstrip())
        pytest.fail("\n".join(lines), pytrace=False)


def _axe_violations(page) -> list:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Run through the DevTools protocol, which the page's Content Security Policy does not govern: a <script>
        # element added to the page would be refused (the policy allows only the site's own script files).
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        WCAG_TAGS,
    )


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG of the page to docs/screenshots/NAME.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path
