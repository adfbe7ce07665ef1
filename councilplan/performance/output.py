"""Producing a dashboard or quarterly report file: the one place that goes from a scope and a format to bytes,
for the command line and the web alike. The renderers are the documents pipeline's."""

from __future__ import annotations

import datetime as dt

from councilplan.core.models import Directorate
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, Output, UnknownFormat
from councilplan.documents.model import Document
from councilplan.documents.render_html import Item, items

from . import charts
from .documents import build_document, json_data
from .models import AreaCommentary, Indicator, Result, ServiceArea, Standard
from .selectors import ReportInputs, ReportScope, report_inputs

FORMATS = list(formats.ALL)
__all__ = ["CONTENT_TYPES", "FORMATS", "FORMAT_NAMES", "Output", "UnknownFormat", "produce", "render"]


def document_for(inputs: ReportInputs, fmt: str) -> Document:
    """The report as a document; for JSON, the issue's data (no charts or tables to lay out)."""
    if fmt == "json":
        stem = build_document(inputs, with_charts=False).file_stem
        return Document("Performance report", (), stem, data=json_data(inputs.performance))
    return build_document(inputs)


def render(inputs: ReportInputs, fmt: str) -> tuple[bytes, str]:
    """The report of `inputs` as `fmt`: (content, file name)."""
    formats.check(fmt, FORMATS)
    document = document_for(inputs, fmt)
    return formats.render(document, fmt), f"{document.file_stem}.{fmt}"


def produce(scope: ReportScope, fmt: str) -> Output:
    content, name = render(report_inputs(scope), fmt)
    return Output(content, name, CONTENT_TYPES[fmt])


def data_version() -> tuple:
    """Changes whenever anything a dashboard or quarterly report shows changes (one query per kind)."""
    return jobs.latest_change(Indicator, Result, Standard, ServiceArea, AreaCommentary, Directorate)


def job_params(scope: ReportScope) -> dict:
    return {
        "kind": scope.kind,
        "period": scope.period.isoformat(),
        "directorate": scope.directorate.pk if scope.directorate else None,
        "area_name": scope.area_name,
    }


@jobs.maker
def report_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The worker's side of a dashboard or quarterly report download (councilplan.documents.jobs)."""
    directorate = Directorate.objects.get(pk=params["directorate"]) if params["directorate"] else None
    scope = ReportScope(params["kind"], dt.date.fromisoformat(params["period"]), directorate, params["area_name"])
    progress(1, 3, "Reading the indicators and their results")
    inputs = report_inputs(scope)
    progress(2, 3, f"Laying out the {FORMAT_NAMES[fmt]} file with its charts")
    content, name = render(inputs, fmt)
    return Output(content, name, CONTENT_TYPES[fmt])


def page_items(document, chart_url) -> list:
    """The document's blocks for a web page: like the report file's, except that each indicator's chart is an
    image fetched from `chart_url(chart)` (drawn on its own request), so a dashboard of many indicators
    does not wait for every chart. The chart's data table stays in the page."""
    from django.utils.html import format_html

    shown = []
    for item in items(document, with_charts=False):
        if isinstance(item.block, charts.TrendChart):
            image = format_html('<img class="app-chart__image" src="{}" alt="" loading="lazy">', chart_url(item.block))
            item = Item(item.kind, item.block, item.widths, image)
        shown.append(item)
    return shown


def chart_url(period: dt.date):
    """chart -> the address of its drawing up to `period` (the indicator's chart.svg), for `page_items`."""
    from django.urls import reverse
    from django.utils.http import urlencode

    def url(chart) -> str:
        return reverse("performance:chart", args=[chart.ref]) + "?" + urlencode({"period": f"{period:%Y-%m}"})

    return url


def chart_svg(chart) -> str:
    """One chart as a standalone SVG file."""
    from councilplan.documents.charts import svg  # matplotlib: only when a chart is drawn

    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg(chart, prefix="c-")
