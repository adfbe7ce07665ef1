"""The Quarterly Performance Report as a document (spec/qpr.md §1): cover paper, keys, executive summary with
the summary table, a section per area (KPI summary row, KPI table, commentary per indicator, a chart of each
indicator against target and floor with its data table), customer feedback from the feedback log and the
corporate risk section from the risk registers. Figures come from `analysis.qpr` (and the risks and feedback
analyses); this module only words and lays them out.

`pack_section(quarter, reader)` gives the report's blocks for the quarterly pack."""

from __future__ import annotations

import datetime as dt

from councilplan.analysis import performance as rules
from councilplan.analysis import qpr as figures
from councilplan.core.permissions import can_see_exempt
from councilplan.core.systems import PackSection
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, Output
from councilplan.documents.model import Block, BulletList, Document, Heading, PageBreak, Paragraph, Run, Table
from councilplan.documents.words import bold, para, slug, text_blocks
from councilplan.performance.documents import (
    DIRECTION_WORDS,
    RAG_WORDS,
    format_value,
    number,
    range_words,
    trend_chart,
)
from councilplan.risks import selectors as risk_selectors
from councilplan.risks.document import actions_table, counts_table

from . import selectors
from .permissions import can_read_qpr

KEY_RAG = (
    ("GREEN", "Target has been achieved"),
    ("AMBER", "Floor Standard achieved but Target has not been met"),
    ("RED", "Floor Standard has not been achieved"),
)
KEY_DOT = (
    ("↑", "Performance has improved"),
    ("↓", "Performance has worsened"),
    ("↔", "Performance has remained the same"),
)
FLOOR_NOTE = "Floor Standards are the minimum performance expected; if not achieved, management action must be taken."
ACTIVITY_NOTE = (
    "Activity indicators are shown against a national benchmark or upper and lower thresholds from past trends: "
    "outside the band, demand is higher or lower than expected, with possible cost consequences."
)


def _rag(value: str | None) -> str:
    return RAG_WORDS.get(value or "", "No rating")


def _dot(value: str | None) -> str:
    return DIRECTION_WORDS.get(value or "", "–") if value not in (None, rules.NEW) else "–"


def _cover(inputs: selectors.QprInputs) -> list[Block]:
    qpr, cover = inputs.qpr, inputs.cover
    words = figures.cover_sentences(qpr.total)
    blocks: list[Block] = [Heading(f"Quarterly Performance Report, {qpr.label}", 1, "report-title")]
    if cover.from_member or cover.from_director:
        blocks.append(para(bold("From: "), "; ".join(x for x in (cover.from_member, cover.from_director) if x)))
    blocks.append(para(bold("To: "), cover.to))
    blocks.append(para(bold("Decision No: "), "N/a"))
    blocks.append(para(bold("Recommendation: "), f"Cabinet is asked to NOTE the {qpr.label} Performance Report."))
    blocks.append(para(words["count"]))
    blocks.append(para(words["rag_intro"]))
    blocks.append(BulletList(tuple(para(line) for line in words["rag_lines"])))
    blocks.append(para(words["direction"]))
    if cover.contacts:
        blocks.append(Heading("Contact details", 2, "contacts"))
        blocks.append(BulletList(tuple(para(line) for line in cover.contacts)))
    return blocks


def _keys() -> list[Block]:
    return [
        Heading("Key to KPI ratings", 2, "key"),
        BulletList(tuple(para(bold(w), f": {t}") for w, t in KEY_RAG)),
        BulletList(tuple(para(bold(a), f": {t}") for a, t in KEY_DOT)),
        para(FLOOR_NOTE),
        Heading("Key to activity graphs", 2, "key-activity"),
        para(ACTIVITY_NOTE),
    ]


def summary_table(qpr: figures.Qpr, caption: str = "Summary of KPI ratings by area") -> Table:
    header = ("Area", *(heading for _, heading in figures.COLUMNS))
    return Table(
        caption,
        header,
        tuple(figures.summary_rows(qpr)),
        numeric=frozenset(range(1, 7)),
        sheet="Summary",
        row_headers=True,
    )


def _area_summary(area: figures.AreaReport) -> Table:
    row = figures.summary_rows(figures.Qpr(area_period(area), (area,), area.counts))[0]
    return Table(
        f"{area.area.name}: KPI summary",
        ("KPI summary", "GREEN", "AMBER", "RED", "↑", "↔", "↓"),
        (("Number of KPIs", *row[1:]),),
        numeric=frozenset(range(1, 7)),
        sheet="Summary",
        row_headers=True,
    )


def area_period(area: figures.AreaReport) -> dt.date:
    periods = [r.period for r in area.kpis if r.period]
    return max(periods) if periods else dt.date(2017, 9, 1)


def _kpi_table(area: figures.AreaReport) -> Table:
    rows = tuple(
        (
            r.ref,
            r.description + (" (lower is better)" if r.polarity == rules.LOWER else ""),
            format_value(r.latest, r.unit, "No result"),
            format_value(r.previous, r.unit, "–"),
            format_value(r.target, r.unit),
            format_value(r.floor, r.unit),
            _rag(r.rag),
            _dot(r.direction),
        )
        for r in area.kpis
    )
    return Table(
        f"{area.area.name}: key performance indicators",
        ("Ref", "Indicator", "This quarter", "Previous quarter", "Target", "Floor", "RAG", "DoT"),
        rows,
        numeric=frozenset({2, 3, 4, 5}),
        sheet="KPIs",
        row_headers=True,
    )


def _head(area: figures.AreaInput) -> Paragraph:
    members = ", ".join(area.cabinet_members)
    label = "Cabinet Members" if len(area.cabinet_members) > 1 else "Cabinet Member"
    return para(bold(f"{label}: "), members, "   ", bold(f"{area.director_title}: "), area.director)


def _activity_table(area: figures.AreaReport) -> Table:
    rows = tuple(
        (
            r.ref,
            r.description,
            format_value(r.value, r.unit, "No result"),
            format_value(r.previous_year, r.unit, "–"),
            format_value(r.lower, r.unit, "–"),
            format_value(r.upper, r.unit, "–"),
            range_words(r.alert),
        )
        for r in area.activities
    )
    return Table(
        f"{area.area.name}: activity indicators",
        ("Ref", "Indicator", "This quarter", "Same quarter last year", "Lower threshold", "Upper threshold", "Alert"),
        rows,
        numeric=frozenset({2, 3, 4, 5}),
        sheet="Activity indicators",
        row_headers=True,
    )


def alert_sentence(row: rules.ActivityRow) -> str:
    """ "1,393 in Quarter 2, 2017/18: within the expected range (1,150 to 1,450)." """
    if row.value is None or row.period is None:
        return "No result this year."
    value = format_value(row.value, row.unit)
    when = figures.quarter_label(row.period) if row.period.month in (3, 6, 9, 12) else rules.month_name(row.period)
    if row.alert is None:
        text = f"{value} in {when}: no expected range is set"
        if row.previous_year is not None:
            text += f"; {format_value(row.previous_year, row.unit)} in the same quarter a year before"
        return text + "."
    band = f"{format_value(row.lower, row.unit)} to {format_value(row.upper, row.unit)}"
    return f"{value} in {when}: {range_words(row.alert).lower()} ({band})."


def _activity_blocks(inputs: selectors.QprInputs, area: figures.AreaReport, key: str, with_charts: bool):
    blocks: list[Block] = [Heading(f"{area.area.name}: activity indicators", 3, f"{key}-activity")]
    if not area.activities:
        return [*blocks, para("No activity indicators are recorded for this area.", style="note")]
    blocks.append(_activity_table(area))
    for row in area.activities:
        blocks.append(para(bold(f"{row.ref} – {row.description}: "), alert_sentence(row)))
        if row.commentary:
            blocks.extend(text_blocks(row.commentary))
        if with_charts:
            blocks.append(trend_chart(inputs.indicators[row.ref], inputs.qpr.period, "qpr-"))
    return blocks


def _area_blocks(inputs: selectors.QprInputs, area: figures.AreaReport, with_charts: bool) -> list[Block]:
    key = f"area-{slug(area.area.name)}"
    blocks: list[Block] = [Heading(area.area.name, 2, key), _head(area.area), _area_summary(area)]
    if not area.kpis:
        blocks.append(para("No KPIs are recorded for this area.", style="note"))
    else:
        blocks.append(Heading(f"{area.area.name}: commentary", 3, f"{key}-commentary"))
        for row in area.kpis:
            if row.commentary:
                lines = text_blocks(row.commentary)
                blocks.append(Paragraph((Run(f"{row.ref} – ", bold=True), *lines[0].runs)))
                blocks.extend(lines[1:])
        blocks.append(Heading(f"{area.area.name}: key performance indicators", 3, f"{key}-kpis"))
        blocks.append(_kpi_table(area))
        if with_charts:
            blocks.append(Heading(f"{area.area.name}: charts", 3, f"{key}-charts"))
            blocks.extend(trend_chart(inputs.indicators[row.ref], inputs.qpr.period, "qpr-") for row in area.kpis)
    blocks.extend(_activity_blocks(inputs, area, key, with_charts))
    return blocks


def _feedback_blocks(complaints: selectors.Complaints | None) -> list[Block]:
    blocks: list[Block] = [Heading("Customer feedback: complaints", 2, "complaints")]
    if complaints is None:
        return [*blocks, para("The feedback log holds no records.", style="note")]
    q = complaints.quarterly
    labels = [p.label for p in q.periods]
    timed = q.in_time[3]
    blocks.append(
        para(
            f"{timed.received:,} complaints were received in the quarter ({q.totals[2]:,} the quarter before); "
            f"{timed.percent if timed.percent is not None else '–'}% were answered within timescale "
            f"({timed.in_time:,}), against {q.in_time[2].percent}% the quarter before. "
            f"Counted from the feedback log."
        )
    )
    blocks.append(
        Table(
            "Complaints received by service",
            ("Service", *labels),
            (*((r.service, *r.counts) for r in q.rows), ("Total", *q.totals)),
            numeric=frozenset(range(1, len(labels) + 1)),
            sheet="Complaints",
            row_headers=True,
        )
    )
    return blocks


def _risk_blocks(data: risk_selectors.RegisterData | None) -> list[Block]:
    blocks: list[Block] = [Heading("Corporate Risk Register", 2, "corporate-risks")]
    if data is None:
        return [*blocks, para("No corporate risk register is recorded.", style="note")]
    scale = risk_selectors.get_scale()
    register_figures = data.figures(scale)
    blocks.append(para(f"The {data.title} holds {len(data.risks)} open risks, from the risk registers."))
    blocks.append(counts_table(register_figures, scale, sheet="Corporate risks"))
    actions = actions_table(data)
    if actions is not None:
        blocks.append(actions)
    blocks.append(
        Table(
            "Corporate risks: current and target scores",
            ("Code", "Risk", "Current", "Target"),
            tuple((r.code, r.title, r.current.score, r.target.score) for r in data.risks),
            numeric=frozenset({2, 3}),
            sheet="Corporate risks",
            row_headers=True,
        )
    )
    return blocks


def report_blocks(inputs, complaints, risks, with_charts: bool = True) -> list[Block]:
    qpr = inputs.qpr
    blocks = [*_cover(inputs), PageBreak(), *_keys(), PageBreak()]
    blocks.append(Heading("Executive summary", 2, "executive-summary"))
    blocks.append(para(figures.headline_sentence(qpr.total, rules.quarter_of(qpr.period))))
    blocks.append(summary_table(qpr))
    for area in qpr.areas:
        text = inputs.executive.get(area.area.key)
        if text:
            lines = text_blocks(text)
            blocks.append(Paragraph((Run(f"{area.area.name} – ", bold=True), *lines[0].runs)))
            blocks.extend(lines[1:])
    for area in qpr.areas:
        blocks.append(PageBreak())
        blocks.extend(_area_blocks(inputs, area, with_charts))
    blocks.append(PageBreak())
    blocks.extend(_feedback_blocks(complaints))
    blocks.append(PageBreak())
    blocks.extend(_risk_blocks(risks))
    return blocks


def _activity_json(inputs: selectors.QprInputs, r: rules.ActivityRow) -> dict:
    """An activity indicator at the quarter, with the results its chart draws (each against its thresholds)."""
    points = rules.history(inputs.indicators[r.ref], inputs.qpr.period)
    return {
        "ref": r.ref,
        "description": r.description,
        "unit": r.unit,
        "period": r.period.isoformat() if r.period else None,
        "value": number(r.value),
        "previous_year": number(r.previous_year),
        "lower": number(r.lower),
        "upper": number(r.upper),
        "alert": r.alert,
        "alert_words": range_words(r.alert),
        "results": [
            {
                "period": p.period.isoformat(),
                "value": number(p.value),
                "lower": number(p.lower),
                "upper": number(p.upper),
                "alert": rules.alert(p.value, p.lower, p.upper),
            }
            for p in points
        ],
    }


def json_data(inputs: selectors.QprInputs) -> dict:
    qpr = inputs.qpr
    return {
        "quarter": figures.quarter_name(qpr.period),
        "label": qpr.label,
        "counts": qpr.total.as_dict(),
        "areas": [
            {
                "name": a.area.name,
                "cabinet_members": list(a.area.cabinet_members),
                "director": a.area.director,
                "director_title": a.area.director_title,
                "counts": a.counts.as_dict(),
                "kpis": [
                    {
                        "ref": r.ref,
                        "description": r.description,
                        "period": r.period.isoformat() if r.period else None,
                        "value": number(r.latest),
                        "previous": number(r.previous),
                        "target": number(r.target),
                        "floor": number(r.floor),
                        "polarity": r.polarity,
                        "rag": r.rag,
                        "direction": r.direction,
                    }
                    for r in a.kpis
                ],
                "activity_indicators": [_activity_json(inputs, r) for r in a.activities],
            }
            for a in qpr.areas
        ],
        "cover": figures.cover_sentences(qpr.total),
    }


def build_document(period: dt.date, include_exempt: bool = False, with_charts: bool = True) -> Document:
    inputs = selectors.qpr_inputs(period)
    blocks = report_blocks(inputs, selectors.complaints(period), selectors.risk_data(include_exempt), with_charts)
    stem = f"quarterly-performance-report-{figures.quarter_name(period)}"
    data = json_data(inputs)
    return Document(
        f"Quarterly Performance Report, {inputs.qpr.label}", tuple(blocks), stem, inputs.qpr.label, data=data
    )


def render(period: dt.date, fmt: str, include_exempt: bool = False) -> Output:
    formats.check(fmt, formats.ALL)
    document = build_document(period, include_exempt, with_charts=fmt != "json")
    return Output(formats.render(document, fmt), f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])


def pack_section(quarter: dt.date, reader) -> list[Block]:
    """The QPR's blocks for the quarterly pack (cover paper left out: the pack has its own). `reader`: the person
    the pack is made for; the corporate risks marked exempt are left out unless they are cleared for them."""
    inputs = selectors.qpr_inputs(quarter)
    complaints = selectors.complaints(quarter)
    risks = selectors.risk_data(can_see_exempt(reader))
    blocks = report_blocks(inputs, complaints, risks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Executive summary")
    return [Heading(f"Quarterly Performance Report, {inputs.qpr.label}", 1, "qpr"), *blocks[start:]]


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's QPR: `pack_section` for the latest QPR quarter ending by the pack's quarter's end (the
    QPR goes to Cabinet in public: `user` None gets it without the exempt corporate risks)."""
    if user is not None and not can_read_qpr(user):
        return []
    period = next((p for p in selectors.quarters() if p <= quarter.end), None)
    if period is None:
        return []
    blocks = pack_section(period, user)
    if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        blocks = blocks[1:]
    basis = f"The KPIs' results for {figures.quarter_label(period)} ({figures.quarter_name(period)})"
    if period != quarter.end.replace(day=1):  # a QPR quarter is filed under its last month
        basis += f": the latest quarter with results up to the end of {quarter.label}"
    basis += ", the corporate risk register as it stands and the customer feedback log."
    title = f"Quarterly Performance Report, {figures.quarter_label(period)}"
    return [PackSection(title, basis, tuple(blocks), order=20)]


def data_version() -> tuple:
    return jobs.system_version("qpr", "performance", "risks", "feedback")


@jobs.maker
def report_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    progress(1, 2, "Reading the KPIs, risks and complaints")
    period = dt.date.fromisoformat(params["period"])
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file with its charts")
    return render(period, fmt, params["include_exempt"])
