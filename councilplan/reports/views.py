"""The reports pages: the rounds one may read, a round's report with its downloads, the corporate team's
commentary, and the activity scorecards. Thin: reading is in selectors, writing in services, wording in the
document builders; every view asks councilplan.core.permissions who may see it."""

from __future__ import annotations

from operator import itemgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.core.lists import Column, Filter, download_response, list_page
from councilplan.core.models import Outcome
from councilplan.core.permissions import can_see_exempt
from councilplan.documents import jobs
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items
from councilplan.monitoring.models import Round
from councilplan.monitoring.selectors import return_rows

from . import selectors
from .forms import CommentaryForm
from .output import FORMAT_NAMES, FORMATS, SCORECARD_FORMATS, produce, round_file
from .page import download_url, report_page, report_query
from .permissions import can_read_report, can_write_commentary
from .scorecards import build_scorecards
from .services import CommentaryConflict, save_commentary

SCORECARD_COLUMNS = [
    Column("Activity", lambda row: row["ref"]),
    Column("Title", lambda row: row["title"]),
    Column("Outcome", lambda row: row["outcome"]),
    Column("Delivery status", lambda row: row["status"]),
]


def _readable_round(request, round_id: int) -> Round:
    round_ = selectors.get_round(round_id)
    if round_ is None:
        raise Http404("There is no such round.")
    if not can_read_report(request.user, round_):
        raise PermissionDenied
    return round_


def _outcome(request, round_: Round) -> Outcome | None:
    """The tailored version asked for (?outcome=<id>), which must be one of the plan's outcomes."""
    raw = request.GET.get("outcome", "")
    if not raw:
        return None
    outcome = next((o for o in selectors.plan_outcomes(round_) if str(o.pk) == raw), None)
    if outcome is None:
        raise Http404("That outcome is not one of this plan's outcomes.")
    return outcome


@login_required
@require_safe
def index(request):
    return render(request, "reports/index.html", {"rounds": selectors.readable_rounds(request.user)})


@login_required
@require_safe
def round_report(request, round_id: int):
    round_ = _readable_round(request, round_id)
    outcome = _outcome(request, round_)
    downloads = [(FORMAT_NAMES[fmt], download_url(round_, fmt, outcome)) for fmt in FORMATS]
    scorecard_downloads = [
        (FORMAT_NAMES[fmt], download_url(round_, fmt, outcome, scorecards=1)) for fmt in SCORECARD_FORMATS
    ]
    # Kept per version of the round's data and per clearance; long tables summarised, the whole one link away.
    page = report_page(round_, outcome, can_see_exempt(request.user))
    context = {
        "round": round_,
        "outcome": outcome,
        "outcomes": selectors.plan_outcomes(round_),
        "document_html": page.html,
        "downloads": downloads,
        "scorecard_downloads": scorecard_downloads,
        "query": report_query(outcome),
        "may_edit_commentary": can_write_commentary(request.user),
        "flags": page.flags,
    }
    return render(request, "reports/round.html", context)


@login_required
@require_safe
def download(request, round_id: int, fmt: str):
    round_ = _readable_round(request, round_id)
    outcome = _outcome(request, round_)
    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    scorecards = request.GET.get("scorecards") == "1"
    if scorecards and fmt not in SCORECARD_FORMATS:
        raise Http404("Scorecards come as HTML, PDF or Word.")
    include_exempt = can_see_exempt(request.user)
    if fmt == "json":  # the figures alone, quick to make: in the request
        return file_response(produce(round_, fmt, outcome, include_exempt=include_exempt))
    # Anything laid out is made by the worker once per version of the round's data, and kept.
    what = "Scorecards" if scorecards else "Report"
    return jobs.respond(
        request,
        round_file,
        params={
            "round": round_.pk,
            "outcome": outcome.pk if outcome else None,
            "scorecards": scorecards,
            "include_exempt": include_exempt,
        },
        fmt=fmt,
        version=selectors.data_version(round_),
        title=f"{what}: {round_.plan.name} – {round_.label}" + (f", {outcome.title}" if outcome else ""),
        back=(reverse("reports:round", args=[round_.pk]) + report_query(outcome), "Back to the report"),
    )


@login_required
@require_safe
def returns(request, round_id: int, fmt: str):
    """The round's submitted returns as they were answered (the exchange format's returns table), as CSV or
    Excel, formula-safe; the returns of exempt activities only for people cleared to read them."""
    round_ = _readable_round(request, round_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404("The returns come as CSV or Excel.")
    header, rows = return_rows(round_, include_exempt=can_see_exempt(request.user))
    columns = [Column(heading, itemgetter(index)) for index, heading in enumerate(header)]
    return download_response(rows, columns, fmt, f"returns-{round_.label.replace(' ', '-')}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def commentary(request, round_id: int):
    round_ = selectors.get_round(round_id)
    if round_ is None:
        raise Http404("There is no such round.")
    if not can_write_commentary(request.user):
        raise PermissionDenied
    outcome = _outcome(request, round_)
    if request.method == "POST":
        form = CommentaryForm(request.POST)
        if form.is_valid():
            opened_at = parse_datetime(form.cleaned_data["opened_at"] or "")
            try:
                changed = save_commentary(round_, outcome, form.texts(), request.user, opened_at)
            except CommentaryConflict as conflict:
                form.add_error(None, str(conflict))
            else:
                messages.success(
                    request, "Commentary saved." if changed else "Nothing had changed: the commentary is as it was."
                )
                return redirect(reverse("reports:round", args=[round_.pk]) + report_query(outcome))
    else:
        texts, _ = selectors.own_commentary(round_, outcome)
        if outcome is None and not texts.get("contact"):
            texts["contact"] = selectors.previous_contact(round_)
        # When the page was filled: a save made by anyone after this moment is a conflict.
        form = CommentaryForm(initial={**texts, "opened_at": timezone.now().isoformat()})
    context = {"round": round_, "outcome": outcome, "form": form, "query": report_query(outcome)}
    return render(request, "reports/commentary.html", context)


@login_required
@require_safe
def scorecards(request, round_id: int):
    round_ = _readable_round(request, round_id)
    outcome = _outcome(request, round_)
    # The list's columns only, without working out the report (at 5,000 activities the report takes seconds).
    rows = selectors.scorecard_list(round_, outcome, can_see_exempt(request.user))
    statuses = {row["code"]: row["status"] for row in rows}
    # The list's search, status filter and pages; its outcome filter is the tailored version (?outcome=), whose
    # activities report_inputs has already chosen, so the pages and downloads keep it.
    page = list_page(
        request,
        rows,
        columns=SCORECARD_COLUMNS,
        matches=lambda row, text: all(
            word in f"{row['ref']} {row['title']} {row['status']}".lower() for word in text.lower().split()
        ),
        filters=[
            Filter(
                "outcome",
                "Outcome (tailored version)",
                [(str(o.pk), o.title) for o in selectors.plan_outcomes(round_)],
                lambda items, v: items,
            ),
            Filter(
                "status",
                "Delivery status",
                list(statuses.items()),
                lambda items, v: [row for row in items if row["code"] == v],
            ),
        ],
        name=f"scorecards-{round_.label.replace(' ', '-')}",
    )
    if isinstance(page, HttpResponse):  # the list of the activities the search and filters show
        return page
    downloads = [(FORMAT_NAMES[fmt], download_url(round_, fmt, outcome, scorecards=1)) for fmt in SCORECARD_FORMATS]
    query = report_query(outcome)
    context = {"round": round_, "outcome": outcome, "list": page, "downloads": downloads, "query": query}
    return render(request, "reports/scorecards.html", context)


@login_required
@require_safe
def scorecard(request, round_id: int, ref: str):
    round_ = _readable_round(request, round_id)
    inputs = selectors.report_inputs(round_, include_exempt=can_see_exempt(request.user))
    if ref not in inputs.analysis.scope:
        raise Http404("That activity is not in monitoring in this round.")
    document = build_scorecards(inputs.plan, inputs.analysis, inputs.meta, refs=[ref])
    context = {"round": round_, "ref": ref, "document": document, "items": items(document)}
    return render(request, "reports/scorecard.html", context)
