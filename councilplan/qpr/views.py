"""The Quarterly Performance Report's page: the report of a chosen quarter with its downloads. Thin: permission,
the documents module, template. Laid-out downloads are made by the worker (documents/jobs.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render as render_page
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from councilplan.analysis import qpr as figures
from councilplan.core.permissions import can_see_exempt, require
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES
from councilplan.documents.http import file_response
from councilplan.performance.output import chart_url, page_items

from . import selectors
from .documents import build_document, data_version, render, report_file
from .permissions import can_read_qpr

FORMATS = ("pdf", "docx", "xlsx", "json")


def _quarter(request):
    """The quarter asked for (`?quarter=2017-Q2`), else the latest with results; 404 when there is none."""
    asked = request.GET.get("quarter", "")
    period = figures.parse_quarter(asked) if asked else selectors.latest_quarter()
    if period is None:
        raise Http404("There is no such quarter.")
    return period


@login_required
@require_safe
def index(request):
    require(can_read_qpr(request.user))
    period = _quarter(request)
    document = build_document(period, can_see_exempt(request.user), with_charts=True)
    name = figures.quarter_name(period)
    return render_page(
        request,
        "qpr/report.html",
        {
            "document": document,
            "items": page_items(document, chart_url(period)),
            "quarter": name,
            "quarters": [(figures.quarter_name(q), figures.quarter_label(q)) for q in selectors.quarters()],
            "downloads": [
                (FORMAT_NAMES[fmt], reverse("qpr:file", args=[fmt]) + "?" + urlencode({"quarter": name}))
                for fmt in FORMATS
            ],
        },
    )


@login_required
@require_safe
def file(request, fmt: str):
    require(can_read_qpr(request.user))
    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    period = _quarter(request)
    include_exempt = can_see_exempt(request.user)
    if fmt == "json":  # figures only, quick: in the request
        return file_response(render(period, fmt, include_exempt))
    return jobs.respond(
        request,
        report_file,
        params={"period": period.isoformat(), "include_exempt": include_exempt},
        fmt=fmt,
        version=data_version(),
        title=f"Quarterly Performance Report, {figures.quarter_label(period)}",
        back=(reverse("qpr:index") + "?" + urlencode({"quarter": figures.quarter_name(period)}), "Back to the report"),
    )
