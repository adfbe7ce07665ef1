"""A round's report (or its scorecards) as a file: the one place that goes from a round and a format to
bytes, for the command line and the web alike. The layout is the documents' pipeline's."""

from __future__ import annotations

from councilplan.core.models import Outcome
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, READING, Output, UnknownFormat
from councilplan.documents.model import Document
from councilplan.monitoring.models import Round

from .round_report import REPORT_TITLE, build_round_report, report_file_stem
from .scorecards import build_scorecards
from .selectors import ReportInputs, report_inputs

FORMATS = list(formats.ALL)
SCORECARD_FORMATS = list(READING)
__all__ = ["CONTENT_TYPES", "FORMATS", "FORMAT_NAMES", "SCORECARD_FORMATS", "Output", "UnknownFormat", "produce"]


def report_data(inputs: ReportInputs) -> dict:
    """The machine-readable report of spec §5, with the data-quality flags and the commentary."""
    data = inputs.analysis.as_json()
    data.setdefault("data_quality", [flag.as_json() for flag in inputs.analysis.data_quality])
    data["commentary"] = dict(inputs.commentary)  # after the spec's keys: section -> text, as entered
    return data


def report_document(inputs: ReportInputs, scorecards: bool = False, fmt: str = "html") -> Document:
    """The report (or the scorecards) as a document. For JSON only its data is needed: the blocks, which take
    longer to word than the figures take to compute, are left out."""
    if scorecards:
        return build_scorecards(inputs.plan, inputs.analysis, inputs.meta)
    if fmt == "json":
        return Document(REPORT_TITLE, (), report_file_stem(inputs.analysis), data=report_data(inputs))
    return build_round_report(inputs.analysis, inputs.extras, inputs.commentary, inputs.meta)


def produce(
    round_: Round, fmt: str, outcome: Outcome | None = None, scorecards: bool = False, include_exempt: bool = True
) -> Output:
    """The report (or the scorecards) of `round_` as a file in format `fmt` (without exempt information unless
    `include_exempt`)."""
    if scorecards:
        formats.check(fmt, READING, "Scorecards come")
    else:
        formats.check(fmt, formats.ALL, "Reports come")
    inputs = report_inputs(round_, outcome, include_exempt)
    return formats.output(report_document(inputs, scorecards, fmt), fmt)


@jobs.maker
def round_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The worker's side of a download (councilplan.documents.jobs): the report or scorecards asked for by
    `params` (round, outcome, scorecards, include_exempt), as `fmt`."""
    round_ = Round.objects.select_related("plan").get(pk=params["round"])
    outcome = Outcome.objects.get(pk=params["outcome"]) if params.get("outcome") else None
    progress(1, 3, "Reading the returns and working out the figures")
    inputs = report_inputs(round_, outcome, params["include_exempt"])
    progress(2, 3, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return formats.output(report_document(inputs, params["scorecards"], fmt), fmt)
