"""The budget monitoring reports, in the one document model, so that HTML, PDF, Word, Excel and JSON lay out the
same content: the Cabinet report (seed 004: summary, Table 1 with the roll-forward block, the narrative per unit,
school reserves, companies, Table 3 with its headlines and cash limit adjustments, Appendix 1, the activity
appendices, the asylum appendix, the reserves, the year's trajectory) and the cabinet committee extract for one
directorate in £'000 (seed 003). JSON is the report's `data`: every figure as the report prints it.

Words only: every figure comes from `councilplan.analysis.finance`, rounded there for display.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from councilplan.analysis import finance as f
from councilplan.documents.model import Chart, Document, Heading, PageBreak, Series, Table
from councilplan.documents.words import long_date, para, text_blocks
from councilplan.performance.charts import TrendChart

from .selectors import CapitalRecord, PositionBundle

ROUNDING_NOTE = (
    "Please note that budgets are held to the nearest pound and every total is worked out from the amounts held, "
    "then rounded: the figures in these tables may not add through exactly because of rounding."
)
T1_HEADER = (
    "Directorate",
    "Budget £m",
    "Net Forecast Variance £m",
    "Corporate Director adjustment £m",
    "Revised Net Variance £m",
    "Last Reported position £m",
    "Movement £m",
)
T3_HEADER = (
    "Directorate",
    "Working budget £m",
    "Variance £m",
    "Real variance £m",
    "Re-phasing variance £m",
    "Last reported Real £m",
    "Last reported Rephasing £m",
    "Movement Real £m",
    "Movement Rephasing £m",
)
A1_HEADER = ("", "Cash Limit Gross £m", "Income £m", "Net £m", "Variance Net £m", "Movement Net £m")


@dataclass
class ReportData:
    """Everything one report needs, as plain records (from the selectors)."""

    current: PositionBundle
    last: PositionBundle | None
    capital: list[CapitalRecord] = field(default_factory=list)
    capital_adjustments: list[tuple[str, str, int, str, str, str]] = field(default_factory=list)
    reserves: list[f.ReserveAccount] = field(default_factory=list)
    companies: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    activity: list[f.ActivityRecord] = field(default_factory=list)
    asylum: dict | None = None
    series: list[tuple[str, int]] = field(default_factory=list)  # (month label, RNV excl schools)
    generated: dt.date | None = None


def m3(pence: int | None) -> str:
    return "" if pence is None else f.money(pence, 3)


def m1(pence: int | None) -> str:
    return "" if pence is None else f.money(pence, 1)


def count(value: Decimal | int | None, places: int = 0) -> str:
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return f"{Decimal(value).quantize(quantum):,}"


# --- Table 1 ----------------------------------------------------------------------------------------------


def table1_rows(table: f.Table1) -> list[dict]:
    return [
        {
            "label": row.label,
            "kind": row.kind,
            "budget": m3(row.budget),
            "nfv": m3(row.nfv),
            "cda": "" if row.cda_blank else m3(row.cda),
            "rnv": m3(row.rnv),
            "last": m3(row.last),
            "movement": m3(row.movement),
        }
        for row in table.rows
    ]


def roll_forward_rows(table: f.Table1) -> list[dict]:
    return [
        {
            "label": label,
            "current": m3(current),
            "last": m3(last),
            "movement": m3(None if last is None else current - last),
        }
        for label, current, last in table.roll_forward
    ]


def table1_block(table: f.Table1, caption: str) -> list:
    rows = table1_rows(table)
    return [
        Table(
            caption,
            T1_HEADER,
            tuple((r["label"], r["budget"], r["nfv"], r["cda"], r["rnv"], r["last"], r["movement"]) for r in rows),
            numeric=frozenset(range(1, 7)),
            sheet="Table 1",
            row_headers=True,
            total_row=True,
        ),
        Table(
            "Roll forwards",
            ("", "Current £m", "Last reported £m", "Movement £m"),
            tuple((r["label"], r["current"], r["last"], r["movement"]) for r in roll_forward_rows(table)),
            numeric=frozenset({1, 2, 3}),
            sheet="Table 1",
            row_headers=True,
        ),
    ]


# --- Appendix 1 -------------------------------------------------------------------------------------------


def appendix1_rows(appendix: f.Appendix1) -> list[dict]:
    rows = []
    for row in appendix.rows:
        if row.kind == "heading":
            rows.append({"label": row.label, "kind": "heading"})
            continue
        rows.append(
            {
                "label": row.label + ("**" if row.high_risk else ""),
                "kind": row.kind,
                "gross": m1(row.gross),
                "income": m1(row.income),
                "net": m1(row.net),
                "variance": m1(row.variance),
                "movement": m1(row.movement),
            }
        )
    return rows


# --- capital ----------------------------------------------------------------------------------------------


def table3_rows(lines: list[f.CapitalLine]) -> list[dict]:
    return [
        {
            "label": row.label,
            "budget": m3(row.budget),
            "variance": m3(row.variance),
            "real": m3(row.real),
            "rephasing": m3(row.rephasing),
            "last_real": m3(row.last_real),
            "last_rephasing": m3(row.last_rephasing),
            "movement_real": m3(row.real_movement),
            "movement_rephasing": m3(row.rephasing_movement),
        }
        for row in f.capital_table(lines)
    ]


def headline_rows(lines: list[f.CapitalLine], basis: str) -> list[dict]:
    word = "movement" if basis == "movement" else "variance"
    return [
        {
            "directorate": h.line.directorate_name,
            "division": h.line.division,
            "scheme": h.line.title,
            "kind": h.kind,
            "amount": f.money(h.amount, 3, sign=True),
            "text": f"{h.line.title}: {f.pounds_m(h.amount)} {'real' if h.kind == 'real' else 'rephasing'} {word}",
            "explanation": h.line.explanation,
        }
        for h in f.capital_headlines(lines, basis)
        if not h.line.exempt  # a scheme exempt under Schedule 12A is never named to anyone not cleared
    ]


def _headline_blocks(lines: list[f.CapitalLine], basis: str) -> list:
    word = "movements" if basis == "movement" else "variances"
    blocks: list = [
        para(f"The real {word} over £0.100m and rephasing {word} over £1.000m are as follows:"),
    ]
    headlines = headline_rows(lines, basis)
    directorates = []
    for line in lines:
        if line.directorate_name not in directorates:
            directorates.append(line.directorate_name)
    for name in directorates:
        blocks.append(Heading(name, 3))
        mine = [h for h in headlines if h["directorate"] == name]
        if not mine:
            blocks.append(para(f"There are no {word} reported over £0.100m on real variances or £1.0m on rephasing."))
            continue
        division = None
        for h in mine:
            if h["division"] and h["division"] != division:
                division = h["division"]
                blocks.append(para(division, style="note"))
            blocks.append(para(h["text"] + (f". {h['explanation']}" if h["explanation"] else "")))
    return blocks


# --- activity ---------------------------------------------------------------------------------------------


def activity_rows(record: f.ActivityRecord) -> dict:
    figures = f.activity_figures(record)
    staffing = record.kind == "staffing"
    names = ("kcc", "agency", "gross") if staffing else ("gross", "income", "net")
    result = {
        "ref": record.ref,
        "title": record.title,
        "kind": record.kind,
        "measure": record.measure,
    }
    for label, values in (
        ("budget", figures.budget),
        ("forecast", figures.forecast),
        ("variance", figures.variance),
        ("ytd_budget", figures.ytd_budget),
        ("ytd_actual", figures.ytd_actual),
        ("ytd_variance", figures.ytd_variance),
    ):
        for name, value in zip(names, values, strict=True):
            result[f"{label}_{name}"] = m1(value)
    if not staffing:
        result.update(
            activity_budget=count(record.activity_budget),
            activity_forecast=count(record.activity_forecast),
            activity_variance=count(figures.activity_variance),
            activity_ytd_budget=count(record.activity_ytd_budget),
            activity_ytd_actual=count(record.activity_ytd_actual),
            activity_ytd_variance=count(figures.activity_ytd_variance),
        )
    else:
        places = (
            2 if record.staff_start and record.staff_start[0] != record.staff_start[0].quantize(Decimal("0.1")) else 1
        )
        agency_places = 0 if record.staff_start and record.staff_start[1] == record.staff_start[1].to_integral() else 1
        result.update(
            staff_start_kcc=count(record.staff_start[0], places) if record.staff_start else "",
            staff_start_agency=count(record.staff_start[1], agency_places) if record.staff_start else "",
            staff_now_kcc=count(record.staff_now[0], places) if record.staff_now else "",
            staff_now_agency=count(record.staff_now[1], agency_places) if record.staff_now else "",
            staff_movement_kcc=count(figures.staff_movement[0], places) if figures.staff_movement else "",
            staff_movement_agency=count(figures.staff_movement[1], agency_places) if figures.staff_movement else "",
        )
    if figures.explained is not None:
        result["explained"] = {
            "demand": m1(record.demand),
            "unit_cost": m1(record.unit_cost),
            "other": m1(record.other),
        }
    return result


def _activity_blocks(record: f.ActivityRecord) -> list:
    row = activity_rows(record)
    staffing = record.kind == "staffing"
    cols = ("KCC £m", "Agency £m", "Gross £m") if staffing else ("Gross £m", "Income £m", "Net £m")
    names = ("kcc", "agency", "gross") if staffing else ("gross", "income", "net")
    sheet = f"Appendix {record.ref}"
    header = ("2017-18 Forecast", *cols) + (() if staffing else (f"{record.measure} at 31 March",))
    body = []
    for label, key, activity in (
        ("Budget", "budget", "activity_budget"),
        ("Forecast", "forecast", "activity_forecast"),
        ("Variance", "variance", "activity_variance"),
    ):
        body.append((label, *(row[f"{key}_{n}"] for n in names), *(() if staffing else (row[activity],))))
    blocks: list = [
        Heading(f"Appendix {record.ref}: {record.title}", 3),
        Table(
            f"Appendix {record.ref}: forecast for the year",
            header,
            tuple(body),
            numeric=frozenset(range(1, len(header))),
            sheet=sheet,
            row_headers=True,
        ),
    ]
    ytd_header = ("Year to date", *cols) + (() if staffing else (record.measure,))
    ytd = []
    for label, key, activity in (
        ("Budget: spend / activity year to date", "ytd_budget", "activity_ytd_budget"),
        ("Actual: spend / activity year to date", "ytd_actual", "activity_ytd_actual"),
        ("Variance", "ytd_variance", "activity_ytd_variance"),
    ):
        ytd.append((label, *(row[f"{key}_{n}"] for n in names), *(() if staffing else (row[activity],))))
    blocks.append(
        Table(
            f"Appendix {record.ref}: year to date",
            ytd_header,
            tuple(ytd),
            numeric=frozenset(range(1, len(ytd_header))),
            sheet=sheet,
            row_headers=True,
        )
    )
    if staffing:
        blocks.append(
            Table(
                f"Appendix {record.ref}: staff numbers",
                ("Staff numbers", "KCC FTEs", "Agency"),
                (
                    ("At the start of the year", row["staff_start_kcc"], row["staff_start_agency"]),
                    ("Now", row["staff_now_kcc"], row["staff_now_agency"]),
                    ("Movement", row["staff_movement_kcc"], row["staff_movement_agency"]),
                ),
                numeric=frozenset({1, 2}),
                sheet=sheet,
                row_headers=True,
            )
        )
    else:
        blocks.append(activity_chart(record, row))
    if "explained" in row:
        e = row["explained"]
        parts = [
            f"{name} {e[key]}"
            for key, name in (("demand", "demand"), ("unit_cost", "unit cost"), ("other", "other"))
            if e[key]
        ]
        blocks.append(para(f"The gross variance explained: {', '.join(parts)} (£m)."))
    return blocks


def activity_chart(record: f.ActivityRecord, row: dict) -> Chart:
    """Budgeted against forecast activity, to date and for the year (a bar per series)."""
    categories = ("Year to date", "Year end")
    budget = (int(record.activity_ytd_budget or 0), int(record.activity_budget or 0))
    forecast = (int(record.activity_ytd_actual or 0), int(record.activity_forecast or 0))
    alt = (
        f"{record.measure}, budgeted against actual or forecast: year to date {count(budget[0])} budgeted, "
        f"{count(forecast[0])} actual; year end {count(budget[1])} budgeted, {count(forecast[1])} forecast."
    )
    return Chart(
        key=f"activity-{record.ref.replace('.', '-')}",
        title=f"{record.title}: {record.measure.lower()}, budget against forecast",
        categories=categories,
        series=(Series("Budget", budget, "previous"), Series("Actual / forecast", forecast, "current")),
        alt=alt,
        table=Table(
            f"Appendix {record.ref}: {record.measure}",
            ("", "Budget", "Actual / forecast"),
            tuple((c, count(b), count(a)) for c, b, a in zip(categories, budget, forecast, strict=True)),
            numeric=frozenset({1, 2}),
            sheet=f"Appendix {record.ref}",
            row_headers=True,
        ),
        value_label=record.measure,
    )


# --- asylum -----------------------------------------------------------------------------------------------


def asylum_data(asylum: dict) -> dict:
    costs = asylum["costs"]
    rows = []
    for label, g, i, vg, vi in costs:
        rows.append(
            {
                "label": label,
                "gross": m1(g),
                "income": m1(i),
                "net": m1(g + i),
                "variance_gross": m1(vg),
                "variance_income": m1(vi),
                "variance_net": m1(vg + vi),
            }
        )
    tg, ti = sum(c[1] for c in costs), sum(c[2] for c in costs)
    tvg, tvi = sum(c[3] for c in costs), sum(c[4] for c in costs)
    rows.append(
        {
            "label": "Total (before Corporate Director adjustment)",
            "gross": m1(tg),
            "income": m1(ti),
            "net": m1(tg + ti),
            "variance_gross": m1(tvg),
            "variance_income": m1(tvi),
            "variance_net": m1(tvg + tvi),
        }
    )
    new = sum(row[1] for row in asylum["dispersals"])
    former = sum(row[2] for row in asylum["dispersals"])
    return {
        "costs": rows,
        "by_age": [
            {"month": m, "under_16": a, "aged_16_17": b, "aged_18_over": c, "total": a + b + c}
            for m, a, b, c in asylum["by_age"]
        ],
        "eligibility": [
            {
                "period": p,
                "eligible": e,
                "eligible_ares": ea,
                "ineligible": i,
                "ineligible_ares": ia,
                "total": e + i,
                "total_ares": ea + ia,
            }
            for p, e, ea, i, ia in asylum["eligibility"]
        ],
        "referrals": [
            {
                "month": m,
                "referrals": r,
                "new_clients": n,
                "percent": f"{round(Decimal(100 * n) / r) if r else 0}%",
                "dispersals": d,
            }
            for m, r, n, d in asylum["referrals"]
        ],
        "dispersals": [
            {"month": m, "new_arrivals": n, "former_uasc": o, "total": n + o} for m, n, o in asylum["dispersals"]
        ],
        "dispersed_new_arrivals": new,
        "dispersed_total": new + former,
    }


def _asylum_blocks(asylum: dict) -> list:
    data = asylum_data(asylum)
    blocks: list = [
        Heading("Appendix 3: Asylum", 2, anchor="appendix-3"),
        para("The forecast by age group, before the Corporate Director adjustment."),
        Table(
            "Unaccompanied Asylum Seeking Children: position compared to budget by age category",
            (
                "",
                "Cash limit gross £m",
                "Income £m",
                "Net £m",
                "Variance gross £m",
                "Variance income £m",
                "Variance net £m",
            ),
            tuple(
                (
                    r["label"],
                    r["gross"],
                    r["income"],
                    r["net"],
                    r["variance_gross"],
                    r["variance_income"],
                    r["variance_net"],
                )
                for r in data["costs"]
            ),
            numeric=frozenset(range(1, 7)),
            sheet="Appendix 3",
            row_headers=True,
            total_row=True,
        ),
        Table(
            "Number of UASC & Care Leavers by age category",
            ("Month", "Aged under 16", "Aged 16 & 17", "Aged 18 & over", "Total"),
            tuple((r["month"], r["under_16"], r["aged_16_17"], r["aged_18_over"], r["total"]) for r in data["by_age"]),
            numeric=frozenset(range(1, 5)),
            sheet="Appendix 3 numbers",
            row_headers=True,
        ),
        Table(
            "Eligible and ineligible clients, including Appeal Rights Exhausted (ARE) clients",
            (
                "2017/18",
                "Eligible clients",
                "of which AREs",
                "Ineligible clients",
                "of which AREs",
                "Total clients",
                "Total AREs",
            ),
            tuple(
                (
                    r["period"],
                    r["eligible"],
                    r["eligible_ares"],
                    r["ineligible"],
                    r["ineligible_ares"],
                    r["total"],
                    r["total_ares"],
                )
                for r in data["eligibility"]
            ),
            numeric=frozenset(range(1, 7)),
            sheet="Appendix 3 eligibility",
            row_headers=True,
        ),
        Table(
            "UASC referrals assessed as requiring ongoing support",
            ("Month", "No of referrals", "No assessed as new client", "%", "No of dispersals"),
            tuple(
                (r["month"], r["referrals"], r["new_clients"], r["percent"], r["dispersals"]) for r in data["referrals"]
            ),
            numeric=frozenset(range(1, 5)),
            sheet="Appendix 3 referrals",
            row_headers=True,
        ),
        Table(
            "Dispersals: new arrivals (National Transfer Scheme) and former Kent UASC",
            ("Month", "New arrivals dispersed", "Former Kent UASC dispersed", "Total"),
            tuple((r["month"], r["new_arrivals"], r["former_uasc"], r["total"]) for r in data["dispersals"]),
            numeric=frozenset({1, 2, 3}),
            sheet="Appendix 3 dispersals",
            row_headers=True,
        ),
        para(
            f"In total {data['dispersed_new_arrivals']:,} new arrivals have been dispersed since July 2016, and "
            f"{data['dispersed_total']:,} young people in all, with former Kent UASC."
        ),
    ]
    return blocks


# --- the trajectory ---------------------------------------------------------------------------------------


def trajectory_chart(series: list[tuple[str, int]]) -> Chart:
    labels = tuple(label for label, _ in series)
    values = tuple(float(f.decimal_millions(amount)) for _, amount in series)  # drawing only: the table is exact
    alt = "Revised net variance (excluding schools) by month: " + "; ".join(
        f"{label} {f.pounds_m(amount)}" for label, amount in series
    )
    return TrendChart(
        key="trajectory",
        title="The year's trajectory: revised net variance (excluding schools), £m",
        categories=labels,
        series=(Series("Revised net variance", values, "result"),),
        alt=alt,
        table=Table(
            "Revised net variance (excluding schools) by month",
            ("Month", "Revised net variance £m"),
            tuple((label, m3(amount)) for label, amount in series),
            numeric=frozenset({1}),
            sheet="Trajectory",
            row_headers=True,
        ),
        value_label="£m",
    )


# --- the Cabinet report -----------------------------------------------------------------------------------


def _month_label(bundle: PositionBundle) -> str:
    return f"{bundle.record.month:%B} {bundle.record.year}"


def report_data(data: ReportData) -> dict:
    """The report's machine-readable form: every figure as the report prints it, with the month's keys."""
    current, last = data.current, data.last
    t1 = f.table1(current.data, last.data if last else None)
    a1 = f.appendix1(current.data, last.data if last else None)
    lines = [c.line for c in data.capital]
    result = {
        "title": f"Revenue & Capital Budget Monitoring – {_month_label(current)}",
        "month": current.record.key,
        "version": current.record.version,
        "state": current.record.state,
        "reported_to": current.record.reported_to,
        "reported_on": current.record.reported_on.isoformat() if current.record.reported_on else None,
        "last_reported": last.record.key if last else None,
        "table1": {"rows": table1_rows(t1), "roll_forwards": roll_forward_rows(t1)},
        "appendix1": {
            "rows": appendix1_rows(a1),
            "subtotals": {
                row.code: {
                    "label": row.label,
                    "gross": m1(row.gross),
                    "income": m1(row.income),
                    "net": m1(row.net),
                    "variance": m1(row.variance),
                    "movement": m1(row.movement),
                }
                for row in (*a1.rows, *a1.directorates)
                if row.kind in ("division", "directorate", "total")
            },
        },
        "table3": {"rows": table3_rows(lines)} if lines else None,
        "capital_headlines": headline_rows(lines, current.record.capital_headline_basis) if lines else [],
        "capital_adjustments": [
            {"directorate": d, "project": p, "amount": f.money(a, 1), "year": y, "funding": fu, "reason": r}
            for d, p, a, y, fu, r in data.capital_adjustments
        ],
        "school_reserves": school_reserves_data(current.school_reserves),
        "reserves": [
            {
                "account": a.name,
                "opening": m1(a.opening),
                "projected": m1(a.projected),
                "movement": m1(a.movement),
                "items": [{"description": d, "amount": m1(x)} for d, x in a.items],
            }
            for a in data.reserves
        ],
        "companies": [
            {
                "company": c,
                "budget": m3(b),
                "forecast": m3(fo),
                "from_trading_surplus": m3(t) if t else "",
                "from_reserves": m3(r) if r else "",
            }
            for c, b, fo, t, r in data.companies
        ],
        "activity": [activity_rows(record) for record in data.activity],
        "asylum": asylum_data(data.asylum) if data.asylum else None,
        "trajectory": [{"month": label, "revised_net_variance": m3(amount)} for label, amount in data.series],
        "committee_extracts": {
            code: committee_data(data, code)
            for code in dict.fromkeys(u.directorate for u in current.data.units if not u.schools)
        },
    }
    return result


def school_reserves_data(school: f.SchoolReserves | None) -> dict | None:
    if school is None:
        return None

    def item(x: f.SchoolReserveItem) -> dict:
        return {
            "reason": x.reason,
            "individual": m3(x.individual) if x.individual else "",
            "central": m3(x.central) if x.central else "",
            "total": m3(x.total),
        }

    return {
        "brought_forward": item(school.brought_forward),
        "movements": [item(x) for x in school.movements],
        "forecast": item(school.forecast),
        "schools_variance": m3(school.variance),
    }


def committee_data(data: ReportData, directorate: str) -> dict:
    """A cabinet committee's extract: its directorate's lines in £'000 (Table 1 of the committee paper), its
    capital headlines on variances, and the whole-council table (the paper's Table 2)."""
    current, last = data.current, data.last
    rows = f.committee_extract(current.data, directorate)
    capital = [c.line for c in data.capital if c.line.directorate == directorate]
    t1 = f.table1(current.data, last.data if last else None)
    return {
        "table1": [
            {
                "heading": r.label,
                "net_budget": f.thousands(r.budget),
                "nfv": f.thousands(r.nfv),
                "cda": f.thousands(r.cda),
                "rnv": f.thousands(r.rnv),
                "total": r.total,
            }
            for r in rows
        ],
        "capital_budget": m3(sum(line.budget for line in capital)) if capital else None,
        "capital_headlines": headline_rows(capital, "variance"),
        "table2": table1_rows(t1),
    }


def summary_blocks(data: ReportData, t1: f.Table1) -> list:
    total = t1.total_excl_schools
    blocks = [
        para(
            f"The forecast revenue position before Corporate Director adjustments is {f.variance_words(total.nfv)}. "
            f"The Corporate Director adjustments total {f.pounds_m(total.cda)}, which brings the forecast to "
            f"{f.variance_words(total.rnv)}.",
            number="1.1",
        )
    ]
    if total.last is not None:
        blocks.append(
            para(
                f"After Corporate Director adjustments this is {f.movement_words(total.movement)} since the last "
                f"reported position ({f.pounds_m(total.last)}).",
                number="1.2",
            )
        )
    if data.capital:
        rows = f.capital_table([c.line for c in data.capital])
        capital_total = rows[-1]
        blocks.append(
            para(
                f"There is a reported variance of {f.pounds_m(capital_total.variance)} on the capital budget "
                f"(excluding schools and PFI): real {f.pounds_m(capital_total.real)}, rephasing "
                f"{f.pounds_m(capital_total.rephasing)}; a movement of {f.pounds_m(capital_total.movement)} since "
                "the last report.",
                number="1.3",
            )
        )
    return blocks


def build_report(data: ReportData) -> Document:
    current, last = data.current, data.last
    t1 = f.table1(current.data, last.data if last else None)
    a1 = f.appendix1(current.data, last.data if last else None)
    title = f"Revenue & Capital Budget Monitoring – {_month_label(current)}"
    lead = (
        f"To {current.record.reported_to} – {long_date(current.record.reported_on)}"
        if current.record.reported_on
        else f"{current.record.state_label}: not yet reported"
    )
    blocks: list = [Heading(title, 1), para(lead, style="lead"), Heading("1. Summary", 2)]
    blocks += summary_blocks(data, t1)
    if current.record.summary:
        blocks += text_blocks(current.record.summary)
    blocks += [Heading("2. Revenue: Table 1, directorate revenue position", 2)]
    blocks += table1_block(t1, "Table 1: Directorate revenue position")
    if last is None:
        blocks.append(
            para("No position has been reported before this one: there is no last reported position.", style="note")
        )
    if data.series:
        blocks.append(trajectory_chart(data.series))
    blocks.append(Heading("3. Reasons for the movement and headlines", 2))
    for unit in current.narrative:
        if not (unit.reasons or unit.headlines or unit.adjustments):
            continue
        blocks.append(Heading(f"{unit.directorate_name} – {unit.name}", 3))
        if unit.reasons:
            blocks += text_blocks(unit.reasons)
        if unit.adjustments:
            blocks.append(
                Table(
                    f"Corporate Director adjustment: {unit.name}",
                    ("Reason", "Amount £m"),
                    tuple((reason, m3(amount)) for _, amount, reason in unit.adjustments),
                    numeric=frozenset({1}),
                    sheet="Adjustments",
                )
            )
        if unit.headlines:
            blocks += text_blocks(unit.headlines)
    school = current.school_reserves
    if school is not None:
        blocks.append(Heading("Schools delegated budgets", 3))
        sd = school_reserves_data(school)
        rows = [sd["brought_forward"], *sd["movements"], sd["forecast"]]
        blocks.append(
            Table(
                "School reserves",
                ("", "Individual School Reserves £m", "Central Schools Reserve £m", "Total School Reserves £m"),
                tuple((r["reason"], r["individual"], r["central"], r["total"]) for r in rows),
                numeric=frozenset({1, 2, 3}),
                sheet="School reserves",
                row_headers=True,
                total_row=True,
            )
        )
        blocks.append(
            para(
                f"The schools delegated budget variance is {f.variance_words(school.variance)}: the "
                "sum of the forecast movements in the school reserves, with its sign reversed. "
                "A negative figure indicates a draw down from reserves or a deficit."
            )
        )
    if data.companies:
        blocks.append(
            Table(
                "Performance of our wholly owned companies: dividends / contributions",
                ("Company", "Budget £m", "Forecast £m", "From trading surplus £m", "From reserves £m"),
                tuple((c, m3(b), m3(fo), m3(t) if t else "", m3(r) if r else "") for c, b, fo, t, r in data.companies),
                numeric=frozenset({1, 2, 3, 4}),
                sheet="Companies",
                row_headers=True,
            )
        )
    blocks += [
        Heading("4. Revenue budget virements and changes to budgets", 2),
        para(
            "All changes to cash limits are in accordance with the virement rules contained within the "
            "constitution, with the exception of those cash limit adjustments which are considered technical "
            "adjustments: where there is no change in policy, including the allocation of grants and previously "
            "unallocated budgets."
        ),
    ]
    if data.capital:
        lines = [c.line for c in data.capital]
        blocks += [Heading("5. Capital: Table 3, directorate capital position", 2)]
        rows = table3_rows(lines)
        blocks.append(
            Table(
                "Table 3: Directorate capital position",
                T3_HEADER,
                tuple(tuple(r.values()) for r in rows),
                numeric=frozenset(range(1, 9)),
                sheet="Table 3",
                row_headers=True,
                total_row=True,
            )
        )
        blocks += _headline_blocks(lines, current.record.capital_headline_basis)
        if data.capital_adjustments:
            blocks.append(
                Table(
                    "Capital cash limit adjustments, for Cabinet to agree",
                    ("Directorate", "Project", "Amount £m", "Year", "Funding", "Reason"),
                    tuple((d, p, f.money(a, 1), y, fu, r) for d, p, a, y, fu, r in data.capital_adjustments),
                    numeric=frozenset({2}),
                    sheet="Cash limit adjustments",
                )
            )
    blocks += [PageBreak(), Heading("Appendix 1: Breakdown of directorate monitoring position", 2, anchor="appendix-1")]
    a1_rows = appendix1_rows(a1)
    blocks.append(
        Table(
            "Appendix 1",
            A1_HEADER,
            tuple(
                (r["label"], "", "", "", "", "")
                if r["kind"] == "heading"
                else (r["label"], r["gross"], r["income"], r["net"], r["variance"], r["movement"])
                for r in a1_rows
            ),
            numeric=frozenset(range(1, 6)),
            sheet="Appendix 1",
            row_headers=True,
            total_row=True,
        )
    )
    blocks.append(para("** See Appendix 2 and 3 for the key cost drivers of these service lines.", style="note"))
    blocks.append(para(ROUNDING_NOTE, style="note"))
    if data.activity:
        blocks += [
            PageBreak(),
            Heading("Appendix 2: Activity information for our highest risk budgets", 2, anchor="appendix-2"),
        ]
        for record in data.activity:
            blocks += _activity_blocks(record)
    if data.asylum:
        blocks.append(PageBreak())
        blocks += _asylum_blocks(data.asylum)
    if data.reserves:
        blocks += [PageBreak(), Heading("Appendix 4: Monitoring of revenue reserves", 2, anchor="appendix-4")]
        blocks.append(
            Table(
                "Revenue reserves",
                ("Account", "Balance at 31 March £m", "Projected balance at next 31 March £m", "Movement £m"),
                tuple((a.name, m1(a.opening), m1(a.projected), m1(a.movement)) for a in data.reserves),
                numeric=frozenset({1, 2, 3}),
                sheet="Reserves",
                row_headers=True,
            )
        )
        for account in data.reserves:
            if account.items:
                blocks.append(
                    Table(
                        f"The forecast movement in {account.name.lower()}",
                        ("Item", "£m"),
                        tuple((d, m1(x)) for d, x in account.items) + (("Total", m1(account.items_total)),),
                        numeric=frozenset({1}),
                        sheet="Reserves",
                        total_row=True,
                    )
                )
    return Document(
        title=title,
        blocks=tuple(blocks),
        file_stem=f"budget-monitoring-{current.record.key}"
        + (f"-v{current.record.version}" if current.record.version > 1 else ""),
        subject=lead,
        data=report_data(data),
    )


def build_committee_extract(data: ReportData, directorate: str, name: str, committee: str = "") -> Document:
    """The extract for one cabinet committee's remit (seed 003): its lines in £'000, its capital headlines on
    variances, and the whole-council table."""
    extract = committee_data(data, directorate)
    current = data.current
    title = f"Financial Monitoring {current.record.year}: {name}"
    blocks: list = [
        Heading(title, 1),
        para(committee or f"The {_month_label(current)} budget monitoring position", style="lead"),
    ]
    blocks.append(
        Table(
            f"Table 1: {name}, {_month_label(current)}",
            (
                "Budget Book Heading",
                "Net Budget £'000s",
                "Net Forecast Variance £'000s",
                "Corporate Director adjustment £'000s",
                "Revised Net Variance £'000s",
            ),
            tuple((r["heading"], r["net_budget"], r["nfv"], r["cda"], r["rnv"]) for r in extract["table1"]),
            numeric=frozenset({1, 2, 3, 4}),
            sheet="Table 1",
            row_headers=True,
            total_row=True,
        )
    )
    capital = [c.line for c in data.capital if c.line.directorate == directorate]
    if capital:
        blocks.append(para(f"The {name} capital budget is {f.pounds_m(sum(line.budget for line in capital))}."))
        blocks += _headline_blocks(capital, "variance")
    t1 = f.table1(current.data, data.last.data if data.last else None)
    blocks.append(Heading("The whole council's revenue position", 2))
    blocks += table1_block(t1, "Table 2: Directorate revenue position")[:1]
    return Document(
        title=title,
        blocks=tuple(blocks),
        file_stem=f"financial-monitoring-{current.record.key}-{directorate.lower()}",
        subject=committee,
        data={"title": title, "month": current.record.key, "directorate": directorate, **extract},
    )
