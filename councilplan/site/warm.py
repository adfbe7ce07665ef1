"""The published pages worked out again by the worker after a change, so that the first reader does not wait.

The home dashboard's published part, the round's report page and its public page and PDF are kept per version of
the round's data (reports.selectors.data_version). At 5,000 activities the first reader after a change waited
two seconds or more while the report was worked out again. Now any change to what a published round's report is
made of (reports.models.REPORT_DATA: a published round's return or commentary, a round, an activity, an
outcome, a vocabulary's wording) asks the document worker, once the change is committed, to work those pages out
for the latest published round of each plan, and to keep them in the cache that the web workers read.

It needs a cache the worker shares with the web workers (the default files under DATA_DIR, or Redis), and a
worker: with the immediate task backend (the tests of the pages) nothing is asked, since working the pages out
inside the request that changed the data would only move the wait to the person changing it. The returns and
commentary of a round not yet published feed no published round's pages, so the officers' saves in an open round
ask for nothing.
"""

from __future__ import annotations

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from councilplan.monitoring.models import Return, Round
from councilplan.reports.models import REPORT_DATA, Commentary

# Set while a warm-up is queued and not yet started: changes meanwhile are covered by it, so a burst of changes
# (an import of a thousand returns) queues one. The task clears it first, so a change made once it has started
# asks for another. The timeout lets a warm-up lost with no worker running be asked for again.
PENDING = "warm-published-pages"
PENDING_SECONDS = 600
# A round's own records: they change a published round's pages only when that round is published.
ROUNDS_OWN = (Return, Commentary)


@task()
def warm_published_pages() -> str:
    """Works out and keeps the published pages of the latest published round of each plan (those not already
    kept for the data as it is now cost one look in the cache each)."""
    # Imported here, not above: this module is loaded when the apps are (to listen for changes), and the pages'
    # builders would add their import to every command's start-up.
    from councilplan.monitoring.selectors import latest_published_round
    from councilplan.reports.page import public_report_page, public_report_pdf, report_page

    from .dashboard import published_part

    cache.delete(PENDING)
    latest_per_plan = {}
    for round_ in Round.objects.filter(state=Round.State.PUBLISHED).select_related("plan").order_by("label"):
        latest_per_plan[round_.plan_id] = round_
    for round_ in latest_per_plan.values():
        for include_exempt in (False, True):
            report_page(round_, None, include_exempt)
        if round_.public:
            public_report_page(round_, None)
            public_report_pdf(round_, None)
    dashboard_round = latest_published_round()
    if dashboard_round is not None:
        for include_exempt in (False, True):
            published_part(dashboard_round, include_exempt)
    return f"{len(latest_per_plan)} rounds"


def _ask() -> None:
    if cache.add(PENDING, True, timeout=PENDING_SECONDS):
        warm_published_pages.enqueue()


def _round_published(sender, instance) -> bool:
    # The services save a return or commentary with its round already read: no query then.
    if sender.round.is_cached(instance):
        return instance.round.state == Round.State.PUBLISHED
    return Round.objects.filter(pk=instance.round_id, state=Round.State.PUBLISHED).exists()


def _changed(sender, instance, **kwargs) -> None:
    if isinstance(warm_published_pages.get_backend(), ImmediateBackend) or isinstance(caches["default"], LocMemCache):
        return  # no worker, or a cache the worker's work would not reach
    if sender in ROUNDS_OWN and not _round_published(sender, instance):
        return
    # robust: a queue that cannot be reached is logged, never an error for the person whose change was saved.
    transaction.on_commit(_ask, robust=True)


def connect() -> None:
    for model in REPORT_DATA:
        post_save.connect(_changed, sender=model, dispatch_uid=f"warm-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"warm-delete-{model._meta.label}")
