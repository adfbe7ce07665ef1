"""Building the plan in a real browser: a lead officer submits an activity through the call for activity (one
mistake first, fixed from the error summary); the corporate team reviews it, scores it, short-lists it and
confirms the short list into the plan. axe-core checks every page on the way; the sample's long list is
screenshotted for the docs."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def cycle(transactional_db):
    from councilplan.core.models import Directorate, Outcome
    from councilplan.planning import services as cycle_services
    from councilplan.planning.sample import load_sample

    load_sample()  # the sample cycle SDP 2019-20 (closed) and its plan
    Directorate.objects.get_or_create(name="Growth, Environment and Transport")
    now = timezone.now()
    return cycle_services.create_cycle(
        name="SDP 2020-21",
        plan_name="Strategic Delivery Plan 2020-21",
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=41),
        guidance="Submit significant activity only.",
        cross_cutting_outcome=Outcome.objects.get(title="Corporate Enabling Activity"),
    )


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_submit_score_and_short_list_an_activity(page, live_server, cycle, make_user, password):
    from councilplan.plan.models import Activity
    from councilplan.planning.models import Submission

    lead = make_user("lena.lead", name="Lena Lead")
    corporate = make_user("cory.corporate", role="corporate", name="Cory Corporate")

    # A lead officer: Plan → the open cycle → Submit an activity.
    sign_in(page, live_server, lead, password)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Building the plan", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="SDP 2020-21", exact=True).click()
    check_accessibility(page)
    page.get_by_role("link", name="Submit an activity").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an activity", use_inner_text=True)
    check_accessibility(page)

    page.get_by_label("Headline: what does the activity intend to achieve?").fill(
        "Every Kent library open longer hours through self-service."
    )
    page.get_by_label(
        "Kent communities feel the benefits of economic growth by being in-work, healthy and enjoying a good "
        "quality of life"
    ).check()
    page.get_by_label("Strategy / policy development").check()
    page.get_by_label("Directorate", exact=True).select_option(label="Growth, Environment and Transport")
    end_date = page.get_by_role("group", name="End date", exact=True)
    for part, value in (("Day", "31"), ("Month", "3"), ("Year", "2022")):
        end_date.get_by_label(part).fill(value)
    page.get_by_role("group", name="Is the activity already in delivery?").get_by_label("No").check()
    page.get_by_role("group", name="Is it part of a project or programme?").get_by_label("Yes").check()
    page.get_by_role("group", name="Is it likely to need a key decision?").get_by_label("Yes").check()
    page.get_by_label("Revenue investment cost").fill("1.2m")
    page.get_by_label("Unsure: the capacity needed still has to be assessed").check()
    page.get_by_label("Strategic Commissioning").check()
    page.get_by_label("Finance").check()
    page.get_by_role("group", name="Equality impact assessment (EQIA) initial screening").get_by_label(
        "In progress"
    ).check()
    page.get_by_role("group", name="Data protection impact assessment (DPIA)").get_by_label("Not started").check()
    page.get_by_role("button", name="Submit the activity").click()

    # The mistake: no title. Everything else is kept.
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    summary.get_by_role("link", name="Enter the title of the activity").click()
    assert page.evaluate("document.activeElement.id") == "id_title"
    assert page.get_by_label("Revenue investment cost").input_value() == "1.2m"
    page.get_by_label("Title of the activity").fill("Library self-service for longer opening")
    page.get_by_role("button", name="Submit the activity").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Library self-service for longer opening")
    expect(page.get_by_text("submitted: Library self-service for longer opening")).to_be_visible()
    check_accessibility(page)
    submission = Submission.objects.get(cycle=cycle)
    assert (submission.submitted_by, str(submission.revenue_cost)) == (lead, "1200000.00")
    sign_out(page)

    # The corporate team: the long list, review, score, decide.
    sign_in(page, live_server, corporate, password)
    page.goto(f"{live_server.url}/plan/cycles/{cycle.pk}/long-list/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The long list", use_inner_text=True)
    check_accessibility(page)
    page.get_by_role("link", name="Library self-service for longer opening").click()
    check_accessibility(page)

    page.get_by_role("link", name="Review").click()
    check_accessibility(page)
    page.get_by_label("On the long list").check()
    page.get_by_role("button", name="Save the review").click()

    page.get_by_role("link", name="Score", exact=True).click()
    check_accessibility(page)
    for criterion, value in (("Strategic importance", "5"), ("Value", "4"), ("Risk", "4"), ("Complexity", "3")):
        page.get_by_role("group", name=f"{criterion} (weight 1)").get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Save the scores").click()
    expect(page.get_by_text("16 out of 20 (80.0%), rank 1 on the long list")).to_be_visible()

    page.get_by_role("link", name="Decide").click()
    check_accessibility(page)
    page.get_by_label("Short list").check()
    page.get_by_label("Note (optional)").fill("Agreed by Cabinet Members and CMT, 5 February")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("Activity 1: Short list.")).to_be_visible()
    check_accessibility(page)

    page.goto(f"{live_server.url}/plan/cycles/{cycle.pk}/ranking/")
    expect(page.locator("tbody tr").first.locator("td").first).to_have_text("1", use_inner_text=True)
    check_accessibility(page)

    # Confirming the short list makes the plan's activity, without typing it again.
    page.goto(f"{live_server.url}/plan/cycles/{cycle.pk}/confirm/")
    check_accessibility(page)
    page.get_by_role("button", name="Confirm the short list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic Delivery Plan 2020-21")
    check_accessibility(page)
    activity = Activity.objects.get(plan__name="Strategic Delivery Plan 2020-21")
    assert (activity.title, activity.lead_officer) == ("Library self-service for longer opening", lead)
    submission.refresh_from_db()
    assert submission.activity == activity and submission.decided_by == corporate

    # The sample's long list, filtered to one directorate's strategies, for the docs.
    sample = cycle.__class__.objects.get(name="SDP 2019-20")
    page.goto(f"{live_server.url}/plan/cycles/{sample.pk}/long-list/")
    page.get_by_label("Directorate").select_option(label="Strategic and Corporate Services")
    page.get_by_label("Type").select_option(label="Strategy / policy development")
    page.get_by_role("button", name="Apply", exact=True).click()
    expect(page.locator("caption")).to_contain_text("activities match the filters")
    check_accessibility(page)
    screenshot(page, "planning-long-list")
