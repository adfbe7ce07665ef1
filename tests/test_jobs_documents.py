"""Documents as jobs (councilplan.documents.jobs): asked for in the web, made by the real django-tasks database
worker, kept once per version of the data. The worker's own code runs: in this process (its `Worker` in batch
mode) or, where it must be stopped part way, as `councilplan db_worker` in a process of its own."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from report_support import Q2, make_plan

from councilplan.core.models import User
from councilplan.documents import jobs
from councilplan.documents.models import KeptDocument
from councilplan.monitoring.models import Return, Round

TESTS = Path(__file__).parent
DATABASE_WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """The real worker, in batch mode: every job waiting, then it stops."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def queue(settings, tmp_path):
    """Jobs go to the database queue (not made in the request), files to a folder of the test's own."""
    settings.TASKS = DATABASE_WORKER
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "kept")},
        },
    }
    return tmp_path / "kept"


@pytest.fixture
def plan(transactional_db, django_db_serialized_rollback):
    return make_plan("Jobs plan", 6)


@pytest.fixture
def officer(client):
    user = User.objects.create_user(username="reader", password="correct horse battery staple", role="corporate")
    client.force_login(user)
    return client


def test_the_report_asked_for_twice_of_unchanged_data_is_made_once_and_a_changed_return_makes_a_new_one(
    queue, plan, officer
):
    round_ = Round.objects.get(plan=plan, label=Q2)
    url = f"/reports/{round_.pk}/download/docx/"

    first = officer.get(url)
    asked = KeptDocument.objects.get()
    # The progress page's address names the document asked for.
    assert first.status_code == 303 and first["Location"] == f"{url}?doc={asked.pk}&job=progress"
    page = officer.get(first["Location"])
    assert page.status_code == 200
    assert "Waiting for its turn to be made." in page.content.decode()
    refresh = f'href="/reports/{round_.pk}/download/docx/?doc={asked.pk}&amp;job=progress"'
    assert refresh in page.content.decode()  # the refresh link
    assert "councilplan-document-progress.js" in page.content.decode()
    # Asked again before the worker got to it: still the one job.
    assert officer.get(url).status_code == 303
    assert DBTaskResult.objects.count() == 1

    run_worker()
    ready = officer.get(f"{url}?job=progress").content.decode()
    document = KeptDocument.objects.get()
    assert document.state == "ready" and document.size > 1000
    assert "Your document is ready" in ready
    assert f'href="/reports/{round_.pk}/download/docx/?doc={asked.pk}"' in ready
    assert "sdp-monitoring-report-2019-20-Q2.docx" in ready
    assert re.search(r"\(Word, \d+(\.\d)?\xa0KB\)", ready)

    kept = officer.get(url)
    assert kept.status_code == 200
    assert kept["Content-Disposition"] == 'attachment; filename="sdp-monitoring-report-2019-20-Q2.docx"'
    assert kept.content == (queue / document.file.name).read_bytes()
    assert officer.get(url).content == kept.content
    assert DBTaskResult.objects.count() == 1  # made once, given three times

    # An officer changes a return: the next request is for a new version, made anew; the old file goes.
    changed = Return.objects.filter(round=round_).first()
    changed.progress = "Moved on since the report was made."
    changed.save()
    assert officer.get(url).status_code == 303
    assert DBTaskResult.objects.count() == 2
    run_worker()
    remade = officer.get(url)
    assert remade.status_code == 200 and remade.content[:2] == b"PK"
    assert KeptDocument.objects.count() == 1
    assert not (queue / document.file.name).exists()


def test_the_progress_page_follows_the_document_asked_for_while_the_data_keeps_changing(queue, plan, officer):
    """Officers save returns while the corporate team waits for the report: each refresh of the progress page
    must not ask for a new document (it never would be ready); the one asked for is made and given."""
    round_ = Round.objects.get(plan=plan, label=Q2)
    url = f"/reports/{round_.pk}/download/docx/"
    progress = officer.get(url)["Location"]
    asked = KeptDocument.objects.get()
    returns = list(Return.objects.filter(round=round_)[:3])
    for n, changed in enumerate(returns):
        changed.progress = f"Saved again, time {n}."
        changed.save()
        assert officer.get(progress).status_code == 200  # a refresh, after the data changed
    assert KeptDocument.objects.count() == 1 and DBTaskResult.objects.count() == 1

    run_worker()
    ready = officer.get(progress).content.decode()
    assert "Your document is ready" in ready
    download = officer.get(f"{url}?doc={asked.pk}")
    assert download.status_code == 200 and download.content[:2] == b"PK"
    # Without the document named, the address asks for the data as it is now: a new version, a new job.
    assert officer.get(url).status_code == 303
    assert KeptDocument.objects.count() == 2 and DBTaskResult.objects.count() == 2


def test_a_document_named_in_the_address_is_given_only_for_its_own_request(queue, plan, client):
    """`?doc=` names a document, but never gives one asked for with other parameters (another round, or one
    with exempt information): that address is then an ordinary request of its own."""
    round_ = Round.objects.get(plan=plan, label=Q2)
    url = f"/reports/{round_.pk}/download/docx/"
    client.force_login(User.objects.create_user(username="corporate", role="corporate"))
    client.get(url)
    run_worker()
    cleared = KeptDocument.objects.get()
    client.force_login(User.objects.create_user(username="member", role="viewer"))
    answer = client.get(f"{url}?doc={cleared.pk}")
    assert answer.status_code == 303  # not the cleared reader's file: a job of the member's own
    own = KeptDocument.objects.exclude(pk=cleared.pk).get()
    assert answer["Location"] == f"{url}?doc={own.pk}&job=progress"
    assert own.params["include_exempt"] is False and cleared.params["include_exempt"] is True
    assert client.get(f"{url}?doc=nonsense").status_code == 303
    assert KeptDocument.objects.count() == 2


def test_who_may_not_see_exempt_information_is_never_given_the_kept_file_of_one_who_may(queue, plan, client):
    round_ = Round.objects.get(plan=plan, label=Q2)
    url = f"/reports/{round_.pk}/download/docx/"
    client.force_login(User.objects.create_user(username="corporate", role="corporate"))
    client.get(url)
    run_worker()
    client.force_login(User.objects.create_user(username="member", role="viewer"))
    assert client.get(url).status_code == 303  # a job of its own: no exempt information in it
    assert KeptDocument.objects.values_list("params__include_exempt", flat=True).distinct().count() == 2
    client.logout()
    assert client.get(f"{url}?job=progress").status_code == 302  # to sign in


def test_a_failed_job_shows_its_reason_and_can_be_tried_again(
    queue, transactional_db, django_db_serialized_rollback, tmp_path, rf
):
    import jobs_support

    broken = tmp_path / "broken"
    broken.write_text("yes")
    params = {"fail_while": str(broken)}

    def ask(query: str = ""):
        request = rf.get(f"/somewhere/{query}")
        request.user = User(username="anyone")
        return jobs.respond(request, jobs_support.flaky, params=params, fmt="txt", version=(1,), title="The figures")

    assert ask().status_code == 303
    run_worker()
    document = KeptDocument.objects.get()
    assert document.state == "failed"
    assert DBTaskResult.objects.get().status == "FAILED"  # and the worker's record says so too
    page = ask("?job=progress").content.decode()
    assert "It could not be made." in page
    assert "ValueError: The figures for round 7 could not be read" in page
    assert '<input type="hidden" name="job" value="retry">' in page
    assert "Download" not in page
    # The public are told it failed, not why (the reason can name a file or a record), and given a reference.
    request = rf.get("/somewhere/?job=progress")
    request.user = AnonymousUser()
    public = jobs.respond(request, jobs_support.flaky, params=params, fmt="txt", version=(1,), title="The figures")
    public_page = public.content.decode()
    assert "It could not be made." in public_page and f"reference D{document.pk}" in public_page
    assert "ValueError" not in public_page and "round 7" not in public_page
    # Asking again without retrying does not make it again behind the person's back.
    assert ask().status_code == 303 and DBTaskResult.objects.count() == 1

    broken.unlink()  # whatever was wrong is put right
    retried = ask("?job=retry")
    assert retried.status_code == 303 and retried["Location"] == f"/somewhere/?doc={document.pk}&job=progress"
    assert KeptDocument.objects.get().state == "queued"
    assert "Waiting for its turn" in ask("?job=progress").content.decode()
    run_worker()
    document.refresh_from_db()
    assert (document.state, document.attempt, document.reason) == ("ready", 2, "")
    assert ask().content == b"The figures, at last."
    assert ask("?job=retry").status_code == 303 and DBTaskResult.objects.count() == 2  # nothing to retry


def test_a_kept_file_lost_from_the_storage_is_made_again_not_offered(queue, plan, officer):
    round_ = Round.objects.get(plan=plan, label=Q2)
    url = f"/reports/{round_.pk}/download/pdf/?scorecards=1"
    officer.get(url)
    run_worker()
    document = KeptDocument.objects.get()
    (queue / document.file.name).write_bytes(b"%PDF-1.7 cut short")  # not the file that was made
    assert officer.get(url).status_code == 303
    assert KeptDocument.objects.get().state == "queued"
    run_worker()
    made = officer.get(url)
    assert made.status_code == 200 and made.content.startswith(b"%PDF") and len(made.content) > 1000


WORKER_ENV_SCRIPT = """
import json, os, sys, time
import django
django.setup()
from django.core.files.storage import storages
from councilplan.documents import jobs
from councilplan.documents.models import KeptDocument
import jobs_support
"""


def _run(env: dict, script: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", WORKER_ENV_SCRIPT + textwrap.dedent(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="stops the worker with SIGKILL")
def test_a_worker_killed_part_way_leaves_the_job_to_be_retried_and_offers_no_half_made_file(tmp_path):
    """The worker is `councilplan db_worker` in a process of its own, on a database of its own (a file, so that
    two processes share it), killed outright while it makes the document."""
    councilplan = Path(sys.executable).with_name("councilplan")
    env = {
        **os.environ,
        "COUNCILPLAN_ENV": "development",
        "DJANGO_SETTINGS_MODULE": "councilplan.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        "COUNCILPLAN_TASKS_BACKEND": "database",
        "COUNCILPLAN_DOCUMENTS_DIR": str(tmp_path / "kept"),
        "COUNCILPLAN_DOCUMENT_STALLED_SECONDS": "2",
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
    }
    migrate = subprocess.run([councilplan, "migrate", "--noinput"], env=env, capture_output=True, text=True)
    assert migrate.returncode == 0, migrate.stderr
    begun = tmp_path / "begun"
    asked = _run(
        env,
        f"""
        document = jobs.request_document(jobs_support.slow, params={{"begun": {str(begun)!r}}}, fmt="pdf",
                                         version=(1,), title="A long document")
        print(json.dumps({{"id": document.pk, "state": document.state}}))
        """,
    )
    assert asked["state"] == "queued"

    worker = subprocess.Popen(
        [councilplan, "db_worker", "--no-startup-delay", "--interval", "0.1", "--no-reload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not begun.exists():
            assert worker.poll() is None, "the worker stopped by itself"
            assert time.monotonic() < deadline, "the worker never began the job"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)

    seen = _run(
        env,
        f"""
        document = KeptDocument.objects.get(pk={asked["id"]})
        before = (document.state, document.file.name)
        time.sleep(2.5)  # no word from its worker for longer than COUNCILPLAN_DOCUMENT_STALLED_SECONDS
        document.refresh_from_db()
        files = sorted(str(p) for p in __import__("pathlib").Path(os.environ["COUNCILPLAN_DOCUMENTS_DIR"]).rglob("*"))
        print(json.dumps({{"before": before, "stalled": jobs.stalled(document), "files": files,
                           "retried": jobs.retry(document)}}))
        """,
    )
    assert seen["before"] == ["making", ""]  # being made, and no file to offer
    assert seen["stalled"] is True
    assert seen["files"] == []
    assert seen["retried"] is True

    again = subprocess.run(
        [councilplan, "db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    made = _run(
        env,
        f"""
        document = KeptDocument.objects.get(pk={asked["id"]})
        with storages["documents"].open(document.file.name) as kept:
            content = kept.read().decode()
        print(json.dumps({{"state": document.state, "attempt": document.attempt, "content": content}}))
        """,
    )
    assert made == {"state": "ready", "attempt": 2, "content": "%PDF-1.7 every page"}
