"""Evidence in a real browser (issue 12): a lead officer attaches a file to a return, first one that only pretends to
be a PDF (the error summary says why, linked to the file upload), then a real PDF, listed with its download link;
a risk's owner attaches a file to a review from the risk's Reviews table. axe-core checks each page."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def _file(name: str, content: bytes) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": content}


def test_a_lead_officer_attaches_evidence_to_a_return(page, live_server, make_user, small_plan_file):
    from councilplan.monitoring.models import Return, Round
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    import_plan(small_plan_file, "Test plan")
    plan = Plan.objects.get(name="Test plan")
    activity = plan.activities.get(ref="1")
    lead = make_user("ann.lead", name="Ann Lead")
    activity.lead_officer = lead
    activity.save()
    round_ = Round.objects.create(
        plan=plan, label="2019-20 Q3", state=Round.State.OPEN,
        opens_at=timezone.now() - dt.timedelta(days=1), closes_at=timezone.now() + dt.timedelta(days=9),
    )  # fmt: skip
    ret = Return.objects.create(round=round_, activity=activity, state=Return.State.SUBMITTED)
    sign_in(page, live_server, lead)

    page.goto(f"{live_server.url}/returns/{ret.pk}/")
    expect(page.get_by_role("heading", name="Evidence")).to_be_visible()
    assert "No files are attached." in page.locator("main").inner_text()
    page.get_by_label("Attach a file").set_input_files(_file("minutes.pdf", PROGRAM))
    page.get_by_role("button", name="Attach the file").click()
    summary = page.locator(".govuk-error-summary")
    link = summary.get_by_role("link", name="The file is not a PDF, although its name ends .pdf")
    expect(link).to_be_visible()
    link.click()
    assert page.evaluate("() => document.activeElement.id") == "id_file"
    check_accessibility(page)
    screenshot(page, "return-evidence-error")

    page.get_by_label("Attach a file").set_input_files(_file("Board minutes.pdf", PDF))
    page.get_by_role("button", name="Attach the file").click()
    assert "Board minutes.pdf is attached to this return." in page.locator(".govuk-notification-banner").inner_text()
    files = page.get_by_role("table", name="Files attached")
    expect(files.get_by_role("link", name="Board minutes.pdf", exact=True)).to_be_visible()
    assert "Not published" in files.inner_text() and "by Ann Lead" in files.inner_text()
    check_accessibility(page)
    with page.expect_download() as download:
        files.get_by_role("link", name="Board minutes.pdf", exact=True).click()
    assert download.value.suggested_filename == "Board minutes.pdf"
    assert Path(download.value.path()).read_bytes() == PDF


def test_a_risk_owner_attaches_evidence_to_a_review(page, live_server, make_user, transactional_db):
    from risk_support import make_register, make_risk

    from councilplan.risks.services import set_owner_users

    risk = make_risk(make_register())
    owner = make_user("olive.owner", name="Olive Owner")
    set_owner_users(risk, [owner], user=None)
    sign_in(page, live_server, owner)
    page.goto(f"{live_server.url}/risks/{risk.code}/")
    page.get_by_role("table", name=f"Reviews of {risk.code}").get_by_role("link", name="Attach files").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review of 31 July 2017", use_inner_text=True)
    check_accessibility(page)
    page.get_by_label("Attach a file").set_input_files(_file("Review notes.pdf", PDF))
    page.get_by_role("button", name="Attach the file").click()
    expect(
        page.get_by_role("table", name="Files attached").get_by_role("link", name="Review notes.pdf", exact=True)
    ).to_be_visible()
    check_accessibility(page)
    screenshot(page, "risk-review-evidence")
    page.get_by_role("link", name=risk.code).first.click()
    expect(page.get_by_role("table", name=f"Reviews of {risk.code}").get_by_role("link", name="1 file")).to_be_visible()


def test_the_public_downloads_a_file_published_with_the_report(page, live_server, make_user, small_plan_file):
    from evidence_support import upload

    from councilplan.monitoring.models import Return, Round
    from councilplan.monitoring.services import attach_return_evidence
    from councilplan.plan.models import Plan
    from councilplan.plan.services import import_plan

    import_plan(small_plan_file, "Test plan")
    plan = Plan.objects.get(name="Test plan")
    round_ = Round.objects.create(
        plan=plan, label="2019-20 Q2", state=Round.State.PUBLISHED, public=True,
        opens_at=timezone.now() - dt.timedelta(days=30), closes_at=timezone.now() - dt.timedelta(days=1),
    )  # fmt: skip
    ret = Return.objects.create(round=round_, activity=plan.activities.get(ref="1"), state=Return.State.SUBMITTED)
    team = make_user("pat.policy", role="corporate")
    attach_return_evidence(ret, upload("Schools board minutes.pdf", PDF), team, publish=True)
    attach_return_evidence(ret, upload("Internal note.pdf", PDF), team)

    page.goto(f"{live_server.url}/public/reports/{round_.pk}/")  # not signed in
    expect(page.get_by_role("heading", name="Evidence published with this report")).to_be_visible()
    main = page.locator("main").inner_text()
    assert "Schools board minutes.pdf" in main and "Internal note.pdf" not in main
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Schools board minutes.pdf").click()
    assert download.value.suggested_filename == "Schools board minutes.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
