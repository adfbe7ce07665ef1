"""A document made by the worker, in a real browser: the progress page (axe clean) says it is waiting, the real
worker makes it, and the page's script turns it into "ready" with a working download link, without a reload."""

import pytest
from playwright.sync_api import expect

from browser.conftest import check_accessibility, screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "kept")},
        },
    }


def test_the_progress_page_goes_from_queued_to_ready(page, live_server, make_user, queue):
    from report_support import Q2, make_plan
    from test_jobs_documents import run_worker

    from councilplan.monitoring.models import Round

    round_ = Round.objects.get(plan=make_plan("Browser plan", 6), label=Q2)
    page.set_default_timeout(60_000)  # a machine shared with other test runs is slow to answer
    sign_in(page, live_server, make_user("corporate.officer", role="corporate", name="Cora Porate"))
    page.goto(f"{live_server.url}/reports/{round_.pk}/")
    page.get_by_role("link", name="Word file of the 2019-20 Q2 report").click()
    page.wait_for_url("**/download/docx/?doc=*&job=progress")
    expect(page.get_by_role("status")).to_have_text("Waiting for its turn to be made.", use_inner_text=True)
    expect(page.get_by_role("link", name="Refresh this page")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "jobs-queued")

    run_worker()
    page.get_by_role("heading", name="Your document is ready").wait_for()
    assert (
        page.url.endswith("&job=progress") and "/download/docx/?doc=" in page.url
    )  # no reload: the script swapped the panel
    check_accessibility(page)
    screenshot(page, "jobs-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download sdp-monitoring-report-2019-20-Q2.docx").click()
    assert download.value.suggested_filename == "sdp-monitoring-report-2019-20-Q2.docx"
