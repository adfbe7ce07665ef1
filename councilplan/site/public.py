"""The public pages: no sign-in. The plans whose summary is published, and the reports of published rounds
(the full report and each outcome's tailored version), always without exempt information (Schedule 12A):
no activity, risk or report section marked exempt reaches them, nor any figure counted from one.

A report lists the evidence its officers chose for publishing (monitoring.selectors.published_evidence), each
file downloaded from the public report's own address: any other file, of any return, is "not found" here."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from councilplan.core.evidence import evidence_response
from councilplan.core.systems import systems
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items
from councilplan.monitoring import permissions as monitoring_permissions
from councilplan.monitoring import selectors as monitoring_selectors
from councilplan.monitoring.models import Round
from councilplan.plan.models import Plan
from councilplan.planning.documents import build_plan_document
from councilplan.planning.selectors import plan_data
from councilplan.reports import selectors as report_selectors
from councilplan.reports.page import public_report_page, public_report_pdf


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
    context = {"title": document.title, "items": items(document)}
    return render(request, "public/document.html", context)


def _public_round(round_id: int, request):
    round_ = Round.objects.select_related("plan").filter(pk=round_id, state=Round.State.PUBLISHED, public=True).first()
    if round_ is None:
        raise Http404("No such published report")
    outcomes = report_selectors.plan_outcomes(round_)
    outcome = None
    if request.GET.get("outcome"):
        outcome = next((o for o in outcomes if str(o.pk) == request.GET["outcome"]), None)
        if outcome is None:
            raise Http404("That outcome is not one of this plan's outcomes")
    return round_, outcomes, outcome


@require_safe
def report_pdf(request, round_id: int):
    """The public version as a PDF (no exempt information). Made once per version of the round's data and
    kept in the cache, so that anyone downloading it again, or many people at once, cost nothing more."""
    round_, _, outcome = _public_round(round_id, request)
    return file_response(public_report_pdf(round_, outcome))


@require_safe
def report(request, round_id: int):
    round_, outcomes, outcome = _public_round(round_id, request)
    page = public_report_page(round_, outcome)
    context = {"round": round_, "outcome": outcome, "outcomes": outcomes, "title": page.title}
    context["document_html"] = page.html
    context["published_evidence"] = monitoring_selectors.published_evidence(round_, outcome.pk if outcome else None)
    return render(request, "public/document.html", context)


@require_safe
def report_evidence(request, round_id: int, evidence_id: int):
    """A file published with a public report; anything else (not chosen, an exempt activity's, a draft return's,
    a round not published to the public) is not found."""
    item = monitoring_selectors.get_published_evidence(round_id, evidence_id)
    if item is None or not monitoring_permissions.can_read_evidence(AnonymousUser(), item.ret, item):
        raise Http404("No such published file")
    return evidence_response(item)
