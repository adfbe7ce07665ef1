"""The published pages worked out by the worker after a change (site/warm.py): the home dashboard's published
part, the round's report page (for readers cleared for exempt information and not) and its public page and PDF,
kept in a cache the web workers share, so that the first reader after a change reads them like the second.

The real django-tasks database queue and worker (in batch mode, in this process) and Django's file cache, the
default outside the tests, in a folder of the test's own."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from test_jobs_documents import DATABASE_WORKER, run_worker

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.reports.services import save_commentary
from councilplan.site.warm import PENDING

# The worker closes its database connection when it is done, as it does between jobs: the tests that run it
# commit for real (their rows are flushed after, and the migrations' vocabularies put back).
on_real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def worker_and_shared_cache(settings, tmp_path):
    settings.TASKS = DATABASE_WORKER
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    }


def queries_of(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode(errors="replace")


@on_real_commits
def test_a_change_to_a_published_round_has_its_pages_worked_out_by_the_worker_before_anyone_reads_them(
    worker_and_shared_cache, client, sample_plan
):
    corporate = User.objects.create(username="cora", role="corporate", name="Cora Porate")
    viewer = User.objects.create(username="vic", role="viewer", name="Vic Viewer")
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    assert q2.state == Round.State.PUBLISHED and q2.public
    client.force_login(corporate)
    assert "81% (64) of activities are on track" in client.get("/").text  # read before the change, as it is

    DBTaskResult.objects.all().delete()  # what loading the sample asked for
    cache.delete(PENDING)

    # Two changes to the published round, each committed, as a corporate officer correcting it would make them.
    ret = Return.objects.filter(round=q2, delivery_status="on_track").order_by("activity__sort_key").first()
    ret.delivery_status = "unlikely"
    ret.save()
    with transaction.atomic():
        save_commentary(q2, None, {"overview": "Corrected after publication."}, corporate)
    # One warm-up asked for both: the second change came while the first was still queued.
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL

    # The first readers after the change: each page's queries are those of a reader of a kept page (the
    # report's inputs are not read), and the figures are the changed ones (64 on track before, 63 now).
    for user in (viewer, corporate):
        client.force_login(user)
        for url in ("/", f"/reports/{q2.pk}/"):
            first, text = queries_of(client, url)
            again, _ = queries_of(client, url)
            assert first == again, (user.role, url)
        assert "80% (63) of activities are on track" in queries_of(client, "/")[1]
    client.logout()
    first, text = queries_of(client, f"/public/reports/{q2.pk}/")
    assert first == queries_of(client, f"/public/reports/{q2.pk}/")[0]
    assert "Corrected after publication." in text
    with CaptureQueriesContext(connection) as pdf:
        response = client.get(f"/public/reports/{q2.pk}/report.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert len(pdf) <= 10  # the round and the data version: the PDF is the kept one, not made again


@pytest.mark.django_db
def test_without_the_worker_the_first_reader_works_the_page_out(
    worker_and_shared_cache, client, sample_plan, django_capture_on_commit_callbacks
):
    """The control for the test above: the same change with the warm-up not run leaves the first reader to
    work the page out (many more queries than the second)."""
    viewer = User.objects.create(username="vic", role="viewer", name="Vic Viewer")
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    with django_capture_on_commit_callbacks(execute=True):
        ret = Return.objects.filter(round=q2, delivery_status="on_track").order_by("activity__sort_key").first()
        ret.delivery_status = "unlikely"
        ret.save()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    client.force_login(viewer)
    client.get("/accessibility/")  # (the first page read at all makes a setting or two)
    first, text = queries_of(client, "/")
    again, _ = queries_of(client, "/")
    assert first > again + 5
    assert "80% (63) of activities are on track" in text


@pytest.mark.django_db
def test_the_officers_saves_in_an_open_round_ask_for_nothing(
    worker_and_shared_cache, sample_plan, django_capture_on_commit_callbacks
):
    q3 = Round.objects.create(plan=sample_plan, label="2019-20 Q3", state=Round.State.OPEN)
    DBTaskResult.objects.all().delete()  # opening a round is a change to the plan's rounds: asked for once
    cache.delete(PENDING)
    activity = sample_plan.activities.order_by("sort_key").first()
    with django_capture_on_commit_callbacks(execute=True):
        ret = Return.objects.create(round=q3, activity=activity, state="draft", delivery_status="on_track")
        ret.progress = "Saved as a draft"
        with CaptureQueriesContext(connection) as save:
            ret.save()
    assert DBTaskResult.objects.count() == 0
    # The return's round was read already (as the services read it): the listener asks nothing more of it.
    assert not [q["sql"] for q in save.captured_queries if '"monitoring_round"' in q["sql"]]


@pytest.mark.django_db
def test_with_no_worker_nothing_is_asked_for(client, sample_plan, django_capture_on_commit_callbacks):
    """The tests' own configuration: documents made in the request (the immediate backend), the cache in each
    process's memory. Working the pages out inside the request that changed the data would only move the wait
    to the person changing it: nothing is asked, and the next reader works the page out."""
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ret = Return.objects.filter(round=q2).order_by("activity__sort_key").first()
        ret.progress = "Changed"
        ret.save()
    assert callbacks == []
