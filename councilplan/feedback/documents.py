"""Customer feedback's documents, in the one document model: the feedback report (the quarterly return by service
with answered in time, the KPI by month, and the annual report's items to Governance and Audit Committee) and a
complaint's response letter. Words only: every figure comes from `councilplan.analysis.feedback`.

The report holds counts, never a person: it is what the public page publishes too. The letter is for the
record's handlers only (the view checks it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from councilplan.analysis import feedback as rules
from councilplan.documents import formats
from councilplan.documents.model import Block, BulletList, Chart, Document, Heading, Paragraph, Run, Series, Table
from councilplan.documents.words import long_date, para, plural

from . import selectors
from .models import Case, Stage
from .services import get_settings

FORMATS = formats.ALL


@dataclass(frozen=True)
class ReportInputs:
    quarterly: rules.QuarterlyReturn
    annual: rules.AnnualFigures
    kpi: list[rules.KpiMonth]
    lessons: list[tuple[str, str]]  # (service, text): lessons learnt and improvements in the year
    compensation: int


def last_quarter_end(today: dt.date) -> dt.date:
    return rules.quarter_of(today).start - dt.timedelta(days=1)


def report_inputs(quarter_end: dt.date | None = None, year: int | None = None) -> ReportInputs:
    """The report's figures: the quarter and year asked for, else the settings', else the last ended."""
    found = get_settings()
    today = dt.date.today()
    quarter_end = rules.quarter_of(quarter_end or found.report_quarter_end or last_quarter_end(today)).end
    if year is None:
        year = found.report_year or (
            rules.financial_year(today.year if today.month >= 4 else today.year - 1).start.year - 1
        )
    points = selectors.case_points()
    first = selectors.held_from()
    extension = found.extension_counts_in_time
    quarterly = rules.quarterly_return(points, quarter_end, selectors.service_names(), extension, first)
    annual = rules.annual_figures(points, year, extension, first)
    kpi = rules.kpi_months(points, quarterly.periods[1].start, quarter_end, extension)
    period = annual.period
    lessons = [
        (service, text)
        for service, lesson, improvement in Case.objects.filter(received_on__range=(period.start, period.end))
        .exclude(lessons="", improvements="")
        .values_list("service__name", "lessons", "improvements")[:200]
        for text in (lesson, improvement)
        if text
    ]
    return ReportInputs(quarterly, annual, kpi, lessons, annual.compensation_pence)


def _pc(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def _change(value: int | None, words: str) -> str:
    if value is None:
        return ""
    direction = "an increase" if value > 0 else "a decrease" if value < 0 else "no change"
    return f"{abs(value)}% {direction} on {words}" if value else f"no change on {words}"


def _pounds(pence: int) -> str:
    return f"£{pence / 100:,.2f}"


def report_document(inputs: ReportInputs) -> Document:
    q, a = inputs.quarterly, inputs.annual
    this, before = q.periods[3], q.periods[2]
    blocks: list[Block] = [
        Heading("Customer feedback report", 1),
        para(f"Quarterly return to {long_date(this.end)}; annual report {a.period.label}.", style="lead"),
        Heading("Complaints monitoring", 2),
    ]
    words = [
        f"The number of complaints received in the quarter ({q.totals[3]:,}) showed "
        f"{_change(q.quarter_on_quarter, 'the previous quarter')}"
    ]
    if q.same_quarter_last_year is not None:
        words.append(f", and {_change(q.same_quarter_last_year, 'the corresponding quarter last year')}")
    blocks.append(para("".join(words) + "."))
    if q.year_on_year is not None:
        blocks.append(
            para(
                f"On a rolling 12 month basis, for the year to {this.end:%B %Y} the number of complaints "
                f"({q.totals[1]:,}) showed {_change(q.year_on_year, 'the year before')}."
            )
        )
    timed = q.in_time[3]
    blocks.append(
        para(
            f"{_pc(timed.percent)} of the {timed.received:,} complaints received in the quarter were answered in "
            f"timescale ({timed.in_time:,}), against {_pc(q.in_time[2].percent)} in the quarter before."
            + (f" {timed.pending:,} are not yet answered." if timed.pending else "")
        )
    )
    header = ("Service", *(p.label for p in q.periods))
    rows = tuple((r.service, *r.counts) for r in q.rows) + (("Total complaints", *q.totals),)
    service_table = Table(
        "Complaints by service",
        header,
        rows,
        numeric=frozenset({1, 2, 3, 4}),
        sheet="By service",
        row_headers=True,
        total_row=True,
    )
    blocks.append(
        Chart(
            "complaints_by_service",
            "Complaints by service, the quarter before and this quarter",
            tuple(r.service for r in q.rows),
            (
                Series(before.label, tuple(r.counts[2] for r in q.rows), "previous"),
                Series(this.label, tuple(r.counts[3] for r in q.rows), "current"),
            ),
            f"Bar chart of complaints by service in the {before.label.lower()} and the {this.label.lower()}; "
            "the table below gives the numbers.",
            service_table,
            value_label="Complaints",
        )
    )
    blocks.append(
        Table(
            "Complaints answered in timescale",
            ("Period", "Received", "Answered in time", "Late", "Not yet answered", "Answered in time (%)"),
            tuple(
                (p.label, t.received, t.in_time, t.late, t.pending, _pc(t.percent))
                for p, t in zip(q.periods, q.in_time, strict=True)
            ),
            numeric=frozenset({1, 2, 3, 4, 5}),
            sheet="In time",
            row_headers=True,
        )
    )
    blocks.append(Heading("KPI CS07: percentage of complaints responded to in timescale", 2))
    blocks.append(
        Table(
            "CS07 by month (fed to the performance dashboard)",
            ("Month", "Received", "In time", "Month (%)", "Year to date (%)"),
            tuple(
                (k.period.label, k.month.received, k.month.in_time, _pc(k.month.percent), _pc(k.year_to_date.percent))
                for k in inputs.kpi
            ),
            numeric=frozenset({1, 2, 3, 4}),
            sheet="CS07",
            row_headers=True,
        )
    )
    blocks += _annual_blocks(inputs)
    data = {
        "quarterly_return": q.as_dict(),
        "annual": a.as_dict(),
        "kpi": [
            {
                "month": k.period.start.isoformat()[:7],
                "received": k.month.received,
                "in_time": k.month.in_time,
                "percent": k.month.percent,
                "year_to_date_percent": k.year_to_date.percent,
            }
            for k in inputs.kpi
        ],
        "lessons": [{"service": s, "text": t} for s, t in inputs.lessons],
        "figures": {d.key: d.counts + (f" (out of {d.out_of})" if d.out_of else "") for d in rules.FIGURES},
    }
    return Document(
        title="Customer feedback report",
        blocks=tuple(blocks),
        file_stem=f"customer-feedback-{this.end:%Y-%m}-{a.period.label.replace('/', '-')}",
        subject=f"Quarter to {long_date(this.end)}; year {a.period.label}",
        data=data,
    )


def _annual_blocks(inputs: ReportInputs) -> list[Block]:
    a = inputs.annual
    blocks: list[Block] = [Heading(f"Annual report {a.period.label}", 2)]
    header = ["Year", "Complaints", "Comments", "Compliments", "Ombudsman complaints"]
    rows = []
    if a.previous is not None:
        rows.append((rules.financial_year(a.period.start.year - 1).label, *a.previous.values(), a.ombudsman_previous))
    rows.append((a.period.label, *a.received.values(), a.ombudsman))
    blocks.append(
        Table(
            "1. Feedback received by the council",
            tuple(header),
            tuple(rows),
            numeric=frozenset({1, 2, 3, 4}),
            sheet="Annual",
            row_headers=True,
        )
    )
    if a.changes:
        blocks.append(
            para(
                f"Complaints {a.changes['complaint']:+,} ({_pc(a.changes['complaints_percent'])}), comments "
                f"{a.changes['comment']:+,}, compliments {a.changes['compliment']:+,}"
                + (
                    f", Ombudsman complaints {a.ombudsman - a.ombudsman_previous:+,}."
                    if a.ombudsman_previous is not None
                    else "."
                )
            )
        )
    blocks.append(
        Table(
            "By directorate",
            ("Directorate", "Complaints", "Comments", "Compliments"),
            tuple((d, *c.values()) for d, c in a.by_directorate.items()),
            numeric=frozenset({1, 2, 3}),
            sheet="Annual",
            row_headers=True,
        )
    )
    groups = [g for g in rules.CHANNEL_GROUPS if any(g in s.percents for s in a.channels.values())]
    blocks.append(
        Table(
            f"2. How feedback was received, {a.period.label} (percent of each kind)",
            ("Kind", *(rules.CHANNEL_GROUPS[g] for g in groups), "Sum"),
            tuple(
                (
                    rules.KINDS[kind],
                    *(_pc(s.percents.get(g)) if g in s.percents else "–" for g in groups),
                    f"{s.percent_sum}%",
                )
                for kind, s in a.channels.items()
            ),
            sheet="Channels",
            row_headers=True,
        )
    )
    blocks.append(
        Table(
            "Channels: counts",
            ("Kind", *(rules.CHANNEL_GROUPS[g] for g in groups), "Total"),
            tuple(
                (rules.KINDS[kind], *(s.counts.get(g, 0) for g in groups), s.total) for kind, s in a.channels.items()
            ),
            numeric=frozenset(range(1, len(groups) + 2)),
            sheet="Channels",
            row_headers=True,
        )
    )
    timed = a.in_time
    blocks.append(Heading("3. Answered within standard and upheld", 3))
    blocks.append(
        para(
            f"{_pc(timed.percent)} of {timed.received:,} complaints answered within the standard (20 working days); "
            f"{_pc(a.upheld_percent)} of the {a.decided:,} decided were upheld ({a.upheld:,}), "
            f"{a.partly_upheld:,} partly upheld."
        )
    )
    blocks.append(Heading("4. Ombudsman performance", 3))
    blocks.append(
        para(
            f"{plural(a.ombudsman, 'complaint', 'complaints')} referred to the Ombudsman; "
            f"{a.ombudsman_decided:,} decided, {a.ombudsman_upheld:,} upheld by the Ombudsman."
        )
    )
    blocks.append(Heading("Equalities", 3))
    blocks.append(para(f"{a.equalities:,} of the {a.received['complaint']:,} complaints raised an equalities issue."))
    blocks.append(Heading("5–9. Cases, improvements, actions, procedure and training", 3))
    if inputs.lessons:
        blocks.append(BulletList(tuple(Paragraph((Run(f"{s}: {t}"),)) for s, t in inputs.lessons)))
    else:
        blocks.append(para("No lessons or service improvements were recorded on the year's records.", style="note"))
    blocks.append(Heading("10. Compensation paid", 3))
    blocks.append(para(f"{_pounds(a.compensation_pence)} on feedback received in the year."))
    return blocks


def letter_document(case: Case, stage: Stage, organisation: str = "Kent County Council") -> Document:
    """The stage's response letter, drafted from the record, to edit in Word before it is sent."""
    procedure = rules.PROCEDURES.get(case.procedure)
    following = procedure.after(stage.code) if procedure else None
    greeting = f"Dear {case.customer_name}," if case.customer_name and not case.anonymous else "Dear customer,"
    blocks: list[Block] = [
        Heading(f"Your complaint, our reference {case.reference}", 1),
        para(long_date(stage.responded_on or dt.date.today())),
        para(case.customer_address) if case.customer_address else para(""),
        para(greeting),
        para(
            f"Thank you for contacting {organisation} on {long_date(case.received_on)} about {case.service}. "
            f"This is our reply at {stage.label.lower()} of the {rules.PROCEDURE_LABELS.get(case.procedure, '')}."
        ),
        Heading("What you told us", 2),
        para(case.summary),
        Heading("Our response", 2),
        para(stage.response or "[The reply: what we found and what we will do.]"),
    ]
    if stage.outcome:
        blocks.append(para("Outcome: ", Run(rules.OUTCOMES[stage.outcome], bold=True)))
    if following is not None:
        if following.ombudsman:
            blocks.append(
                para(
                    "If you remain dissatisfied, you have the right to ask the Local Government and Social Care "
                    "Ombudsman to look at your complaint (telephone 0300 061 0614, www.lgo.org.uk)."
                )
            )
        else:
            blocks.append(
                para(f"If you remain dissatisfied, you can ask for {following.label.lower()}: {following.who}.")
            )
    blocks.append(para("Yours sincerely,"))
    blocks.append(para(str(case.handler) if case.handler_id else "Customer feedback team"))
    return Document(
        title=f"Response to complaint {case.reference}",
        blocks=tuple(blocks),
        file_stem=f"response-{case.reference}",
        subject=f"{case.reference} {stage.label}",
    )
