"""The directorate performance dashboard (seed 003) and the quarterly performance report (seed 004) as report
documents (`councilplan.reports.document`), and the JSON of the issue. The figures come from
`councilplan.analysis.performance`; this module only words and lays them out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from councilplan.analysis import performance as rules
from councilplan.documents.model import Block, BulletList, Document, Heading, PageBreak, Paragraph, Run, Series, Table
from councilplan.documents.words import bold, join_words, para, slug, text_blocks

from .charts import TrendChart
from .selectors import QUARTERLY, ReportInputs

# --- words -------------------------------------------------------------------------------------------

RAG_WORDS = {rules.GREEN: "GREEN", rules.AMBER: "AMBER", rules.RED: "RED"}
# Arrows alone are ambiguous (the risk register uses them for scores), so every arrow says what it means.
DIRECTION_WORDS = {
    rules.IMPROVED: "↑ performance improved",
    rules.SAME: "↔ unchanged",
    rules.WORSENED: "↓ performance worsened",
    rules.NEW: "New",
}
ALERT_WORDS = {rules.IN_RANGE: "Yes", rules.ABOVE: "Above", rules.BELOW: "Below"}
# The alert in words, for the charts' data tables and the QPR's activity indicators.
RANGE_WORDS = {
    rules.IN_RANGE: "Within the expected range",
    rules.ABOVE: "Above the expected range",
    rules.BELOW: "Below the expected range",
}
NO_RANGE_WORDS = "No expected range set"


def range_words(alert: str | None) -> str:
    """ "Within the expected range", "Above …", "Below …", or "No expected range set" (no thresholds)."""
    return RANGE_WORDS.get(alert or "", NO_RANGE_WORDS)


SHOWN_AS_WORDS = {rules.LATEST: "Latest", rules.YEAR_TO_DATE: "Year to date"}

# Seed 004 lines 1093–1104 (the quarterly report's key) and seed 003 lines 430–432 (the dashboard's).
RAG_DEFINITIONS = (
    ("GREEN", "Target has been achieved (performance has met or exceeded the current target)"),
    ("AMBER", "Floor Standard achieved but Target has not been met"),
    ("RED", "Floor Standard has not been achieved (performance is below the floor standard)"),
)
DIRECTION_DEFINITIONS = (
    ("↑", "Performance has improved"),
    ("↓", "Performance has worsened"),
    ("↔", "Performance has remained the same"),
    ("New", "No earlier result to compare with"),
)
DATA_QUALITY_NOTE = (
    "All data included in this report for the current financial year is provisional unaudited data and is "
    "categorised as management information. All current in-year results may therefore be subject to later revision."
)
ACTIVITY_NOTE = (
    "Activity indicators represent demand levels or give context to the key performance indicators. They are not "
    "given a RAG rating or direction of travel. Where expected levels are set, they are tracked within an expected "
    "range between upper and lower thresholds, based on previous years' trends: the result is in the expected "
    "range (Yes), Above or Below it. Otherwise they are shown against the same period of the previous year."
)
FLOOR_NOTE = (
    "Targets and floor standards are set at the start of the year in the directorate business plans. A result "
    "equal to the target is green; a result equal to the floor standard is amber (the floor is achieved)."
)


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as JSON and spreadsheets want it: a whole number when it is one."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_value(value: Decimal | None, unit: str, missing: str = "N/a") -> str:
    """ "97%", "99.5%", "1,778", "£1,259", "338 days"."""
    if value is None:
        return missing
    normal = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    text = f"{normal:,f}"
    if unit == "percentage":
        return f"{text}%"
    if unit == "money":
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    if unit == "days":
        return f"{text} days"
    return text


def _rag(value: str | None) -> str:
    return RAG_WORDS.get(value or "", "N/a") if value else "N/a"


def _direction(value: str | None) -> str:
    return DIRECTION_WORDS.get(value or "", "N/a")


def _indicator_text(description: str, polarity: str = rules.HIGHER, paired_with: str = "") -> str:
    extras = []
    if polarity == rules.LOWER:
        extras.append("lower is better")
    if paired_with:
        extras.append(f"context for {paired_with}")
    return description + (f" ({'; '.join(extras)})" if extras else "")


def area_title(area: rules.Area) -> str:
    """ "EODD – delivered by Business Service Centre": the seed has several areas of one name."""
    if area.delivery_partner and area.delivery_partner != area.name:
        return f"{area.name} – delivered by {area.delivery_partner}"
    return area.name


# --- shared parts ------------------------------------------------------------------------------------


def _counts_text(headline: rules.Headline) -> list[Paragraph]:
    r, d = headline.rag, headline.direction
    return [
        para(
            "Latest performance is rated ",
            bold(f"Green for {r[rules.GREEN]}"),
            ", ",
            bold(f"Amber for {r[rules.AMBER]}"),
            " and ",
            bold(f"Red for {r[rules.RED]}"),
            f" of the {r.total} key performance indicators with a result.",
            style="figure",
        ),
        para(
            "Direction of travel: ",
            bold(f"{d[rules.IMPROVED]} improved"),
            ", ",
            bold(f"{d[rules.SAME]} unchanged"),
            ", ",
            bold(f"{d[rules.WORSENED]} worsened"),
            " and ",
            bold(f"{d[rules.NEW]} new"),
            " (no earlier result to compare with).",
            style="figure",
        ),
    ]


def _headline_tables(headline: rules.Headline, sheet: str) -> list[Table]:
    r, y, d = headline.rag, headline.ytd_rag, headline.direction
    return [
        Table(
            "Key performance indicators by RAG rating",
            ("Period", "Green", "Amber", "Red"),
            (
                ("Latest", r[rules.GREEN], r[rules.AMBER], r[rules.RED]),
                ("Year to date", y[rules.GREEN], y[rules.AMBER], y[rules.RED]),
            ),
            numeric=frozenset({1, 2, 3}),
            sheet=sheet,
            row_headers=True,
        ),
        Table(
            "Key performance indicators by direction of travel",
            ("Direction of travel", "Indicators"),
            tuple((DIRECTION_WORDS[key], d[key]) for key in rules.DIRECTION_KEYS),
            numeric=frozenset({1}),
            sheet=sheet,
            row_headers=True,
        ),
    ]


def _alerts_text(activities: list[rules.ActivityRow]) -> Paragraph | None:
    ranged = [a for a in activities if a.alert is not None]
    if not ranged:
        return None
    outside = [a for a in ranged if a.alert != rules.IN_RANGE]
    words = "; ".join(f"{a.ref} {ALERT_WORDS[a.alert].lower()}" for a in outside)
    return para(
        f"Of the {len(ranged)} activity indicators with an expected range, "
        f"{len(ranged) - len(outside)} are in the expected range"
        + (f" and {len(outside)} outside it: {words}." if outside else "."),
    )


def _keys() -> list[Block]:
    return [
        Heading("Key to the ratings", 2, "key"),
        BulletList(tuple(para(bold(word), f": {text}") for word, text in RAG_DEFINITIONS)),
        BulletList(tuple(para(bold(arrow), f": {text}") for arrow, text in DIRECTION_DEFINITIONS)),
        para(FLOOR_NOTE),
        para(ACTIVITY_NOTE),
        Heading("Data quality note", 2, "data-quality-note"),
        para(DATA_QUALITY_NOTE),
    ]


def _kpi_table(area: rules.AreaPerformance, caption: str) -> Table:
    rows = []
    for row in area.kpis:
        ytd = "Snapshot data" if row.snapshot else format_value(row.ytd, row.unit)
        previous_year = "New" if row.is_new else format_value(row.previous_year, row.unit)
        rows.append(
            (
                row.ref,
                _indicator_text(row.description, row.polarity),
                format_value(row.latest, row.unit, "No result"),
                _rag(row.rag),
                _direction(row.direction),
                ytd,
                _rag(row.ytd_rag) if not row.snapshot else "",
                format_value(row.target, row.unit),
                format_value(row.floor, row.unit),
                previous_year,
            )
        )
    return Table(
        caption,
        ("Ref", "Indicator", "Latest", "RAG", "DoT", "Year to date", "YTD RAG", "Target", "Floor", "Previous year"),
        tuple(rows),
        numeric=frozenset({2, 5, 7, 8, 9}),
        sheet="Key performance indicators",
        row_headers=True,
    )


def _activity_table(area: rules.AreaPerformance, caption: str) -> Table:
    rows = []
    for row in area.activities:
        rows.append(
            (
                row.ref,
                _indicator_text(row.description, paired_with=row.paired_with),
                SHOWN_AS_WORDS.get(row.shown_as, row.shown_as),
                format_value(row.value, row.unit, "No result"),
                ALERT_WORDS.get(row.alert or "", "") if row.alert else "No thresholds",
                format_value(row.upper, row.unit, ""),
                format_value(row.lower, row.unit, ""),
                format_value(row.previous_year, row.unit),
            )
        )
    return Table(
        caption,
        ("Ref", "Indicator", "Figure", "Result", "In expected range?", "Upper", "Lower", "Previous year"),
        tuple(rows),
        numeric=frozenset({3, 5, 6, 7}),
        sheet="Activity indicators",
        row_headers=True,
    )


def _results_to(area: rules.AreaPerformance, period: dt.date) -> Paragraph | None:
    """ "Results to June 2017 for CS07, HR22 and HR24.": when some latest results are older than the report's."""
    earlier: dict[dt.date, list[str]] = {}
    for row in [*area.kpis, *area.activities]:
        if row.period is not None and row.period < period:
            earlier.setdefault(row.period, []).append(row.ref)
    if not earlier:
        return None
    parts = [f"to {rules.month_name(p)} for {join_words(refs)}" for p, refs in sorted(earlier.items())]
    return para("Latest results are " + "; ".join(parts) + ".", style="note")


def _commentary(area: rules.AreaPerformance) -> list[Block]:
    blocks: list[Block] = []
    for row in [*area.kpis, *area.activities]:
        if not row.commentary:
            continue
        lines = text_blocks(row.commentary)
        first, rest = lines[0], lines[1:]
        blocks.append(Paragraph((Run(f"{row.ref} – ", bold=True), *first.runs)))
        blocks.extend(rest)
    return blocks


def _nan(value: Decimal | None) -> float:
    return float("nan") if value is None else float(value)


def trend_chart(indicator: rules.Indicator, period: dt.date, key_prefix: str = "") -> TrendChart:
    """The indicator's results in the 13 months to `period`, with its target and floor (or thresholds)."""
    points = rules.history(indicator, period)
    categories = tuple(rules.short_period(p.period) for p in points)
    percent = indicator.unit == "percentage"
    figure_name = "Year to date" if not indicator.is_kpi and indicator.shown_as == rules.YEAR_TO_DATE else "Result"
    series = [Series(figure_name, tuple(_nan(p.value) for p in points), "result")]
    if indicator.is_kpi:
        header = ("Period", figure_name, "Target", "Floor standard")
        rows = tuple((rules.month_name(p.period), number(p.value), number(p.target), number(p.floor)) for p in points)
        if any(p.target is not None for p in points):
            series.append(Series("Target", tuple(_nan(p.target) for p in points), "target"))
            series.append(Series("Floor standard", tuple(_nan(p.floor) for p in points), "floor"))
        lines = "target and floor standard"
    else:
        header = ("Period", figure_name, "Lower threshold", "Upper threshold", "Against the expected range")
        rows = tuple(
            (
                rules.month_name(p.period),
                number(p.value),
                number(p.lower),
                number(p.upper),
                range_words(rules.alert(p.value, p.lower, p.upper)),
            )
            for p in points
        )
        if any(p.lower is not None for p in points):
            series.append(Series("Lower threshold", tuple(_nan(p.lower) for p in points), "lower"))
            series.append(Series("Upper threshold", tuple(_nan(p.upper) for p in points), "upper"))
        lines = "expected range"
    title = f"{indicator.ref}: {indicator.description}"
    table = Table(
        f"Data for the chart: {title}",
        header,
        rows,
        numeric=frozenset({1, 2, 3}),
        sheet="Chart data",
        row_headers=True,
    )
    if points:
        described = "; ".join(f"{rules.month_name(p.period)}: {format_value(p.value, indicator.unit)}" for p in points)
        alt = f"Line chart of {title}, with its {lines}, {categories[0]} to {categories[-1]}. {described}."
    else:
        alt = f"Line chart of {title}: no results in the 13 months to {rules.month_name(period)}."
    value_label = "Per cent" if percent else "Number"
    return TrendChart(
        f"{key_prefix}{slug(indicator.ref)}",
        title,
        categories,
        tuple(series),
        alt,
        table,
        value_label,
        percent=percent,
        ref=indicator.ref,
    )


def _charts(area: rules.AreaPerformance, records: dict[str, rules.Indicator], period: dt.date) -> list[Block]:
    refs = [row.ref for row in [*area.kpis, *area.activities]]
    if not refs:
        return []
    blocks: list[Block] = [Heading(f"{area.area.name}: charts", 3, f"charts-{slug(area.area.key)}")]
    blocks.extend(trend_chart(records[ref], period) for ref in refs)
    return blocks


def _area_blocks(inputs: ReportInputs, area: rules.AreaPerformance, quarterly: bool) -> list[Block]:
    period = inputs.performance.period
    title = area.area.name if quarterly else area_title(area.area)
    blocks: list[Block] = [Heading(title, 2, f"area-{slug(area.area.key)}")]
    details = (
        ("Director", area.area.director or "Not recorded"),
        ("Cabinet member", area.area.cabinet_member or "Not recorded"),
        ("Delivered by", area.area.delivery_partner or "Not recorded"),
    )
    blocks.append(
        Table(f"{title}: who is responsible", ("Role", "Name"), details, sheet="Service areas", row_headers=True)
    )
    if quarterly and area.kpis:
        r, d = area.headline.rag, area.headline.direction
        blocks.append(
            Table(
                f"{title}: KPI summary",
                ("Green", "Amber", "Red", "↑ improved", "↔ unchanged", "↓ worsened", "New"),
                ((r[rules.GREEN], r[rules.AMBER], r[rules.RED], d[rules.IMPROVED], d[rules.SAME],
                  d[rules.WORSENED], d[rules.NEW]),),
                numeric=frozenset(range(7)),
                sheet="Summary",
            )
        )  # fmt: skip
    text = inputs.area_commentary.get(area.area.key, "")
    if text:
        blocks.extend(text_blocks(text))
    note = _results_to(area, period)
    if note:
        blocks.append(note)
    if area.kpis:
        blocks.append(_kpi_table(area, f"{title}: key performance indicators"))
    if area.activities:
        blocks.append(_activity_table(area, f"{title}: activity indicators"))
    commentary = _commentary(area)
    if commentary:
        blocks.append(Heading(f"{title}: commentary", 3, f"commentary-{slug(area.area.key)}"))
        blocks.extend(commentary)
    return blocks


def _kpi_summary(inputs: ReportInputs) -> Table:
    rows = []
    for area in inputs.performance.areas:
        for row in area.kpis:
            rows.append((row.ref, area.area.name, row.description, _rag(row.rag), _rag(row.ytd_rag)))
    return Table(
        "Key performance indicator summary",
        ("Ref", "Service area", "Indicator", "Latest RAG", "YTD RAG"),
        tuple(rows),
        sheet="Summary",
        row_headers=True,
    )


def _scope_words(inputs: ReportInputs) -> str:
    return inputs.scope.label or "All directorates"


# --- the dashboard --------------------------------------------------------------------------------------


def build_dashboard(inputs: ReportInputs, with_charts: bool = True) -> Document:
    """Seed 003's directorate dashboard: headline counts, keys, the KPI summary, then each service area's
    tables, commentary and charts. `with_charts=False` leaves the charts out (the web page links to them)."""
    performance = inputs.performance
    period = performance.period
    year = rules.financial_year_name(rules.financial_year(period))
    scope = _scope_words(inputs)
    title = f"{scope} Performance Dashboard" if inputs.scope.label else "Performance Dashboard"
    records = {i.ref: i for i in inputs.indicators}
    blocks: list[Block] = [
        Heading(title, 1, "report-title"),
        para(f"Financial Year {year}: results up to {rules.month_name(period)}", style="lead"),
        Heading("Summary", 2, "summary"),
        *_counts_text(performance.headline),
    ]
    alerts = _alerts_text(performance.activities)
    if alerts:
        blocks.append(alerts)
    blocks.extend(_headline_tables(performance.headline, "Summary"))
    blocks.extend(_keys())
    if performance.kpis:
        blocks.append(Heading("Key performance indicator summary", 2, "kpi-summary"))
        blocks.append(_kpi_summary(inputs))
    if not performance.areas:
        blocks.append(para("There are no indicators to report.", style="note"))
    for area in performance.areas:
        blocks.append(PageBreak())
        blocks.extend(_area_blocks(inputs, area, quarterly=False))
        if with_charts:
            blocks.extend(_charts(area, records, period))
    stem = f"performance-dashboard-{slug(scope)}-{period:%Y-%m}"
    return Document(title, tuple(blocks), stem, f"{scope} – results up to {rules.month_name(period)}")


# --- the quarterly performance report -------------------------------------------------------------------


def quarter_words(period: dt.date) -> str:
    """ "Quarter 1, 2017/18 (April to June 2017)"."""
    first = rules.add_months(period, -2)
    return (
        f"Quarter {rules.quarter_of(period)}, {rules.financial_year_name(rules.financial_year(period))} "
        f"({rules.MONTH_NAMES[first.month - 1]} to {rules.month_name(period)})"
    )


def _summary_table(performance: rules.Performance) -> Table:
    def counts(h: rules.Headline) -> tuple[int, ...]:
        r, d = h.rag, h.direction
        return (r[rules.GREEN], r[rules.AMBER], r[rules.RED], d[rules.IMPROVED], d[rules.SAME], d[rules.WORSENED],
                d[rules.NEW])  # fmt: skip

    rows = [(a.area.name, *counts(a.headline)) for a in performance.areas if a.kpis]
    rows.append(("TOTAL", *counts(performance.headline)))
    return Table(
        "Key performance indicators: RAG ratings and directions of travel by area",
        ("Area", "Green", "Amber", "Red", "↑ improved", "↔ unchanged", "↓ worsened", "New"),
        tuple(rows),
        numeric=frozenset(range(1, 8)),
        sheet="Summary",
        row_headers=True,
        total_row=True,
    )


def build_quarterly(inputs: ReportInputs, with_charts: bool = True) -> Document:
    """Seed 004's quarterly performance report: keys, data-quality note, the executive summary's table of
    G/A/R and directions per area with the total, then per area its summary, commentary, tables and charts."""
    performance = inputs.performance
    period = performance.period
    scope = _scope_words(inputs)
    records = {i.ref: i for i in inputs.indicators}
    h = performance.headline
    kpis = len(performance.kpis)
    blocks: list[Block] = [
        Heading("Quarterly Performance Report", 1, "report-title"),
        para(quarter_words(period), style="lead"),
    ]
    if inputs.scope.label:
        blocks.append(para("Covering ", bold(scope), style="lead"))
    blocks.extend(_keys())
    blocks.append(Heading("Executive summary", 2, "executive-summary"))
    blocks.append(
        para(
            f"This report includes {kpis} key performance indicators, assessed against the targets set at the start "
            f"of the year. Of those with a result this quarter, {h.rag[rules.GREEN]} are rated Green (target achieved "
            f"or exceeded), {h.rag[rules.AMBER]} Amber (below target but at or above the floor standard) and "
            f"{h.rag[rules.RED]} Red (below the floor standard). Against the previous quarter, "
            f"{h.direction[rules.IMPROVED]} improved, {h.direction[rules.SAME]} stayed the same, "
            f"{h.direction[rules.WORSENED]} worsened and {h.direction[rules.NEW]} are new."
        )
    )
    blocks.append(_summary_table(performance))
    alerts = _alerts_text(performance.activities)
    if alerts:
        blocks.append(alerts)
    if not performance.areas:
        blocks.append(para("There are no indicators to report.", style="note"))
    for area in performance.areas:
        blocks.append(PageBreak())
        blocks.extend(_area_blocks(inputs, area, quarterly=True))
        if with_charts:
            blocks.extend(_charts(area, records, period))
    stem = f"quarterly-performance-report-{slug(scope)}-{period:%Y-%m}"
    return Document("Quarterly Performance Report", tuple(blocks), stem, f"{scope} – {quarter_words(period)}")


def build_document(inputs: ReportInputs, with_charts: bool = True) -> Document:
    if inputs.scope.kind == QUARTERLY:
        return build_quarterly(inputs, with_charts)
    return build_dashboard(inputs, with_charts)


# --- a plan activity's KPIs -----------------------------------------------------------------------------


def linked_kpi_rows(rows: list[rules.KpiRow]) -> list[dict]:
    """KPIs at their latest results, worded for `performance/_linked_kpis.html` (an activity's page or
    scorecard)."""
    return [
        {
            "row": row,
            "period": rules.period_label(row.period, row.frequency) if row.period else "No result",
            "latest": format_value(row.latest, row.unit, "No result"),
            "rag": _rag(row.rag),
            "direction": _direction(row.direction),
            "ytd": "Snapshot data" if row.snapshot else format_value(row.ytd, row.unit),
            "ytd_rag": "" if row.snapshot else _rag(row.ytd_rag),
            "target": format_value(row.target, row.unit),
            "floor": format_value(row.floor, row.unit),
        }
        for row in rows
    ]


# --- JSON -----------------------------------------------------------------------------------------------


def json_data(performance: rules.Performance) -> dict:
    """The issue's JSON: counts for the latest period and the year to date, directions of travel, every KPI and
    every activity indicator."""
    h = performance.headline
    return {
        "rag": h.rag.as_dict(),
        "ytd_rag": h.ytd_rag.as_dict(),
        "direction": h.direction.as_dict(),
        "indicators": [
            {
                "ref": row.ref,
                "latest": number(row.latest),
                "rag": row.rag,
                "direction": row.direction,
                "ytd": number(row.ytd),
                "ytd_rag": row.ytd_rag,
                "target": number(row.target),
                "floor": number(row.floor),
            }
            for row in performance.kpis
        ],
        "activity_indicators": [
            {"ref": row.ref, "value": number(row.value), "alert": row.alert} for row in performance.activities
        ],
    }
