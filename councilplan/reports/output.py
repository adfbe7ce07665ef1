"""A round's report (or its scorecards) as a file: the one place that goes from a round and a format to
bytes, for the command line and the web alike. The layout is the documents' pipeline's."""

from __future__ import annotations

from councilplan.analysis import vocabulary as v
from councilplan.core.models import Outcome
from councilplan.core.permissions import can_see_exempt
from councilplan.core.systems import PackSection
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, READING, Output, UnknownFormat
from councilplan.documents.model import Document, Table
from councilplan.monitoring.models import Round

from .permissions import can_read_report
from .round_report import REPORT_TITLE, build_round_report, overview_blocks, report_file_stem
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


def _pack_round(quarter, user) -> Round | None:
    """The round the quarterly pack reports on: the one labelled as the quarter, else the latest before it, among
    the rounds `user` may read (the public: those published to the public, as the public pages have them; a round
    published to members only is not public). One query."""
    rounds = Round.objects.select_related("plan").filter(label__lte=quarter.label).order_by("-label", "plan__name")
    for round_ in rounds:
        public = round_.state == Round.State.PUBLISHED and round_.public
        if public if user is None else can_read_report(user, round_):
            return round_
    return None


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's SDP analysis: the overview of the round's analysis report (its headline figures, as the
    report words them) and the count of activities per delivery status; `user` None: the public version, without
    the exempt activities and commentary."""
    round_ = _pack_round(quarter, user)
    if round_ is None:
        return []
    inputs = report_inputs(round_, include_exempt=can_see_exempt(user))
    analysis = inputs.analysis
    blocks = overview_blocks(analysis, inputs.extras, inputs.commentary, inputs.meta)
    figures = analysis.figures
    rows = tuple(
        (analysis.status_label(code), figures[code].count, figures[code].percent)
        for code in inputs.vocab.codes(v.DELIVERY_STATUS)
        if code in figures
    )
    blocks.append(
        Table(
            f"Activities by delivery status, {round_.label}",
            ("Delivery status", "Activities", "Per cent"),
            rows,
            numeric=frozenset({1, 2}),
            sheet="SDP analysis",
        )
    )
    basis = f"The returns of the {round_.plan.name} round {round_.label} ({round_.get_state_display().lower()})"
    if round_.label != quarter.label:
        basis += f": the latest round up to {quarter.label}"
    return [PackSection(f"Strategic Delivery Plan analysis, {round_.label}", basis + ".", tuple(blocks), order=10)]
