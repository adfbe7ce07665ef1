"""The bi-annual Corporate Assurance analysis report as a document (every format): the headline figures, key
findings (the team's narrative), the portfolio summary, the month-by-month volumes with their chart, the Tier 1
snapshot, tier 1 by theme and stage, the assurance activity this period and next, and the comparison with the
previous report in points. Built from `selectors.ReportInputs`; every figure comes from `analysis.assurance`."""

from __future__ import annotations

from councilplan.analysis import assurance as rules
from councilplan.analysis.figures import Figure
from councilplan.documents.model import BulletList, Chart, Document, Heading, Paragraph, Run, Series, Table
from councilplan.documents.words import bold, para

from .selectors import ReportInputs

FORMATS = ("html", "pdf", "docx", "xlsx", "json")


def _pc(figure: Figure) -> str:
    return "–" if figure.percent is None else f"{figure.percent}%"


def _bullets(text: str, empty: str) -> list:
    lines = [line.strip().lstrip("-•").strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return [Paragraph((Run(empty),), style="note")]
    return [BulletList(tuple(Paragraph((Run(line),)) for line in lines))]


def _change(inputs: ReportInputs, key: str, points: bool = False) -> str:
    if key not in inputs.changes:
        return ""
    words = rules.signed(inputs.changes[key], "points" if points else "")
    return f" ({words} since the previous report)"


def report_document(inputs: ReportInputs) -> Document:
    f = inputs.figures
    r = inputs.report
    period = f"{inputs.start:%B %Y} to {inputs.end:%B %Y}"
    blocks: list = [Heading(r.title, 1), para(f"Period: {period}. Figures as at {inputs.end:%d/%m/%Y}.", style="lead")]
    blocks.append(Heading("A: Summary", 2, "summary"))
    headline = [
        (f"{f['tier_1']}", f"Tier 1 projects and programmes in the portfolios{_change(inputs, 'tier_1')}."),
        (
            f"{f['total_current']}",
            f"Current projects and programmes across all portfolios{_change(inputs, 'total_current')}.",
        ),
        (
            _pc(f["ending_this_year"]),
            f"of current projects are due to end this financial year ({f['ending_this_year'].count}).",
        ),
        (
            _pc(f["ending_next_year"]),
            f"of current projects are due to end next financial year ({f['ending_next_year'].count}).",
        ),
        (f"{f['tier_1_added']}", "projects became Tier 1 this period."),
        (f"{f['tier_1_completed']}", "Tier 1 projects have completed this period."),
        (
            f"{f['closures']}",
            f"projects stopped, completed or transferred this period, {_pc(f['closures_completed'])} of them "
            f"completed{_change(inputs, 'closures')}.",
        ),
        (f"{f['potential']}", f"potential projects{_change(inputs, 'potential')}."),
        (
            _pc(f["tier_1_pre_implementation"]),
            "of Tier 1 activity is in the Analyse or Plan stages (pre-implementation).",
        ),
        (
            _pc(f["tier_1_stage_do"]),
            f"of Tier 1 activity is in the Do stage{_change(inputs, 'tier_1_stage_do', True)}.",
        ),
        (_pc(f["tier_1_stage_review"]), "of Tier 1 activity is in the Review stage."),
    ]
    for figure, words in headline:
        blocks.append(Paragraph((bold(figure), Run(" " + words)), style="figure"))
    blocks.append(Heading("B: Key findings", 2, "findings"))
    for title, text in (
        ("Achievements this period", r.achievements),
        ("Areas for development", r.development),
        ("Areas for consideration", r.consideration),
    ):
        blocks.append(Heading(title, 3))
        blocks.extend(_bullets(text, "Not written yet."))
    blocks.append(Heading(f"C: Portfolios summary – {inputs.end:%B %Y}", 2, "portfolios"))
    rows = [
        (p.name, p.tiers["1"], p.tiers["2"], p.tiers["3"], p.tiers["tbc"], p.current, p.potential, p.closed)
        for p in inputs.summary
    ]
    totals = tuple(sum(row[i] for row in rows) for i in range(1, 8))
    blocks.append(
        Table(
            f"Projects by portfolio and tier, {inputs.end:%B %Y}",
            ("Portfolio", "Tier 1", "Tier 2", "Tier 3", "TBC", "Current", "Potential", "Closed in the month"),
            (*rows, ("All portfolios", *totals)),
            numeric=frozenset(range(1, 8)),
            row_headers=True,
            total_row=True,
            sheet="Portfolios",
        )
    )
    blocks.append(Heading("D: Overall volumes by month", 2, "months"))
    labels = tuple(f"{m.month:%b %y}" for m in inputs.months)
    names = [p.name.split(" (")[0] for p in inputs.portfolios]
    # Two tables, not one: nine columns squeeze the month names to a letter a line.
    table = Table(
        "Projects by month: current (all tiers), Tier 1, potential, and stopped or completed in the month",
        ("Month", "Total current", "Tier 1", "Potential", "Stopped or completed"),
        tuple((f"{m.month:%B %Y}", m.current, m.tier_1, m.potential, m.closed) for m in inputs.months),
        numeric=frozenset(range(1, 5)),
        row_headers=True,
        sheet="Months",
    )
    by_portfolio = Table(
        "Current projects by portfolio, by month",
        ("Month", *names),
        tuple((f"{m.month:%B %Y}", *m.by_portfolio) for m in inputs.months),
        numeric=frozenset(range(1, 1 + len(names))),
        row_headers=True,
        sheet="Months by portfolio",
    )
    blocks.append(
        Chart(
            "months",
            "Overall volumes by month",
            labels,
            (
                Series("Total current", tuple(m.current for m in inputs.months), "current"),
                Series("Tier 1", tuple(m.tier_1 for m in inputs.months), "previous"),
                Series("Potential", tuple(m.potential for m in inputs.months), "other"),
                Series("Stopped/completed", tuple(m.closed for m in inputs.months), "other"),
            ),
            f"Bar chart of projects by month from {labels[0] if labels else ''} to {labels[-1] if labels else ''}: "
            "the table below gives every value.",
            table,
            value_label="Projects",
        )
    )
    blocks.append(by_portfolio)
    w = inputs.window
    if w:
        blocks.append(
            para(
                f"Since {w['start']:%B %Y}, {w['closures']} projects stopped, completed or transferred across the "
                "portfolios: "
                + "; ".join(
                    f"{p.name} {_pc(w['by_portfolio'][p.code])} ({w['by_portfolio'][p.code].count})"
                    for p in inputs.portfolios
                    if p.code in w["by_portfolio"]
                )
                + "."
            )
        )
    blocks.append(Heading("E: Project complexity and risk", 2, "complexity"))
    blocks.append(
        para(
            f"{f['deca_assessed'].count} of {f['total_current']} current projects have had a DECA assessment; "
            f"{f['tbc']} await one (tier TBC)."
        )
    )
    blocks.append(Heading(f"F: Snapshot of Tier 1 projects and programmes (as at {inputs.end:%B %Y})", 2, "tier-1"))
    blocks.append(
        Table(
            "Tier 1 projects: stage, money, variations in the period, milestones and end date",
            (
                "Project",
                "Portfolio",
                "Stage",
                "Forecast cost",
                "Financial benefit",
                "Variations",
                "Next key milestones",
                "End date",
            ),
            tuple(
                (
                    t.project.name,
                    t.portfolio,
                    t.stage,
                    t.cost,
                    t.benefit,
                    "; ".join(t.variations) or "None",
                    t.milestones,
                    t.end,
                )
                for t in inputs.tier_1
            ),
            row_headers=True,
            sheet="Tier 1",
        )
    )
    blocks.append(Heading("G: Tier 1 by theme", 2, "themes"))
    theme_rows = tuple(
        (
            t.label,
            f[f"tier_1_theme_{t.code}"].count,
            _pc(f[f"tier_1_theme_{t.code}"]),
            f[f"theme_{t.code}"].count,
            _pc(f[f"theme_{t.code}"]),
            f[f"potential_theme_{t.code}"].count,
            _pc(f[f"potential_theme_{t.code}"]),
        )
        for t in inputs.themes
    )
    blocks.append(
        Table(
            "Projects by predominant theme: Tier 1, all current, potential",
            ("Theme", "Tier 1", "Tier 1 %", "All current", "All current %", "Potential", "Potential %"),
            theme_rows,
            numeric=frozenset(range(1, 7)),
            row_headers=True,
            sheet="Themes",
        )
    )
    sr = f.get("tier_1_theme_service_redesign")
    if sr is not None:
        blocks.append(
            para(
                f"{_pc(sr)} of current Tier 1 projects ({sr.count} of {sr.of}) are predominantly service redesign"
                f"{_change(inputs, 'tier_1_theme_service_redesign', True)}."
            )
        )
    blocks.append(Heading("H: Tier 1 by project stage", 2, "stages"))
    stage_table = Table(
        f"Tier 1 activity by project stage, {inputs.end:%B %Y}",
        ("Stage", "Projects", "Share"),
        tuple(
            (label, f[f"tier_1_stage_{code}"].count, _pc(f[f"tier_1_stage_{code}"]))
            for code, label in rules.STAGES.items()
        ),
        numeric=frozenset({1, 2}),
        row_headers=True,
        sheet="Stages",
    )
    blocks.append(
        Chart(
            "stages",
            "Tier 1 activity by project stage",
            tuple(rules.STAGES.values()),
            (Series("Tier 1 projects", tuple(f[f"tier_1_stage_{c}"].count for c in rules.STAGES), "current"),),
            "Bar chart of Tier 1 projects by stage: the table below gives every value.",
            stage_table,
            value_label="Projects",
        )
    )
    ending = f["tier_1_ending_this_year"]
    blocks.append(
        para(
            f"{ending.count} Tier 1 projects will complete this financial year; {_pc(f['ending_next_year'])} of all "
            f"projects ({f['ending_next_year'].count} of {f['total_current']}) will complete next financial year."
        )
    )
    blocks.append(Heading("I: Corporate assurance activity this period", 2, "activity"))
    blocks.extend(_bullets(r.activity_done, "Not written yet."))
    blocks.append(Heading("L: Corporate assurance activity next period", 2, "next"))
    blocks.extend(_bullets(r.activity_planned, "Not written yet."))
    if inputs.previous:
        blocks.append(Heading("Comparison with the previous report", 2, "comparison"))
        compare_rows = []
        for key, change in inputs.changes.items():
            value = f[key]
            now = _pc(value) if isinstance(value, Figure) else value
            before = inputs.previous[key]
            was = f"{before['percent']}%" if isinstance(before, dict) else before
            unit = "points" if isinstance(value, Figure) else ""
            definition = rules.definition_of(key)
            compare_rows.append(
                (definition.counts if definition else key, str(was), str(now), rules.signed(change, unit))
            )
        blocks.append(
            Table(
                "Figures against the previous report (differences of percentages in percentage points)",
                ("Figure", "Previous report", "This report", "Change"),
                tuple(compare_rows),
                row_headers=True,
                sheet="Comparison",
            )
        )
    commentary = tuple(
        (name, text)
        for name, text in (
            ("Achievements this period", r.achievements),
            ("Areas for development", r.development),
            ("Areas for consideration", r.consideration),
            ("Assurance activity this period", r.activity_done),
            ("Assurance activity next period", r.activity_planned),
        )
        if text
    )
    figures_table = Table(
        "Figures",
        ("Figure", "Count", "Out of", "Percent", "What it counts"),
        tuple(
            (
                key,
                value.count if isinstance(value, Figure) else value,
                value.of if isinstance(value, Figure) else None,
                value.percent if isinstance(value, Figure) else None,
                (rules.definition_of(key).counts if rules.definition_of(key) else ""),
            )
            for key, value in f.items()
        ),
        numeric=frozenset({1, 2, 3}),
        sheet="Figures",
    )
    return Document(
        title=r.title,
        blocks=tuple(blocks),
        file_stem=f"corporate-assurance-{inputs.start:%Y-%m}-to-{inputs.end:%Y-%m}",
        subject=f"Corporate Assurance analysis, {period}",
        commentary=commentary,
        workbook_first=(figures_table,),
        data=report_data(inputs),
    )


def report_data(inputs: ReportInputs) -> dict:
    r = inputs.report
    return {
        "title": r.title,
        "period": {"start": inputs.start.isoformat(), "end": inputs.end.isoformat()},
        "issued_on": r.issued_on.isoformat() if r.issued_on else None,
        "figures": rules.plain(inputs.figures),
        "changes": inputs.changes,
        "previous": inputs.previous,
        "months": [
            {
                "month": m.month.strftime("%Y-%m"),
                "total_current": m.current,
                "tier_1": m.tier_1,
                "potential": m.potential,
                "closed": m.closed,
                "by_portfolio": dict(zip([p.code for p in inputs.portfolios], m.by_portfolio, strict=True)),
            }
            for m in inputs.months
        ],
        "portfolios": [
            {
                "code": p.code,
                "name": p.name,
                "tiers": p.tiers,
                "current": p.current,
                "potential": p.potential,
                "closed_in_month": p.closed,
            }
            for p in inputs.summary
        ],
        "since_previous": {
            "start": inputs.window["start"].isoformat(),
            "closures": inputs.window["closures"],
            "by_portfolio": {k: v.as_dict() for k, v in inputs.window["by_portfolio"].items()},
        }
        if inputs.window
        else None,
        "tier_1": [
            {
                "reference": t.project.reference,
                "name": t.project.name,
                "portfolio": t.portfolio,
                "stage": t.stage,
                "forecast_cost": t.cost,
                "financial_benefit": t.benefit,
                "variations": t.variations,
                "milestones": t.milestones,
                "end_date": t.end,
            }
            for t in inputs.tier_1
        ],
        "narrative": {
            "achievements": r.achievements,
            "development": r.development,
            "consideration": r.consideration,
            "activity_done": r.activity_done,
            "activity_planned": r.activity_planned,
        },
    }
