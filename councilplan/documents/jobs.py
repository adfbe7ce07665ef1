"""Documents as jobs: a download that takes more than a moment is asked for, made by a worker, and kept.

A system's download view checks who may see the document, then hands over in one call:

    return jobs.respond(request, round_file, params={"round": round_.pk, ...}, fmt="pdf",
                        version=data_version(round_), title="Q2 report")

where `round_file` is the system's maker, `@jobs.maker`-decorated: a function `(params, fmt, progress) -> Output`
that the worker calls with the same parameters. The first request queues the job and shows a progress page
(queued, being made with its step, ready with its size and a link, or failed with the reason and a button to try
again); the page refreshes itself with a small script, or by its refresh link without one. Once made, the file is
kept in the `documents` storage and every later request for the same document of the same version of its data
gets it at once; a change to the data (a new `version`) makes a new one. See docs/architecture.md.

The queue is django-tasks' (the backport of Django 6's tasks framework) with its database backend: the worker is
`councilplan db_worker`, and several of them, on several hosts, share one queue (docs/operations.md).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django_tasks import task

from . import http
from .formats import FORMAT_NAMES, Output
from .models import KeptDocument, documents_storage

logger = logging.getLogger(__name__)

# The query parameter the progress page and its retry button add to the download's own address.
JOB = "job"
# The document asked for: the progress page and its links follow it, so that someone waiting for a report of data
# that changes meanwhile (officers saving) is given the one they asked for, not a new job at every refresh.
DOC = "doc"
PROGRESS, RETRY = "progress", "retry"
# After this long in the queue the page says that no worker may be running.
QUEUED_TOO_LONG = timedelta(minutes=2)

Progress = Callable[[int, int, str], None]
Maker = Callable[[dict, str, Progress], Output]
MAKERS: dict[str, Maker] = {}


class Superseded(Exception):
    """The document was asked for again (its earlier attempt taken for stopped): this attempt keeps nothing."""


def maker(function: Maker) -> Maker:
    """Registers `function` as a maker of documents: the worker runs only registered makers, by name."""
    kind = f"{function.__module__}.{function.__qualname__}"
    MAKERS[kind] = function
    function.kind = kind
    return function


def _maker(kind: str) -> Maker:
    if kind not in MAKERS:
        import_module(kind.rpartition(".")[0])  # the module registers its makers when imported
    return MAKERS[kind]


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def latest_change(*histories) -> tuple:
    """A data version from history: the latest history row of each model or history queryset given (one query
    each). Any change to any of them, by anyone, gives a new version."""
    querysets = [history.history.all() if hasattr(history, "history") else history for history in histories]
    if not querysets:
        return ()
    # One query for all of them (a system's version reads twenty history tables): each queryset's own SQL,
    # filters and all, as a scalar subquery of one SELECT.
    parts, values = [], []
    for number, queryset in enumerate(querysets):
        sql, params = queryset.order_by().values("history_id").query.sql_with_params()
        parts.append(f"(SELECT MAX(q{number}.history_id) FROM ({sql}) q{number})")  # noqa: S608 -- the ORM's SQL
        values.extend(params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), values)  # the values as parameters, never in the text
        row = cursor.fetchone()
    return tuple(latest or 0 for latest in row)


# The foundation's records a system's document shows: people's names, directorates.
_NAMED = {"historicaluser", "historicaldirectorate"}


def system_version(*app_labels: str) -> tuple:
    """A data version for a system's documents: the latest history row of every model with a history in the
    apps named (one query each), and of the people and directorates every document names. A change to any record
    of the system, by anyone, makes a new document."""
    from django.apps import apps as registry

    histories = [
        model
        for label in (*app_labels, "core")
        for model in registry.get_app_config(label).get_models()
        if model.__name__.startswith("Historical") and (label != "core" or model._meta.model_name in _NAMED)
    ]
    return latest_change(*(model.objects.all() for model in histories))


def reader(params: dict):
    """The person a document is made for (`params["reader"]`, set by the view from request.user), whose
    permissions and clearance for exempt information the maker applies exactly as the page does; None: the
    public."""
    from django.contrib.auth import get_user_model

    pk = params.get("reader")
    return None if pk is None else get_user_model().objects.get(pk=pk)


# ---- the worker's side -------------------------------------------------------------------------------------


@task()
def make_document(document_id: int, attempt: int) -> str:
    """The job: make the document, keep the file, then say it is ready. The file is written in full before the
    document says ready, so a worker stopped part way leaves nothing offered for download."""
    now = timezone.now()
    claimed = KeptDocument.objects.filter(pk=document_id, attempt=attempt, state=KeptDocument.State.QUEUED).update(
        state=KeptDocument.State.MAKING, started_at=now, heard_at=now, step=0, steps=0, step_words="", reason=""
    )
    if not claimed:
        return "superseded"
    document = KeptDocument.objects.get(pk=document_id)
    this_attempt = KeptDocument.objects.filter(pk=document_id, attempt=attempt)
    told = {"steps": 0}

    def progress(step: int, steps: int, words: str) -> None:
        """The maker's word on where it is (step N of M), which the progress page shows."""
        told["steps"] = steps
        if not this_attempt.update(step=step, steps=steps, step_words=words[:200], heard_at=timezone.now()):
            raise Superseded

    try:
        made = _maker(document.kind)(document.params, document.format, progress)
        progress(told["steps"], told["steps"], "Keeping the file")
        name = documents_storage().save(f"{document.pk}/{attempt}/{made.filename}", ContentFile(made.content))
    except Superseded:
        return "superseded"
    except Exception as error:
        logger.exception("Document %s (%s, attempt %s) could not be made", document.pk, document.kind, attempt)
        this_attempt.update(state=KeptDocument.State.FAILED, reason=_reason(error), finished_at=timezone.now())
        raise
    size = len(made.content)
    done = this_attempt.update(
        state=KeptDocument.State.READY,
        file=name,
        filename=made.filename,
        content_type=made.content_type,
        size=size,
        finished_at=timezone.now(),
        reason="",
    )
    if not done:
        documents_storage().delete(name)
        return "superseded"
    _forget_older(document)
    return "ready"


def _reason(error: Exception) -> str:
    words = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    return f"{type(error).__name__}: {words}" if words else type(error).__name__


def _forget_older(document: KeptDocument) -> None:
    """Earlier versions of the same document are no longer what anyone would be given: their files go."""
    older = KeptDocument.objects.filter(
        kind=document.kind, params_key=document.params_key, format=document.format, finished_at__lt=timezone.now()
    ).exclude(version=document.version)
    storage = documents_storage()
    for old in older.filter(state__in=[KeptDocument.State.READY, KeptDocument.State.FAILED]):
        if old.file:
            storage.delete(old.file.name)
        old.delete()


# ---- the asking side ---------------------------------------------------------------------------------------


def _enqueue(document: KeptDocument) -> None:
    result = make_document.enqueue(document.pk, document.attempt)
    KeptDocument.objects.filter(pk=document.pk, attempt=document.attempt).update(task_id=str(result.id)[:64])
    document.refresh_from_db()


def request_document(function: Maker, *, params: dict, fmt: str, version, title: str = "") -> KeptDocument:
    """The kept document for these parameters, format and version of the data: queued if it is new."""
    key = {"kind": function.kind, "params_key": digest(params), "format": fmt, "version": digest(version)}
    document = KeptDocument.objects.filter(**key).first()
    if document is None:
        try:
            with transaction.atomic():
                document = KeptDocument.objects.create(**key, params=params, title=title[:300])
        except IntegrityError:  # asked for by two people at once: one job
            return KeptDocument.objects.get(**key)
        _enqueue(document)
    return document


def stalled(document: KeptDocument) -> bool:
    """Being made, with no word from its worker for longer than COUNCILPLAN_DOCUMENT_STALLED_SECONDS."""
    limit = timedelta(seconds=settings.COUNCILPLAN_DOCUMENT_STALLED_SECONDS)
    return (
        document.state == KeptDocument.State.MAKING
        and document.heard_at is not None
        and timezone.now() - document.heard_at > limit
    )


def retry(document: KeptDocument) -> bool:
    """Queue a failed (or stopped) document again, as a new attempt. False if it needs no retry."""
    if not (document.state == KeptDocument.State.FAILED or stalled(document)):
        return False
    again = KeptDocument.objects.filter(pk=document.pk, attempt=document.attempt).update(
        attempt=document.attempt + 1,
        state=KeptDocument.State.QUEUED,
        step=0,
        steps=0,
        step_words="",
        reason="",
        requested_at=timezone.now(),
        started_at=None,
        heard_at=None,
        finished_at=None,
    )
    if again:  # not retried by someone else meanwhile
        document.refresh_from_db()
        _enqueue(document)
    return bool(again)


def _file_intact(document: KeptDocument) -> bool:
    try:
        return bool(document.file) and documents_storage().size(document.file.name) == document.size
    except OSError:
        return False


# Files up to this size are sent from memory, like any download; larger ones are streamed from the storage.
STREAM_FROM = 16 * 1024 * 1024


def file_response(document: KeptDocument, inline: bool = False) -> HttpResponse:
    """The kept file as the download."""
    storage = documents_storage()
    if document.size <= STREAM_FROM:
        with storage.open(document.file.name, "rb") as kept:
            return http.file_response(Output(kept.read(), document.filename, document.content_type), inline=inline)
    response = FileResponse(
        storage.open(document.file.name, "rb"),
        as_attachment=not inline,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _asked_for(request: HttpRequest, function: Maker, params: dict, fmt: str) -> KeptDocument | None:
    """The document named by `?doc=`, if it is this same document (maker, parameters and format: whoever may
    ask for these may have it) of any version; None for anything else, which is then asked for afresh."""
    raw = request.GET.get(DOC, "")
    if not raw.isdigit():
        return None
    return KeptDocument.objects.filter(pk=int(raw), kind=function.kind, params_key=digest(params), format=fmt).first()


def _query(request: HttpRequest, document: KeptDocument | None = None) -> list[tuple[str, str]]:
    params = [(k, v) for k, values in request.GET.lists() if k not in (JOB, DOC) for v in values]
    return params + ([(DOC, str(document.pk))] if document is not None else [])


def _address(request: HttpRequest, document: KeptDocument | None = None, **extra) -> str:
    params = _query(request, document) + list(extra.items())
    return request.path + (f"?{urlencode(params)}" if params else "")


def respond(
    request: HttpRequest,
    function: Maker,
    *,
    params: dict,
    fmt: str,
    version,
    title: str,
    inline: bool = False,
    back: tuple[str, str] | None = None,
) -> HttpResponse:
    """The download view's answer, in one call, after it has checked who may see the document: the kept file
    if it is ready, else the progress page (`?job=progress` on the same address, which checks the same
    permission). `params` are what the maker needs (JSON), and everything that changes the document (who may
    see exempt information, say) must be among them; `version` changes whenever the data shown changes.
    The progress page's addresses name the document (`&doc=`): it is followed until made and then given, even
    if the data has changed meanwhile; the address without it asks for the data as it is now."""
    document = _asked_for(request, function, params, fmt) or request_document(
        function, params=params, fmt=fmt, version=version, title=title
    )
    action = request.GET.get(JOB)
    if action == RETRY:
        retry(document)
        return HttpResponseRedirect(_address(request, document, **{JOB: PROGRESS}), status=303)
    if document.state == KeptDocument.State.READY:
        if _file_intact(document):
            if action != PROGRESS:
                return file_response(document, inline)
        else:  # lost from the storage, or not the file that was made: made again
            KeptDocument.objects.filter(pk=document.pk, attempt=document.attempt).update(
                state=KeptDocument.State.FAILED, reason="The kept file was missing"
            )
            document.refresh_from_db()
            retry(document)
    if action != PROGRESS:
        return HttpResponseRedirect(_address(request, document, **{JOB: PROGRESS}), status=303)
    return progress_page(request, document, back=back)


def progress_page(request: HttpRequest, document: KeptDocument, back: tuple[str, str] | None = None):
    state = KeptDocument.State
    is_stalled = stalled(document)
    context = {
        "document": document,
        "title": document.title or "Your document",
        "format_name": FORMAT_NAMES.get(document.format, document.format.upper()),
        "state": state.FAILED if is_stalled else document.state,
        "stalled": is_stalled,
        "waiting_long": document.state == state.QUEUED and timezone.now() - document.requested_at > QUEUED_TOO_LONG,
        "progress_url": _address(request, document, **{JOB: PROGRESS}),
        "download_url": _address(request, document),
        "retry_params": _query(request, document),
        "back": back,
        # Why it failed is for the people of the council (it can name a file or a record); the public are told
        # that it failed and given the document's reference to quote.
        "show_reason": request.user.is_authenticated,
    }
    response = render(request, "documents/progress.html", context)
    response["Cache-Control"] = "no-store"
    return response
