"""Building the plan in the app. Thin: each view asks `core.permissions` who may do it, reads through
`selectors`, changes through `cycle_services`, and hands plain records to a template."""

from __future__ import annotations

import json
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis import planning as analysis
from councilplan.analysis import planning_choices as choices
from councilplan.analysis import vocabulary as v
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.models import Directorate, Outcome
from councilplan.core.pages import edit_page
from councilplan.core.permissions import can_see_exempt
from councilplan.core.selectors import get_vocabularies
from councilplan.documents import jobs
from councilplan.documents.formats import Output
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items as document_items
from councilplan.documents.words import slug
from councilplan.plan.models import Plan

from . import downloads, permissions, selectors
from . import services as cycle_services
from .documents import (
    CONTENT_TYPES,
    FORMAT_NAMES,
    FORMATS,
    REPORT_FORMATS,
    VERSIONS,
    build_long_list_report,
    build_plan_document,
    build_scorecards,
    long_list_json,
    money,
)
from .documents import render as render_document
from .forms import (
    SCORE_BANDS,
    STAGES,
    CriteriaForm,
    CycleForm,
    DecisionForm,
    FilterForm,
    PlanDetailsForm,
    ReviewForm,
    ScoreForm,
    SubmissionForm,
    ThemesForm,
)
from .models import PlanningCycle, Submission

# --- helpers ---------------------------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _cycle(pk: int) -> PlanningCycle:
    return get_object_or_404(PlanningCycle.objects.select_related("plan", "cross_cutting_outcome"), pk=pk)


def _submission(pk: int) -> Submission:
    return get_object_or_404(
        Submission.objects.select_related("cycle", "outcome", "directorate", "lead_officer", "activity"), pk=pk
    )


def _activity_types() -> list[tuple[str, str]]:
    return [(t.code, t.label) for t in get_vocabularies().terms.get(v.ACTIVITY_TYPE, ())]


def _download(content: bytes, stem: str, fmt: str) -> HttpResponse:
    return file_response(Output(content, f"{stem}.{fmt}", CONTENT_TYPES[fmt]), inline=fmt == "html")


def _window(cycle: PlanningCycle) -> dict:
    return {
        "state": cycle_services.window_state(cycle),
        "opens": cycle_services.when(cycle.opens_at),
        "closes": cycle_services.when(cycle.closes_at),
    }


# --- cycles ----------------------------------------------------------------------------------------------


@login_required
@require_safe
def index(request):
    user = request.user
    cycles = selectors.cycle_list()
    for row in cycles:
        row["window"] = _window(row["cycle"])
        row["can_submit"] = permissions.can_submit_activity(user, row["cycle"])
    return render(
        request,
        "planning/index.html",
        {
            "cycles": cycles,
            "plans": selectors.plans_with_documents() if permissions.can_read_plan_documents(user) else [],
            "can_prioritise": permissions.can_prioritise(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_create(request):
    _require(permissions.can_prioritise(request.user))
    form = CycleForm(request.POST or None, carry_forward=True)

    def start():
        data = dict(form.cleaned_data)
        return cycle_services.create_cycle(
            user=request.user, carry_forward_from=data.pop("carry_forward_from", None), **data
        )

    def started(cycle) -> str:
        carried, carry = cycle.submissions.count(), cycle.carried_from
        return f"{cycle.name} created" + (
            f", with {carried} activities carried forward from {carry}." if carry else "."
        )

    return edit_page(
        request,
        form,
        start,
        done=(started, lambda cycle: reverse("planning:cycle", args=[cycle.pk])),
        title="Start a planning cycle",
        caption="Building the plan",
        back=reverse("planning:index"),
        button="Start the cycle",
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_edit(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    cycle = _cycle(pk)
    form = CycleForm(request.POST or None, initial={name: getattr(cycle, name) for name in cycle_services.CYCLE_FIELDS})
    return edit_page(
        request,
        form,
        lambda: cycle_services.update_cycle(cycle, user=request.user, **form.cleaned_data),
        done=(f"{cycle.name} updated.", reverse("planning:cycle", args=[pk])),
        title=f"Change {cycle.name}",
        caption="Building the plan",
        back=reverse("planning:cycle", args=[pk]),
    )


@login_required
@require_safe
def cycle(request, pk: int):
    user = request.user
    found = _cycle(pk)
    counts = selectors.cycle_list(found.pk)[0]
    reads_all = permissions.can_read_long_list(user)
    return render(
        request,
        "planning/cycle.html",
        {
            "cycle": found,
            "counts": counts,
            "window": _window(found),
            "can_submit": permissions.can_submit_activity(user, found),
            "can_prioritise": permissions.can_prioritise(user),
            "reads_all": reads_all,
            "mine": [] if reads_all else selectors.my_submissions(user, found),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in REPORT_FORMATS],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def criteria(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _cycle(pk)
    score_criteria, _ = selectors.cycle_criteria(found)
    form = CriteriaForm(request.POST or None, criteria=score_criteria)
    return edit_page(
        request,
        form,
        lambda: cycle_services.set_criteria(found, form.settings(), user=request.user),
        done=("Weights and scales saved. The ranking uses them from now on.", reverse("planning:cycle", args=[pk])),
        template="planning/criteria.html",
        context={
            "cycle": found,
            "rows": [(c, form[f"w{c.pk}"], form[f"l{c.pk}"], form[f"h{c.pk}"]) for c in score_criteria],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def themes(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _cycle(pk)
    text = "\n".join(f"{t.title}: {t.description}" if t.description else t.title for t in found.themes.all())
    form = ThemesForm(request.POST or None, initial={"themes": text})
    return edit_page(
        request,
        form,
        lambda: cycle_services.set_themes(found, form.theme_list(), user=request.user),
        done=("Themes saved.", reverse("planning:cycle", args=[pk])),
        title="Shared themes",
        caption=found.name,
        back=reverse("planning:cycle", args=[pk]),
        intro="The themes drawn out of the short list, for the plan's summary.",
    )


# --- submissions -----------------------------------------------------------------------------------------


def _submission_context(cycle, submission=None) -> dict:
    return {"cycle": cycle, "submission": submission, "window": _window(cycle)}


def _to_submission(submission) -> str:
    return reverse("planning:submission", args=[submission.pk])


@login_required
@require_http_methods(["GET", "POST"])
def submission_create(request, pk: int):
    found = _cycle(pk)
    _require(permissions.can_submit_activity(request.user, found))
    initial = {"directorate": request.user.directorate_id, "lead_officer": request.user.email or str(request.user)}
    form = SubmissionForm(request.POST or None, initial=initial, activity_types=_activity_types())
    return edit_page(
        request,
        form,
        lambda: cycle_services.submit_activity(found, form.submission_data(), user=request.user),
        done=(lambda s: f"Activity {s.number} submitted: {s.title}", _to_submission),
        template="planning/submission_form.html",
        context=_submission_context(found),
        title="Submit an activity",
        back=reverse("planning:cycle", args=[pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_edit(request, pk: int):
    found = _submission(pk)
    _require(permissions.can_edit_submission(request.user, found))
    form = SubmissionForm(
        request.POST or None, initial=SubmissionForm.initial_from(found), activity_types=_activity_types()
    )
    return edit_page(
        request,
        form,
        lambda: cycle_services.update_submission(found, form.submission_data(), user=request.user),
        done=(f"Activity {found.number} updated.", _to_submission(found)),
        template="planning/submission_form.html",
        context=_submission_context(found.cycle, found),
        title=f"Change activity {found.number}",
        back=_to_submission(found),
    )


@login_required
@require_safe
def submission(request, pk: int):
    found = _submission(pk)
    user = request.user
    _require(permissions.can_view_submission(user, found))
    data = selectors.cycle_data(found.cycle)
    row = data.by_number()[found.number]
    long_rows = [r for r in data.submissions if r.record.in_long_list]
    ranked = {r.number: r for r in data.ranking(long_rows)}.get(found.number)
    score_rows = [(c, row.record.scores.get(c.code)) for c in data.criteria]
    deca_labels = dict(choices.DECA_RATINGS)
    return render(
        request,
        "planning/submission.html",
        {
            "s": found,
            "row": row,
            "data": data,
            "outcome": data.outcome_number(row.record.outcome),
            "score": analysis.weighted_score(row.record.scores, data.criteria),
            "ranked": ranked,
            "score_rows": score_rows,
            "money_rows": [
                ("Capital cost", money(row.record.capital_cost)),
                ("Revenue investment cost", money(row.record.revenue_cost)),
                ("Savings", money(row.record.savings)),
                ("Income", money(row.record.income)),
                ("Source of funding", row.funding_source or "Not given"),
            ],
            "deca_rows": [
                (label, deca_labels.get(row.record.deca.get(code, ""), "Not rated"))
                for code, label in data.deca_factors
            ]
            if data.use_deca
            else [],
            "can_edit": permissions.can_edit_submission(user, found),
            "can_prioritise": permissions.can_prioritise(user),
            "can_history": permissions.can_view_submission_history(user, found),
            "reads_all": permissions.can_read_long_list(user),
            "window": _window(found.cycle),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_review(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _submission(pk)
    initial = {"review": found.review if found.review != "pending" else None, "review_note": found.review_note}
    form = ReviewForm(request.POST or None, initial=initial)
    return edit_page(
        request,
        form,
        lambda: cycle_services.review_submission(
            found, review=form.cleaned_data["review"], note=form.cleaned_data["review_note"], user=request.user
        ),
        done=(lambda s: f"Activity {s.number}: {choices.label_of(choices.REVIEW, s.review)}.", _to_submission),
        title=f"Review activity {found.number}",
        caption=f"{found.number}. {found.title}",
        back=_to_submission(found),
        button="Save the review",
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_score(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _submission(pk)
    score_criteria, deca = selectors.cycle_criteria(found.cycle)
    if not found.cycle.use_deca:
        deca = []
    initial = {f"c{s.criterion_id}": s.value if s.value is not None else s.rating for s in found.scores.all()}
    form = ScoreForm(request.POST or None, initial=initial, criteria=score_criteria, deca=deca)
    return edit_page(
        request,
        form,
        lambda: cycle_services.score_submission(found, form.values(), user=request.user),
        done=(f"Scores saved for activity {found.number}.", _to_submission(found)),
        template="planning/score_form.html",
        context={"s": found},
        back=_to_submission(found),
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_decide(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _submission(pk)
    form = DecisionForm(
        request.POST or None, initial={"decision": found.decision or None, "decision_note": found.decision_note}
    )
    return edit_page(
        request,
        form,
        lambda: cycle_services.decide(
            found, decision=form.cleaned_data["decision"], note=form.cleaned_data["decision_note"], user=request.user
        ),
        done=(lambda s: f"Activity {s.number}: {choices.label_of(choices.DECISION, s.decision)}.", _to_submission),
        title=f"Decide on activity {found.number}",
        caption=f"{found.number}. {found.title}",
        back=_to_submission(found),
        button="Save the decision",
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_plan_details(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _submission(pk)
    form = PlanDetailsForm(
        request.POST or None, initial={"headline": found.headline, "governance_route": found.governance_route}
    )
    return edit_page(
        request,
        form,
        lambda: cycle_services.update_plan_details(found, user=request.user, **form.cleaned_data),
        done=(f"Headline and governance route saved for activity {found.number}.", _to_submission(found)),
        title="Headline and governance route",
        caption=f"{found.number}. {found.title}",
        back=reverse("planning:submission", args=[pk]),
        intro="Clarify what the activity will deliver and add its proposed informal governance route, as the "
        "plan will print them.",
    )


@login_required
@require_safe
def submission_history(request, pk: int):
    found = _submission(pk)
    _require(permissions.can_view_submission_history(request.user, found))
    return render(request, "planning/history.html", {"s": found, "versions": selectors.submission_history(found)})


# --- the long list, the ranking, the analysis ------------------------------------------------------------


def _filtered(request, found: PlanningCycle, data):
    types = _activity_types()
    form = FilterForm(request.GET or None, activity_types=types)
    rows = data.submissions
    active = False
    if form.is_valid():
        d = form.cleaned_data
        active = any(d.values())
        rows = selectors.filter_rows(
            data,
            rows,
            outcome=d["outcome"].title if d["outcome"] else "",
            directorate=d["directorate"].name if d["directorate"] else "",
            activity_type=d["activity_type"],
            score=d["score"],
            stage=d["stage"],
        )
    return form, rows, active


@login_required
@require_safe
def long_list(request, pk: int):
    _require(permissions.can_read_long_list(request.user))
    found = _cycle(pk)
    data = selectors.cycle_data(found)

    def by(chosen):
        return lambda rows, value: selectors.filter_rows(data, rows, **chosen(value))

    outcomes = dict(Outcome.objects.values_list("pk", "title"))
    directorates = dict(Directorate.objects.values_list("pk", "name"))
    page = list_page(
        request,
        data.submissions,
        columns=LONG_LIST_COLUMNS,
        matches=_submission_matches,
        filters=[
            Filter(
                "outcome",
                "Outcome",
                [(str(k), t) for k, t in outcomes.items()],
                by(lambda v: {"outcome": outcomes[int(v)]}),
            ),
            Filter(
                "directorate",
                "Directorate",
                [(str(k), n) for k, n in directorates.items()],
                by(lambda v: {"directorate": directorates[int(v)]}),
            ),
            Filter("activity_type", "Type", _activity_types(), by(lambda v: {"activity_type": v})),
            Filter("score", "Score", [c for c in SCORE_BANDS if c[0]], by(lambda v: {"score": v})),
            Filter("stage", "Stage or decision", [c for c in STAGES if c[0]], by(lambda v: {"stage": v})),
        ],
        name=f"long-list-{slug(found.name)}",
    )
    if isinstance(page, HttpResponse):  # a download of what the search and filters show
        return page
    return render(
        request,
        "planning/long_list.html",
        {
            "cycle": found,
            "list": page,
            "rows": page.rows,
            "total": len(data.submissions),
            "filtered": page.filtered,
            "counts": analysis.stage_counts(data.records),
            "can_prioritise": permissions.can_prioritise(request.user),
        },
    )


def _submission_matches(row, text: str) -> bool:
    """Every word of the search in the activity's number, title, outcome, directorate or lead officer."""
    r = row.record
    haystack = " ".join([str(row.number), row.title, r.outcome, r.directorate or "", row.lead_officer]).casefold()
    return all(word in haystack for word in text.casefold().split())


LONG_LIST_COLUMNS = [
    Column("No.", attrgetter("number"), numeric=True),
    Column("Activity", attrgetter("title")),
    Column("Type", attrgetter("activity_type_label")),
    Column("Outcome", lambda row: row.record.outcome),
    Column("Directorate", lambda row: row.record.directorate or ""),
    Column("Lead officer", attrgetter("lead_officer")),
    Column("Review", attrgetter("review_label")),
    Column("Decision", attrgetter("decision_label")),
    Column("Gaps", lambda row: "; ".join(row.gap_labels)),
]


@login_required
@require_safe
def ranking(request, pk: int):
    _require(permissions.can_read_long_list(request.user))
    found = _cycle(pk)
    data = selectors.cycle_data(found)
    long_rows = [row for row in data.submissions if row.record.in_long_list]
    ranked = {r.number: r for r in data.ranking(long_rows)}
    form, rows, active = _filtered(request, found, data)
    order = {number: position for position, number in enumerate(ranked)}
    shown = sorted((row for row in rows if row.number in ranked), key=lambda row: order[row.number])
    return render(
        request,
        "planning/ranking.html",
        {
            "cycle": found,
            "form": form,
            "rows": [
                (ranked[row.number], row, [row.record.scores.get(c.code) for c in data.criteria]) for row in shown
            ],
            "total": len(long_rows),
            "filtered": active,
            "criteria": data.criteria,
            "can_prioritise": permissions.can_prioritise(request.user),
        },
    )


@login_required
@require_safe
def long_list_analysis(request, pk: int):
    _require(permissions.can_read_long_list(request.user))
    found = _cycle(pk)
    document = build_long_list_report(selectors.cycle_data(found))
    return render(
        request,
        "planning/document.html",
        {
            "document": document,
            "items": document_items(document),
            "back": reverse("planning:cycle", args=[pk]),
            "back_text": found.name,
            "downloads": [
                (FORMAT_NAMES[fmt], reverse("planning:analysis_download", args=[pk, fmt])) for fmt in REPORT_FORMATS
            ],
        },
    )


@login_required
@require_safe
def analysis_download(request, pk: int, fmt: str):
    _require(permissions.can_read_long_list(request.user))
    if fmt not in REPORT_FORMATS:
        raise Http404
    found = _cycle(pk)
    if fmt == "json":  # the figures alone, quick: in the request
        content = json.dumps(long_list_json(selectors.cycle_data(found)), ensure_ascii=False, indent=2).encode("utf-8")
        return _download(content, f"long-list-{slug(found.name)}", fmt)
    return _cycle_job(request, found, "analysis", fmt)


def _cycle_job(request, found: PlanningCycle, what: str, fmt: str):
    """Laid out, long: made by the worker once per version of the cycle's data, and kept."""
    words = "Long-list analysis" if what == "analysis" else "Long list's scorecards"
    return jobs.respond(
        request,
        downloads.cycle_file,
        params={"cycle": found.pk, "what": what},
        fmt=fmt,
        version=downloads.cycle_version(found),
        title=f"{words}: {found.name}",
        back=(reverse("planning:analysis", args=[found.pk]), "Back to the long list"),
        inline=fmt == "html",
    )


@login_required
@require_safe
def scorecard(request, pk: int):
    found = _submission(pk)
    _require(permissions.can_read_long_list(request.user))
    document = build_scorecards(selectors.cycle_data(found.cycle), [found.number])
    return render(
        request,
        "planning/document.html",
        {
            "document": document,
            "items": document_items(document),
            "back": reverse("planning:submission", args=[pk]),
            "back_text": f"Activity {found.number}",
            "downloads": [
                (FORMAT_NAMES[fmt], reverse("planning:scorecard_download", args=[pk, fmt])) for fmt in FORMATS
            ],
        },
    )


@login_required
@require_safe
def scorecard_download(request, pk: int, fmt: str):
    _require(permissions.can_read_long_list(request.user))
    if fmt not in FORMATS:
        raise Http404
    found = _submission(pk)
    document = build_scorecards(selectors.cycle_data(found.cycle), [found.number])
    return _download(render_document(document, fmt), document.file_stem, fmt)


@login_required
@require_safe
def scorecards_download(request, pk: int, fmt: str):
    _require(permissions.can_read_long_list(request.user))
    if fmt not in FORMATS:
        raise Http404
    return _cycle_job(request, _cycle(pk), "scorecards", fmt)


# --- the short list becomes the plan ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, pk: int):
    _require(permissions.can_prioritise(request.user))
    found = _cycle(pk)
    data = selectors.cycle_data(found)
    short = [row for row in data.submissions if row.record.in_short_list]
    error = ""
    if request.method == "POST":
        try:
            result = cycle_services.confirm_short_list(found, user=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request,
                f"Short list confirmed: {result.created} activities added to {result.plan.name}"
                + (f" ({result.already} were in it already)." if result.already else "."),
            )
            return redirect("planning:plan", result.plan.pk)
    return render(
        request,
        "planning/confirm.html",
        {
            "cycle": found,
            "short": short,
            "new": [row for row in short if not row.activity_ref],
            "plan_name": data.plan_name,
            "error": error,
        },
    )


# --- the plan documents ----------------------------------------------------------------------------------


@login_required
@require_safe
def plan(request, pk: int):
    _require(permissions.can_read_plan_documents(request.user))
    found = get_object_or_404(Plan, pk=pk)
    return render(
        request,
        "planning/plan.html",
        {
            "plan": found,
            "count": found.activities.count(),
            "versions": [
                (
                    version,
                    name,
                    reverse("planning:plan_document", args=[pk, version]),
                    [(FORMAT_NAMES[f], reverse("planning:plan_download", args=[pk, version, f])) for f in FORMATS],
                )
                for version, name in VERSIONS.items()
            ],
        },
    )


@login_required
@require_safe
def plan_document(request, pk: int, version: str):
    _require(permissions.can_read_plan_documents(request.user))
    if version not in VERSIONS:
        raise Http404
    found = get_object_or_404(Plan, pk=pk)
    document = build_plan_document(selectors.plan_data(found, can_see_exempt(request.user)), version)
    return render(
        request,
        "planning/document.html",
        {
            "document": document,
            "items": document_items(document),
            "back": reverse("planning:plan", args=[pk]),
            "back_text": found.name,
            "downloads": [
                (FORMAT_NAMES[fmt], reverse("planning:plan_download", args=[pk, version, fmt])) for fmt in FORMATS
            ],
        },
    )


@login_required
@require_safe
def plan_download(request, pk: int, version: str, fmt: str):
    _require(permissions.can_read_plan_documents(request.user))
    if version not in VERSIONS or fmt not in FORMATS:
        raise Http404
    found = get_object_or_404(Plan, pk=pk)
    return jobs.respond(
        request,
        downloads.plan_file,
        params={"plan": found.pk, "version": version, "include_exempt": can_see_exempt(request.user)},
        fmt=fmt,
        version=downloads.plan_version(found),
        title=f"{VERSIONS[version]}: {found.name}",
        back=(reverse("planning:plan", args=[pk]), found.name),
        inline=fmt == "html",
    )
