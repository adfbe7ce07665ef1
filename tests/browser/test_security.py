"""The Content Security Policy in a real browser: no page breaks it (GOV.UK Frontend starts, the charts keep
their styles), and an expired sign-in loses nothing typed into a return."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import check_accessibility, sign_in

pytestmark = pytest.mark.browser

# Recorded by the page itself: an init script runs before the page's own and is not governed by its policy.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample || ''}`.trim());
});
"""


@pytest.fixture
def q3(transactional_db):
    from councilplan.monitoring.models import Round

    call_command("load_sample", verbosity=0)
    q2 = Round.objects.get(label="2019-20 Q2")
    now = timezone.now()
    q3 = Round.objects.create(
        plan=q2.plan,
        label="2019-20 Q3",
        state=Round.State.OPEN,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=13),
    )
    return q3


def violations(page) -> list[str]:
    return page.evaluate("window.__violations || []")


def test_no_page_breaks_the_content_security_policy(page, live_server, make_user, q3):
    from councilplan.monitoring.models import Round

    q2 = Round.objects.get(label="2019-20 Q2")
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.context.add_init_script(RECORD_VIOLATIONS)
    admin = make_user("ada", role="administrator", name="Ada Admin")
    sign_in(page, live_server, admin)

    paths = [
        "/",
        f"/reports/{q2.pk}/",
        f"/reports/{q2.pk}/scorecards/",
        "/risks/",
        "/performance/",
        f"/rounds/{q3.pk}/tracker/",
        "/admin/",
        "/admin/core/user/",
    ]
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert violations(page) == [], path
        # GOV.UK Frontend's script ran: it marks the page as supported and starts its components.
        assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')") or path.startswith(
            "/admin/"
        ), path
    assert not [text for text in console if "Content Security Policy" in text]

    # The charts are drawn with their colours (style attributes and the chart's own <style> are allowed).
    page.goto(f"{live_server.url}/reports/{q2.pk}/")
    fill = page.evaluate("getComputedStyle(document.querySelector('.app-chart__drawing svg [style*=\"fill\"]')).fill")
    assert fill not in ("", "rgb(0, 0, 0)")
    assert violations(page) == []


def test_an_expired_sign_in_keeps_what_was_typed(page, live_server, q3, password):
    from councilplan.monitoring.models import Return
    from councilplan.plan.models import Activity

    activity = Activity.objects.get(plan=q3.plan, ref="1")
    officer = activity.lead_officer
    officer.username = "alex.lead"
    officer.set_password(password)
    officer.save()
    sign_in(page, live_server, officer, password)
    page.goto(f"{live_server.url}/returns/round/{q3.pk}/activity/{activity.pk}/")
    words = "Half an hour of typing about the district consultations."
    page.get_by_label("Describe the progress of the activity").fill(words)

    # The sign-in expires while the officer types.
    page.context.clear_cookies(name="sessionid")
    page.get_by_role("button", name="Save as draft").click()

    page.wait_for_url(lambda url: "/accounts/login/" in url)
    expect(page.get_by_text("what you typed has been kept")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Username").fill("alex.lead")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(lambda url: "/returns/round/" in url)
    expect(page.get_by_text("You were signed out before your answers were saved")).to_be_visible()
    assert page.get_by_label("Describe the progress of the activity").input_value() == words
    assert not Return.objects.filter(round=q3, activity=activity).exists()
    check_accessibility(page)

    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(lambda url: "/returns/round/" in url)
    assert Return.objects.get(round=q3, activity=activity).progress == words


def test_the_public_pages_are_accessible_without_signing_in(page, live_server, q3):
    from councilplan.monitoring.models import Round
    from councilplan.plan.models import Activity, Plan

    q2 = Round.objects.get(label="2019-20 Q2")
    Plan.objects.filter(pk=q2.plan_id).update(published=True)
    Activity.objects.filter(plan=q2.plan, ref="1").update(exempt=True, title="Sale of the exempt site")
    page.context.add_init_script(RECORD_VIOLATIONS)

    page.goto(f"{live_server.url}/public/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Published plans and reports", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="2019-20 Q2").click()
    expect(page.get_by_text("exempt under Schedule 12A")).to_be_visible()
    assert "Sale of the exempt site" not in page.content()
    assert violations(page) == []
    check_accessibility(page)
    page.goto(f"{live_server.url}/public/")
    page.get_by_role("link", name="summary").click()
    assert "Sale of the exempt site" not in page.content()
    check_accessibility(page)
