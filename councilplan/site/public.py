"""The public pages: no sign-in. The plans whose summary is published, and the reports of published rounds
(the full report and each outcome's tailored version), always without exempt information (Schedule 12A):
no activity, risk or report section marked exempt reaches them, nor any figure counted from one."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from councilplan.core.systems import systems
from councilplan.documents.render_html import items
from councilplan.monitoring.models import Round
from councilplan.plan.models import Plan
from councilplan.planning.documents import build_plan_document
from councilplan.planning.selectors import plan_data
from councilplan.reports import selectors as report_selectors
from councilplan.reports.output import report_document


@require_safe
def index(request):
    plans = list(Plan.objects.filter(published=True).order_by("name"))
    rounds = list(
        Round.objects.filter(state=Round.State.PUBLISHED, public=True)
        .select_related("plan")
        .order_by("plan__name", "-label")
    )
    published = [link for system in systems() if system.public_links for link in system.hook("public_links")()]
    return render(request, "public/index.html", {"plans": plans, "rounds": rounds, "published": published})


@require_safe
def plan_summary(request, pk: int):
    plan = Plan.objects.filter(pk=pk, published=True).first()
    if plan is None:
        raise Http404("No such published plan")
    document = build_plan_document(plan_data(plan, include_exempt=False), "summary")
    return render(request, "public/document.html", {"document": document, "items": items(document)})


@require_safe
def report(request, round_id: int):
    round_ = Round.objects.select_related("plan").filter(pk=round_id, state=Round.State.PUBLISHED, public=True).first()
    if round_ is None:
        raise Http404("No such published report")
    outcomes = report_selectors.plan_outcomes(round_)
    outcome = None
    if request.GET.get("outcome"):
        outcome = next((o for o in outcomes if str(o.pk) == request.GET["outcome"]), None)
        if outcome is None:
            raise Http404("That outcome is not one of this plan's outcomes")
    inputs = report_selectors.report_inputs(round_, outcome, include_exempt=False)
    document = report_document(inputs)
    context = {"round": round_, "outcome": outcome, "outcomes": outcomes, "document": document}
    return render(request, "public/document.html", {**context, "items": items(document)})
