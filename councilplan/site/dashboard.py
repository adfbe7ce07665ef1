"""The home page's content: the latest published round's headline figures, delivery status over the rounds
(a chart with its data table), the activities not on track with links to their scorecards, and for the
corporate team the response rate of each open round.

Only published rounds are shown, to everyone: the dashboard is what the Corporate Management Team and members
read. The words and figures are the analysis report's own: the headline sentences are the report document's
overview, and the chart is drawn by the reports' chart code, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe

from councilplan.analysis import vocabulary as v
from councilplan.analysis.monitoring import delivery_trend
from councilplan.core.permissions import can_see_exempt
from councilplan.documents import charts
from councilplan.documents.jobs import digest
from councilplan.documents.model import Chart, Paragraph, Series, Table
from councilplan.monitoring.models import Round
from councilplan.monitoring.permissions import can_run_rounds
from councilplan.monitoring.selectors import StateCounts, latest_published_round, open_rounds, round_tracker
from councilplan.reports.round_report import build_round_report
from councilplan.reports.selectors import ReportInputs, data_version, report_inputs


@dataclass(frozen=True)
class NotOnTrackRow:
    ref: str
    title: str
    status: str
    previous_status: str  # "" in a plan's first round
    issues: str
    mitigations: bool
    scorecard_url: str | None


@dataclass(frozen=True)
class OpenRound:
    round: Round
    counts: StateCounts


@dataclass
class Dashboard:
    round: Round | None  # the latest published round; None until one is published
    headlines: list[Paragraph] = field(default_factory=list)  # responses and delivery status
    more_headlines: list[Paragraph] = field(default_factory=list)  # the rest of the report's overview
    trend: Chart | None = None
    trend_svg: SafeString | None = None
    not_on_track: list[NotOnTrackRow] = field(default_factory=list)
    previous_round: str | None = None
    report_url: str | None = None
    scorecards_url: str | None = None
    open_rounds: list[OpenRound] = field(default_factory=list)  # corporate team only


def _url(name: str, *args) -> str | None:
    """The URL if that page exists yet (the reports app serves the report and scorecards)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def headline_sentences(inputs: ReportInputs) -> list[Paragraph]:
    """The report's overview: its first run of headline-figure paragraphs ("81% (64) of activities are on
    track for successful delivery"), taken from the report document itself."""
    document = build_round_report(inputs.analysis, inputs.extras, inputs.commentary, inputs.meta)
    headlines: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.style == "figure":
            headlines.append(block)
        elif headlines:
            break
    return headlines


def trend_chart(inputs: ReportInputs, published: set[str]) -> Chart | None:
    """Returns by delivery status in each published round of the plan, oldest first (the analysis engine's
    `delivery_trend`, same scope rules as the report). The latest round is drawn like the report's "this
    round" (solid), the one before like its "previous round" (hatched), older ones grey with dots."""
    trend = [
        (label, counts)
        for label, counts in delivery_trend(
            inputs.plan, inputs.vocab, late_on_track_rule=settings.COUNCILPLAN_LATE_ON_TRACK_RULE
        )
        if label in published
    ]
    if not trend:
        return None
    statuses = list(dict.fromkeys(code for _, counts in trend for code in counts))
    roles = ["other"] * len(trend)
    roles[-1] = "current"
    if len(trend) > 1:
        roles[-2] = "previous"
    series = tuple(
        Series(label, tuple(counts.get(code, 0) for code in statuses), role)
        for (label, counts), role in zip(trend, roles, strict=True)
    )
    categories = tuple(inputs.analysis.status_label(code) for code in statuses)
    title = "Delivery status in each published round"
    table = Table(
        f"Data for the chart: {title}",
        ("Delivery status", *(s.name for s in series)),
        tuple((category, *(s.values[i] for s in series)) for i, category in enumerate(categories)),
        numeric=frozenset(range(1, len(series) + 1)),
        row_headers=True,
    )
    described = "; ".join(
        f"{category}: " + ", ".join(f"{s.values[i]} in {s.name}" for s in series)
        for i, category in enumerate(categories)
    )
    return Chart("delivery-trend", title, categories, series, f"Bar chart, {title}. {described}.", table)


def _not_on_track(inputs: ReportInputs, round_: Round) -> list[NotOnTrackRow]:
    analysis = inputs.analysis
    return [
        NotOnTrackRow(
            ref=row.ref,
            title=row.title,
            status=analysis.status_label(row.status),
            previous_status=analysis.status_label(row.previous_status) if analysis.previous_round else "",
            issues="; ".join(inputs.vocab.label(v.ISSUE_THEME, code) for code in row.issues),
            mitigations=row.mitigations,
            scorecard_url=_url("reports:scorecard", round_.pk, row.ref),
        )
        for row in analysis.not_on_track
    ]


def build_dashboard(user) -> Dashboard:
    """Everything the home page shows `user`, in a fixed number of queries whatever the number of activities
    (the report's inputs, one for the published rounds, and the tracker's for each open round).

    The published round's part is the same for every reader with the same clearance until its data changes, and
    at 5,000 activities it costs over a second to work out (the report's inputs, its document, the trend): it is
    kept in the cache per version of the round's data (`reports.selectors.data_version`), so only the first
    reader after a change pays for it."""
    round_ = latest_published_round()
    dashboard = Dashboard(round=round_)
    if can_run_rounds(user):
        dashboard.open_rounds = [OpenRound(r, round_tracker(r).total) for r in open_rounds()]
    if round_ is None:
        return dashboard
    for name, value in published_part(round_, can_see_exempt(user)).items():
        setattr(dashboard, name, value)
    return dashboard


def published_part(round_: Round, include_exempt: bool) -> dict:
    """The published round's part of the dashboard, kept per version of the round's data and per clearance:
    worked out by the first reader after a change, or beforehand by the worker (site/warm.py)."""
    key = f"dashboard:{round_.pk}:{int(include_exempt)}:{digest(data_version(round_))}"
    published = cache.get(key)
    if published is None:
        published = _work_out_published_part(round_, include_exempt)
        cache.set(key, published, timeout=None)  # a new version is a new key; the old one ages out
    return published


def _work_out_published_part(round_: Round, include_exempt: bool) -> dict:
    inputs = report_inputs(round_, include_exempt=include_exempt)
    published = set(round_.plan.rounds.filter(state=Round.State.PUBLISHED).values_list("label", flat=True))
    sentences = headline_sentences(inputs)
    # The overview starts with the responses, then one sentence per delivery status (and one for on-track
    # returns with a later date when that rule is applied): the dashboard's headline; the rest under "more".
    statuses = sum(1 for code in inputs.vocab.codes(v.DELIVERY_STATUS) if code in inputs.analysis.figures)
    first = 1 + statuses + (1 if inputs.analysis.late_on_track_rule else 0)
    part = {"headlines": sentences[:first], "more_headlines": sentences[first:]}
    part["trend"] = trend_chart(inputs, published)
    if part["trend"] is not None:
        # Safe: matplotlib writes the chart's labels into the SVG as escaped XML text.
        part["trend_svg"] = mark_safe(charts.svg(part["trend"]))  # noqa: S308
    part["not_on_track"] = _not_on_track(inputs, round_)
    part["previous_round"] = inputs.analysis.previous_round
    part["report_url"] = _url("reports:round", round_.pk)
    part["scorecards_url"] = _url("reports:scorecards", round_.pk)
    return part
