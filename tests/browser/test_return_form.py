"""A lead officer's return in a real browser, on KCC's sample plan with 2019-20 Q3 open.

They open My returns, open a return pre-filled from Q2, choose "It requires remedial action" (the issue
questions appear), fill in the issues and a milestone, submit with two mistakes, read the error summary, fix
them, submit, and see the return submitted on My returns; then the corporate team sees it on the round's
tracker. axe-core checks every page on the way.
"""

import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import SCREENSHOTS, check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser

PLAN = "KCC Strategic Delivery Plan 2019-20"


def screenshot_top(page, name: str, height: int) -> None:
    """The top of a long page: the form is some 8,000 pixels long, and the guide shows where it starts."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height},
        animations="disabled",
    )


@pytest.fixture
def q3(transactional_db):
    from django.core.management import call_command

    from councilplan.monitoring.models import Round

    call_command("load_sample", verbosity=0)
    now = timezone.now()
    return Round.objects.create(
        plan=Round.objects.get(plan__name=PLAN, label="2019-20 Q2").plan,
        label="2019-20 Q3",
        state=Round.State.OPEN,
        opens_at=now - dt.timedelta(days=1),
        closes_at=(now + dt.timedelta(days=13)).replace(hour=17, minute=0, second=0, microsecond=0),
    )


@pytest.fixture
def officer(q3, password):
    """The lead officer of activity 1, also a nominated colleague on activities 2 and 3."""
    from councilplan.plan.models import Activity

    activities = {a.ref: a for a in Activity.objects.filter(plan=q3.plan, ref__in=["1", "2", "3"])}
    person = activities["1"].lead_officer
    person.username, person.name = "alex.lead", "Alex Lead"
    person.set_password(password)
    person.save()
    for ref in ("2", "3"):
        activities[ref].colleagues.add(person)
    return person


def test_a_lead_officer_submits_a_not_on_track_return(page, live_server, q3, officer, password, make_user):
    from councilplan.monitoring.models import Return

    sign_in(page, live_server, officer, password)

    # My returns: three activities, nothing started yet.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My returns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My returns", use_inner_text=True)
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    assert "Not started" in rows.nth(0).inner_text()
    check_accessibility(page)

    # The form, pre-filled from Q2 (on track): the issue questions are hidden.
    rows.nth(0).get_by_role("link", name="Fill in").click()
    assert "Delivering the Kent Commissioning Plan for Education Provision" in page.locator("h1").inner_text()
    expect(page.get_by_text("We have filled in this form with your answers from 2019-20 Q2")).to_be_visible()
    assert page.get_by_label("Yes, it is on track").is_checked()
    issues = page.locator("#conditional-issues")
    assert issues.is_hidden()
    check_accessibility(page)

    # Not on track: the issue questions appear.
    page.get_by_label("It requires remedial action").check()
    expect(issues).to_be_visible()
    issues.get_by_label("Capacity").check()
    issues.get_by_label("Dependencies").check()
    issues.locator("#id_mitigations_0").check()  # Yes
    issues.get_by_label("What are the mitigating actions or escalations?").fill(
        "Interim officers start in October; escalated to the directorate management team."
    )
    issues.get_by_label("Project / programme").check()
    page.get_by_label("Describe the progress of the activity").fill(
        "The commissioning plan is drafted; two of the five district consultations are done. "
        "Next: consultation with the remaining districts."
    )
    # A mistake: 31 February. Another: no detail of the issues.
    page.locator("#id_milestone_key_decision_date-day").fill("31")
    page.locator("#id_milestone_key_decision_date-month").fill("2")
    page.locator("#id_milestone_key_decision_date-year").fill("2020")
    page.locator("#id_milestone_key_decision_text").fill("")  # Q2 said "Summer 2020": now there is a date
    page.locator("#id_milestone_consultation_start_text").fill("Spring 2020")
    page.locator("#id_form_rating_3").check()  # 4 stars
    check_accessibility(page)
    screenshot_top(page, "return-form", 2300)

    page.get_by_role("button", name="Submit", exact=True).click()

    # The error summary, linking to each field, with everything typed kept.
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    detail_link = summary.get_by_role("link", name="Describe the issues: when and why they occurred and their impact")
    date_link = summary.get_by_role("link", name="The date for Key decision taken must be a real date")
    expect(detail_link).to_be_visible()
    expect(date_link).to_be_visible()
    assert page.get_by_label("It requires remedial action").is_checked()
    expect(issues).to_be_visible()
    assert issues.get_by_label("Capacity").is_checked() and issues.get_by_label("Dependencies").is_checked()
    assert page.locator("#id_milestone_key_decision_date-day").input_value() == "31"
    assert (
        "two of the five district consultations"
        in page.get_by_label("Describe the progress of the activity").input_value()
    )
    check_accessibility(page)
    screenshot_top(page, "return-error-summary", 1500)

    detail_link.click()
    assert page.evaluate("document.activeElement.id") == "id_issue_detail"
    page.locator("#id_issue_detail").fill(
        "Two officers left the team in July (capacity). The plan depends on district councils' local plans."
    )
    page.locator("#id_milestone_key_decision_date-day").fill("28")
    page.get_by_role("button", name="Submit", exact=True).click()

    # Back on My returns: submitted.
    page.wait_for_url(f"{live_server.url}{reverse('monitoring:my_returns')}")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert "Submitted" in page.locator("tbody tr").nth(0).inner_text()
    assert "Change" in page.locator("tbody tr").nth(0).inner_text()
    check_accessibility(page)
    screenshot(page, "my-returns")

    saved = Return.objects.get(round=q3, activity__ref="1")
    assert (saved.state, saved.delivery_status, saved.issues) == (
        "submitted",
        "remedial_action",
        ["capacity", "dependencies"],
    )
    assert saved.milestones["key_decision"] == {"date": "2020-02-28", "estimated": False, "text": ""}
    assert saved.form_rating == 4

    # The return's page and its history.
    page.goto(f"{live_server.url}{reverse('monitoring:return_detail', args=[saved.pk])}")
    expect(page.get_by_text("It requires remedial action").first).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Every saved version").click()
    expect(page.get_by_role("heading", name="Version 1 (current)")).to_be_visible()
    expect(page.get_by_text("Saved by Alex Lead")).to_be_visible()
    check_accessibility(page)

    # The corporate team sees it submitted on the round's tracker (when that page exists).
    try:
        tracker = reverse("rounds:tracker", args=[q3.pk])
    except NoReverseMatch:
        pytest.skip("the corporate team's tracker (rounds:tracker) does not exist yet")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    corporate = make_user("cora.porate", role="corporate", name="Cora Porate")
    sign_in(page, live_server, corporate, password)
    page.goto(f"{live_server.url}{tracker}")
    row = page.locator("tr", has_text="Delivering the Kent Commissioning Plan for Education Provision")
    assert "Submitted" in row.inner_text()
    check_accessibility(page)


def test_without_javascript_the_issue_questions_stay_visible(browser, live_server, q3, officer, password):
    """Progressive enhancement: the form works with JavaScript off, showing every question."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        sign_in(page, live_server, officer, password)
        page.goto(f"{live_server.url}{reverse('monitoring:my_returns')}")
        page.locator("tbody tr").nth(1).get_by_role("link", name="Fill in").click()
        expect(page.locator("#conditional-issues")).to_be_visible()
        page.get_by_role("button", name="Save as draft").click()
        expect(page.get_by_text("Your draft was saved at")).to_be_visible()
    finally:
        context.close()
