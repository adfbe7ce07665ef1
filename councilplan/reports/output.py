"""Producing a report file: the one place that goes from a round (and a format) to bytes, for the command
line and the web alike."""

from __future__ import annotations

import json
from dataclasses import dataclass

from councilplan.core.models import Outcome
from councilplan.monitoring.models import Round

from .document import Document, build_round_report, build_scorecards, report_file_stem
from .selectors import ReportInputs, report_inputs

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FORMATS = list(CONTENT_TYPES)
FORMAT_NAMES = {"html": "HTML", "pdf": "PDF", "docx": "Word", "xlsx": "Excel", "json": "JSON"}
# Scorecards are pages to read and print, not tables or figures.
SCORECARD_FORMATS = ["html", "pdf", "docx"]


class UnknownFormat(ValueError):
    pass


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


def render(document: Document, fmt: str, inputs: ReportInputs) -> bytes:
    """`document` as `fmt`. The renderers are imported when needed: each pulls in a large library."""
    if fmt == "html":
        from .render_html import render_html

        return render_html(document).encode("utf-8")
    if fmt == "pdf":
        from .render_pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from .render_docx import render_docx

        return render_docx(document)
    if fmt == "xlsx":
        from .render_xlsx import render_xlsx

        return render_xlsx(document, inputs.analysis)
    if fmt == "json":
        return json_report(inputs).encode("utf-8")
    raise UnknownFormat(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def json_report(inputs: ReportInputs) -> str:
    """The machine-readable report of spec §5, with the data-quality flags and the commentary."""
    data = inputs.analysis.as_json()
    data.setdefault("data_quality", [flag.as_json() for flag in inputs.analysis.data_quality])
    data["commentary"] = dict(inputs.commentary)  # after the spec's keys: section -> text, as entered
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_document(inputs: ReportInputs, scorecards: bool = False) -> Document:
    if scorecards:
        return build_scorecards(inputs.plan, inputs.analysis, inputs.meta)
    return build_round_report(inputs.analysis, inputs.extras, inputs.commentary, inputs.meta)


def produce(
    round_: Round, fmt: str, outcome: Outcome | None = None, scorecards: bool = False, include_exempt: bool = True
) -> Output:
    """The report (or the scorecards) of `round_` as a file in format `fmt` (without exempt information unless
    `include_exempt`)."""
    allowed = SCORECARD_FORMATS if scorecards else FORMATS
    if fmt not in allowed:
        what = "Scorecards come" if scorecards else "Reports come"
        raise UnknownFormat(f"unknown format {fmt!r}: {what} as {', '.join(allowed)}")
    inputs = report_inputs(round_, outcome, include_exempt)
    if fmt == "json":  # the figures and tables as data: no document to lay out
        return Output(
            json_report(inputs).encode("utf-8"), f"{report_file_stem(inputs.analysis)}.json", CONTENT_TYPES[fmt]
        )
    document = report_document(inputs, scorecards)
    return Output(render(document, fmt, inputs), f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])
