"""The weekly delayed transfers of care (DToC) dashboard as a document (spec/qpr.md §3, seed 004 item 7 Appendix
A): for a chosen week, each trust's month against its Better Care Fund target by responsibility (NHS, social care,
both) with the trusts above target (escalation), the monthly summary of delayed days by site and who is
responsible, and the weekly operational figures of the twelve weeks to the week, with each site's week-on-week
direction and its 12-week share. Every chart carries its data table.

The figures come from `councilplan.analysis.dtoc`; this module only picks the weeks and months, words and lays
them out. `render(week, fmt)` is the one way from a week to a file, for the command and the page alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from councilplan.analysis import dtoc as figures
from councilplan.analysis import performance as rules
from councilplan.analysis.vocabulary import BOTH, NHS, SOCIAL_CARE
from councilplan.documents import formats, jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, Output
from councilplan.documents.model import Block, BulletList, Chart, Document, Heading, PageBreak, Series, Table
from councilplan.documents.words import bold, para

from . import selectors
from .documents import number

WEEKLY_REF, MONTHLY_REF = "DTOC", "DTOC-M"
WEEKS_SHOWN, MONTHS_SHOWN = 12, 6
TITLE = "Delayed transfers of care: weekly dashboard"
RESPONSIBILITY_WORDS = {NHS: "NHS", SOCIAL_CARE: "Social care", BOTH: "Both", "": "All delays"}
NOT_RETURNED = "–"
KEY = (
    ("↑", "delayed days decreased on the week before"),
    ("↔", "delayed days remained the same"),
    ("↓", "delayed days increased on the week before"),
    (NOT_RETURNED, "not returned (no figures for the site that week; not a zero)"),
)
RULES_NOTE = (
    "Responsibility for each delay is the NHS's, social care's or both's. Days attributed to social care are "
    "social care's days and half of the joint days; days attributed to the NHS are the NHS's own; the percentage "
    "attributable to social care is the attributed days as a share of all delayed days. A month is the sum of "
    "the weeks ending in it, so it has four or five weeks; a month still missing a week is marked partial."
)
ESCALATION_NOTE = (
    "The dashboard is read with the previous four weeks to judge interventions and spot risks needing joint work "
    "with the hospitals. No escalation levels, thresholds or owners are set: trusts above their target are listed "
    "for joint action, the largest difference first."
)


def pct(value: Decimal | None) -> str:
    """ "30.8%" (one decimal place, as the dashboard prints it); "" without a figure."""
    return "" if value is None else f"{value.quantize(Decimal('0.1'))}%"


def one_dp(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1")))


def short_date(day: dt.date) -> str:
    return day.strftime("%d/%m")


def long_week(day: dt.date) -> str:
    return f"week ending {day.strftime('%d/%m/%Y')}"


def direction_words(value: str | None) -> str:
    return f"{figures.SYMBOLS[value]} {figures.WORDS[value].lower()}" if value else NOT_RETURNED


def _n(value: Decimal | int | None) -> int | float | None:
    """Days are whole numbers (ints); shares and attributed halves Decimals."""
    return value if isinstance(value, int) else number(value)


@dataclass(frozen=True)
class Dashboard:
    """The dashboard's figures for one week, as plain records."""

    week: dt.date
    weeks: tuple[dt.date, ...]  # the weeks shown, oldest first, ending with `week`
    months: tuple[dt.date, ...]  # the months shown (first days), ending with the week's month
    sites: tuple[figures.Site, ...]
    acutes: tuple[figures.Site, ...]
    weekly: dict
    summary: dict  # site code ("" for Kent) -> month -> MonthCell
    target_month: dt.date | None
    trust_rows: tuple[figures.TrustRow, ...]
    pressures: tuple[figures.TrustRow, ...]
    shares: dict  # acute site code -> 12-week share of SC-attributed days

    def days(self, code: str, week: dt.date) -> figures.Days:
        return self.weekly.get((code, week), figures.Days())

    def acute_days(self, week: dt.date) -> figures.Days:
        return figures.add(self.days(s.code, week) for s in self.acutes)

    def previous(self, week: dt.date) -> dt.date:
        return week - dt.timedelta(days=7)

    @property
    def weekly_sites(self) -> tuple[figures.Site, ...]:
        """The sites with a weekly figure in the weeks shown (the out-of-area bucket has none)."""
        return tuple(s for s in self.sites if any((s.code, w) in self.weekly for w in self.weeks))


def weeks_available(inputs: selectors.BreakdownInputs | None = None) -> list[dt.date]:
    inputs = inputs or selectors.breakdown_inputs(WEEKLY_REF, MONTHLY_REF)
    return list(inputs.weeks)


def dashboard(inputs: selectors.BreakdownInputs, week: dt.date) -> Dashboard:
    if week not in inputs.weeks:
        raise ValueError(f"there are no delayed transfers figures for the week ending {week:%d/%m/%Y}")
    weeks = tuple(w for w in inputs.weeks if w <= week)[-WEEKS_SHOWN:]
    month = figures.month_start(week)
    months = tuple(rules.add_months(month, -k) for k in range(MONTHS_SHOWN - 1, -1, -1))
    weekday = week.weekday()
    summary = figures.month_summary(inputs.sites, months, inputs.weekly, inputs.monthly, weekday)
    target_months = sorted({figures.month_start(t.month) for t in inputs.targets if t.month <= week})
    target_month = target_months[-1] if target_months else None
    trust_rows: list[figures.TrustRow] = []
    if target_month is not None:
        cells = figures.month_summary(inputs.sites, [target_month], inputs.weekly, inputs.monthly, weekday)
        by_site = {code: c[target_month] for code, c in cells.items()}
        trust_rows = figures.trusts_against_target(inputs.sites, by_site, inputs.targets, target_month)
    acutes = tuple(s for s in inputs.sites if s.setting == figures.ACUTE)
    return Dashboard(
        week,
        weeks,
        months,
        tuple(inputs.sites),
        acutes,
        inputs.weekly,
        summary,
        target_month,
        tuple(trust_rows),
        tuple(figures.pressures(trust_rows)),
        figures.twelve_week_shares(list(acutes), inputs.weekly, list(weeks)),
    )


# --- blocks ------------------------------------------------------------------------------------------


def _month_label(month: dt.date, board: Dashboard) -> str:
    cell = board.summary[""][month]
    return rules.month_name(month) + (" (partial)" if cell.partial else "")


def _summary_blocks(board: Dashboard) -> list[Block]:
    this, before = board.acute_days(board.week), board.acute_days(board.previous(board.week))
    moved = figures.direction(this.total, before.total)
    blocks: list[Block] = [
        Heading("Summary", 2, "summary"),
        para(
            f"In the {long_week(board.week)} the Kent acute hospitals reported ",
            bold(f"{_n(this.total) if this.total is not None else 'no'} delayed days"),
            f", of which {_n(this.attributed_social_care)} ({pct(this.share_social_care)}) are attributable to "
            "social care"
            + (f"; {figures.WORDS[moved].lower()} on the week before ({_n(before.total)})." if moved else "."),
            style="figure",
        ),
    ]
    month = board.months[-1]
    cell = board.summary[""][month]
    if cell.days.total is not None:
        missing = ", ".join(d.strftime("%d/%m/%Y") for d in cell.missing_weeks)
        blocks.append(
            para(
                f"{rules.month_name(month)} so far: {_n(cell.days.total)} delayed days at every site, "
                f"{pct(cell.days.share_social_care)} attributable to social care"
                + (f" (partial: the weeks ending {missing} are not yet in)." if missing else ".")
            )
        )
    if board.pressures:
        words = "; ".join(f"{r.trust} {_n(r.difference)} days above" for r in board.pressures)
        blocks.append(para(bold("Above target "), f"in {rules.month_name(board.target_month)}: {words}."))
    blocks.append(Heading("Key", 2, "key"))
    blocks.append(BulletList(tuple(para(bold(symbol), f": {text}") for symbol, text in KEY)))
    blocks.append(para(RULES_NOTE))
    return blocks


def _target_blocks(board: Dashboard) -> list[Block]:
    blocks: list[Block] = [Heading("Against target by trust and responsibility", 2, "targets")]
    if board.target_month is None:
        return [*blocks, para("No targets are recorded for this period.", style="note")]
    month = rules.month_name(board.target_month)
    blocks.append(
        para(
            f"Local delayed days in {month} against the Better Care Fund (BCF) target, by trust and who is "
            "responsible (social care's own days, joint days apart). A positive difference is above target."
        )
    )
    by = {(r.trust, r.responsibility): r for r in board.trust_rows}
    trusts = list(dict.fromkeys(r.trust for r in board.trust_rows if r.trust))
    rows = []
    for trust in [*trusts, ""]:
        row: list = [trust or "Kent total"]
        for responsibility in (NHS, SOCIAL_CARE, BOTH, ""):
            cell = by[(trust, responsibility)]
            row += [_n(cell.local) if cell.local is not None else NOT_RETURNED, _n(cell.target)]
        row.append(_n(by[(trust, "")].difference))
        rows.append(tuple(row))
    header = ["Trust"]
    for responsibility in (NHS, SOCIAL_CARE, BOTH, ""):
        name = RESPONSIBILITY_WORDS[responsibility]
        header += [name, f"{name}: target"]
    header.append("Difference")
    table = Table(
        f"Delayed days against the BCF target by trust, {month}",
        tuple(header),
        tuple(rows),
        numeric=frozenset(range(1, 10)),
        sheet="Against target",
        row_headers=True,
        total_row=True,
    )
    blocks.append(table)
    trust_rows = [(t, by[(t, "")]) for t in trusts if by[(t, "")].local is not None]
    chart_rows = tuple((t, _n(r.local), _n(r.target), _n(r.difference)) for t, r in trust_rows)
    described = "; ".join(f"{t}: {local} days against {target}" for t, local, target, _ in chart_rows)
    blocks.append(
        Chart(
            "dtoc-targets",
            f"Delayed days by trust against target, {month}",
            tuple(t for t, *_ in chart_rows),
            (
                Series("Local delayed days", tuple(r[1] or 0 for r in chart_rows), "current"),
                Series("BCF target", tuple(r[2] or 0 for r in chart_rows), "previous"),
            ),
            f"Bar chart of each trust's delayed days in {month} against its BCF target. {described}.",
            Table(
                f"Data for the chart: delayed days by trust against target, {month}",
                ("Trust", "Local delayed days", "BCF target", "Difference"),
                chart_rows,
                numeric=frozenset({1, 2, 3}),
                sheet="Chart data",
                row_headers=True,
            ),
            "Delayed days",
        )
    )
    blocks.append(Heading("Escalation", 2, "escalation"))
    blocks.append(para(ESCALATION_NOTE))
    if board.pressures:
        blocks.append(
            Table(
                f"Trusts above their target, {month}",
                ("Trust", "Delayed days", "Target", "Above target by"),
                tuple((r.trust, _n(r.local), _n(r.target), _n(r.difference)) for r in board.pressures),
                numeric=frozenset({1, 2, 3}),
                sheet="Escalation",
                row_headers=True,
            )
        )
    else:
        blocks.append(para("No trust is above its target.", style="note"))
    increased = [
        s.name
        for s in board.weekly_sites
        if figures.direction(
            board.days(s.code, board.week).attributed_social_care,
            board.days(s.code, board.previous(board.week)).attributed_social_care,
        )
        == figures.INCREASED
    ]
    if increased:
        blocks.append(
            para(f"Social-care-attributed days increased in the {long_week(board.week)} at: {', '.join(increased)}.")
        )
    return blocks


def _monthly_blocks(board: Dashboard) -> list[Block]:
    months = board.months
    labels = tuple(_month_label(m, board) for m in months)
    blocks: list[Block] = [
        Heading("Monthly summary by site", 2, "monthly"),
        para(
            "Delayed days by site and who is responsible, each month the sum of the weeks ending in it (for a "
            "month before weekly counting, or a site returning monthly, the month as returned)."
        ),
    ]
    names = {s.code: s.name for s in board.sites}
    codes = [s.code for s in board.sites if any(board.summary[s.code][m].days.returned for m in months)]
    for caption, figure in (
        ("attributed to the NHS", lambda d: d.attributed_nhs),
        ("attributed to social care (including half of both)", lambda d: d.attributed_social_care),
        ("in total", lambda d: d.total),
    ):
        rows = [(names[c], *(_n(figure(board.summary[c][m].days)) for m in months)) for c in codes]
        rows.append(("Kent total", *(_n(figure(board.summary[""][m].days)) for m in months)))
        blocks.append(
            Table(
                f"Delayed days {caption}, by month",
                ("Site", *labels),
                tuple(rows),
                numeric=frozenset(range(1, len(months) + 1)),
                sheet="Monthly summary",
                row_headers=True,
                total_row=True,
            )
        )
    kent = [board.summary[""][m].days for m in months]
    blocks.append(
        Table(
            "Social care's share of all delayed days, by month",
            ("Measure", *labels),
            (("% attributable to social care", *(pct(d.share_social_care) for d in kent)),),
            numeric=frozenset(range(1, len(months) + 1)),
            sheet="Monthly summary",
            row_headers=True,
        )
    )
    chart_rows = tuple(
        (label, _n(d.attributed_nhs), _n(d.attributed_social_care), _n(d.total), pct(d.share_social_care))
        for label, d in zip(labels, kent, strict=True)
    )
    described = "; ".join(f"{r[0]}: NHS {r[1]}, social care {r[2]}, total {r[3]}" for r in chart_rows)
    blocks.append(
        Chart(
            "dtoc-months",
            "Kent: delayed days by month and responsibility",
            labels,
            (
                Series("Attributed to the NHS", tuple(r[1] or 0 for r in chart_rows), "previous"),
                Series("Attributed to social care", tuple(r[2] or 0 for r in chart_rows), "current"),
            ),
            f"Bar chart of Kent's delayed days by month, attributed to the NHS and to social care. {described}.",
            Table(
                "Data for the chart: Kent's delayed days by month and responsibility",
                ("Month", "Attributed to the NHS", "Attributed to social care", "Total", "% social care"),
                chart_rows,
                numeric=frozenset({1, 2, 3, 4}),
                sheet="Chart data",
                row_headers=True,
            ),
            "Delayed days",
        )
    )
    return blocks


def _weekly_blocks(board: Dashboard) -> list[Block]:
    weeks = board.weeks
    labels = tuple(short_date(w) for w in weeks)
    blocks: list[Block] = [
        Heading("Weekly operational figures", 2, "weekly"),
        para(
            f"Delayed days reported by the sites in the {len(weeks)} weeks to the {long_week(board.week)}, "
            "read with the previous four weeks to judge interventions."
        ),
    ]
    kent = [board.acute_days(w) for w in weeks]
    measures = (
        ("NHS", lambda d: _n(d.nhs)),
        ("Social care", lambda d: _n(d.social_care)),
        ("Both", lambda d: _n(d.both)),
        ("Attributed to social care", lambda d: _n(d.attributed_social_care)),
        ("Total", lambda d: _n(d.total)),
        ("% attributable to social care", lambda d: pct(d.share_social_care)),
    )
    kent_table = Table(
        "Kent acute hospitals: delayed days by week ending",
        ("Measure", *labels),
        tuple((name, *(f(d) for d in kent)) for name, f in measures),
        numeric=frozenset(range(1, len(weeks) + 1)),
        sheet="Weekly",
        row_headers=True,
    )
    blocks.append(kent_table)
    described = "; ".join(f"{label}: {_n(d.total)}" for label, d in zip(labels, kent, strict=True))
    blocks.append(
        Chart(
            "dtoc-weeks",
            "Kent acute hospitals: delayed days by week ending",
            labels,
            (
                Series("NHS", tuple(_n(d.attributed_nhs) or 0 for d in kent), "previous"),
                Series("Attributed to social care", tuple(_n(d.attributed_social_care) or 0 for d in kent), "current"),
            ),
            f"Bar chart of the Kent acute hospitals' delayed days by week, NHS and social care. Totals: {described}.",
            Table(
                "Data for the chart: Kent acute hospitals' delayed days by week ending",
                ("Week ending", "NHS", "Attributed to social care", "Total"),
                tuple(
                    (label, _n(d.attributed_nhs), _n(d.attributed_social_care), _n(d.total))
                    for label, d in zip(labels, kent, strict=True)
                ),
                numeric=frozenset({1, 2, 3}),
                sheet="Chart data",
                row_headers=True,
            ),
            "Delayed days",
        )
    )
    sites = board.weekly_sites
    blocks.append(
        Table(
            "Delayed days by site and week ending (– not returned)",
            ("Site", *labels),
            tuple(
                (s.name, *(_n(board.days(s.code, w).total) if board.days(s.code, w).returned else NOT_RETURNED
                           for w in weeks))
                for s in sites
            ),
            numeric=frozenset(range(1, len(weeks) + 1)),
            sheet="Weekly",
            row_headers=True,
        )
    )  # fmt: skip
    rows = []
    for s in sites:
        d = board.days(s.code, board.week)
        before = board.days(s.code, board.previous(board.week))
        moved = figures.direction(d.attributed_social_care, before.attributed_social_care)
        share = board.shares.get(s.code)
        rows.append(
            (
                s.name,
                s.trust,
                _n(d.nhs) if d.returned else NOT_RETURNED,
                _n(d.social_care) if d.returned else NOT_RETURNED,
                _n(d.both) if d.returned else NOT_RETURNED,
                _n(d.attributed_social_care) if d.returned else NOT_RETURNED,
                _n(d.total) if d.returned else NOT_RETURNED,
                pct(d.share_social_care),
                direction_words(moved),
                pct(share) if s.setting == figures.ACUTE else "",
            )
        )
    blocks.append(
        Table(
            f"Each site in the {long_week(board.week)}: who is responsible",
            ("Site", "Trust", "NHS", "Social care", "Both", "Attributed to social care", "Total",
             "% attributable to social care", "Social care days on the week before", "12-week share (acutes)"),
            tuple(rows),
            numeric=frozenset({2, 3, 4, 5, 6, 7, 9}),
            sheet="This week",
            row_headers=True,
        )
    )  # fmt: skip
    return blocks


def report_blocks(board: Dashboard) -> list[Block]:
    blocks: list[Block] = [
        Heading(TITLE, 1, "report-title"),
        para(f"Local data for the {long_week(board.week)}", style="lead"),
        *_summary_blocks(board),
        PageBreak(),
        *_target_blocks(board),
        PageBreak(),
        *_monthly_blocks(board),
        PageBreak(),
        *_weekly_blocks(board),
    ]
    return blocks


# --- JSON ----------------------------------------------------------------------------------------------


def _days_json(d: figures.Days) -> dict:
    return {
        "nhs": _n(d.nhs),
        "social_care": _n(d.social_care),
        "both": _n(d.both),
        "attributed_nhs": _n(d.attributed_nhs),
        "attributed_social_care": _n(d.attributed_social_care),
        "total": _n(d.total),
        "share_social_care": one_dp(d.share_social_care),
    }


def json_data(board: Dashboard) -> dict:
    return {
        "week": board.week.isoformat(),
        "weeks": [w.isoformat() for w in board.weeks],
        "kent_acutes": [{"week": w.isoformat(), **_days_json(board.acute_days(w))} for w in board.weeks],
        "sites": [
            {
                "code": s.code,
                "name": s.name,
                "trust": s.trust,
                "setting": s.setting,
                "weeks": [
                    {"week": w.isoformat(), **_days_json(board.days(s.code, w))}
                    for w in board.weeks
                    if (s.code, w) in board.weekly
                ],
                "direction": figures.direction(
                    board.days(s.code, board.week).attributed_social_care,
                    board.days(s.code, board.previous(board.week)).attributed_social_care,
                ),
                "twelve_week_share": one_dp(board.shares.get(s.code)),
            }
            for s in board.sites
        ],
        "months": [
            {
                "month": m.strftime("%Y-%m"),
                "partial": board.summary[""][m].partial,
                "kent": _days_json(board.summary[""][m].days),
                "sites": {
                    s.code: {**_days_json(board.summary[s.code][m].days), "basis": board.summary[s.code][m].basis}
                    for s in board.sites
                },
            }
            for m in board.months
        ],
        "against_target": {
            "month": board.target_month.strftime("%Y-%m") if board.target_month else None,
            "rows": [
                {
                    "trust": r.trust,
                    "responsibility": r.responsibility,
                    "local": _n(r.local),
                    "target": _n(r.target),
                    "difference": _n(r.difference),
                }
                for r in board.trust_rows
            ],
        },
        "above_target": [{"trust": r.trust, "difference": _n(r.difference)} for r in board.pressures],
    }


# --- the document and its files ------------------------------------------------------------------------


def build_document(
    week: dt.date, with_charts: bool = True, inputs: selectors.BreakdownInputs | None = None
) -> Document:
    """The dashboard for `week`; `inputs` when they have been read already (the page reads them once)."""
    board = dashboard(inputs or selectors.breakdown_inputs(WEEKLY_REF, MONTHLY_REF), week)
    blocks = report_blocks(board)
    if not with_charts:
        blocks = [b for b in blocks if not isinstance(b, Chart)]
    return Document(
        f"{TITLE}, {long_week(week)}",
        tuple(blocks),
        f"delayed-transfers-of-care-{week.isoformat()}",
        f"Delayed transfers of care, {long_week(week)}",
        data=json_data(board),
    )


def render(week: dt.date, fmt: str) -> Output:
    formats.check(fmt, formats.ALL)
    document = build_document(week, with_charts=fmt != "json")
    return Output(formats.render(document, fmt), f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])


def data_version() -> tuple:
    from .models import BreakdownTarget, BreakdownValue, Result, ResultPart

    return jobs.latest_change(BreakdownValue, Result, ResultPart, BreakdownTarget)


@jobs.maker
def report_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    progress(1, 2, "Reading the week's delayed transfers")
    week = dt.date.fromisoformat(params["week"])
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file with its charts")
    return render(week, fmt)
