"""Producing a dashboard or quarterly report file: the one place that goes from a scope and a format to bytes,
for the command line and the web alike. The renderers are the reports app's."""

from __future__ import annotations

import json
from dataclasses import dataclass

from councilplan.reports.output import CONTENT_TYPES, FORMAT_NAMES

from . import charts
from .documents import build_document, json_data
from .selectors import ReportInputs, ReportScope, report_inputs

FORMATS = ["html", "pdf", "docx", "xlsx", "json"]
__all__ = ["CONTENT_TYPES", "FORMATS", "FORMAT_NAMES", "Output", "UnknownFormat", "produce", "render"]


class UnknownFormat(ValueError):
    pass


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


def json_text(inputs: ReportInputs) -> str:
    return json.dumps(json_data(inputs.performance), ensure_ascii=False, indent=2)


def render(inputs: ReportInputs, fmt: str) -> tuple[bytes, str]:
    """The report of `inputs` as `fmt`: (content, file name). Renderers are imported when needed."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    document = build_document(inputs)
    name = f"{document.file_stem}.{fmt}"
    if fmt == "json":
        return json_text(inputs).encode("utf-8"), name
    charts.install()
    if fmt == "html":
        from councilplan.reports.render_html import render_html

        return render_html(document).encode("utf-8"), name
    if fmt == "pdf":
        from councilplan.reports.render_pdf import render_pdf

        return render_pdf(document), name
    if fmt == "docx":
        from councilplan.reports.render_docx import render_docx

        return render_docx(document), name
    from councilplan.reports.render_xlsx import render_xlsx

    return render_xlsx(document), name


def produce(scope: ReportScope, fmt: str) -> Output:
    content, name = render(report_inputs(scope), fmt)
    return Output(content, name, CONTENT_TYPES[fmt])


def page_items(document, chart_url) -> list:
    """The document's blocks for a web page: like the report file's, except that each indicator's chart is an
    image fetched from `chart_url(chart)` (drawn on its own request), so a dashboard of many indicators
    does not wait for every chart. The chart's data table stays in the page."""
    from django.utils.html import format_html

    from councilplan.reports.render_html import Item, items

    charts.install()
    shown = []
    for item in items(document, with_charts=False):
        if isinstance(item.block, charts.TrendChart):
            image = format_html('<img class="app-chart__image" src="{}" alt="" loading="lazy">', chart_url(item.block))
            item = Item(item.kind, item.block, item.widths, image)
        shown.append(item)
    return shown


def chart_svg(chart) -> str:
    """One chart as a standalone SVG file."""
    from councilplan.reports.charts import svg

    charts.install()
    return '<?xml version="1.0" encoding="utf-8"?>\n' + svg(chart, prefix="c-")
