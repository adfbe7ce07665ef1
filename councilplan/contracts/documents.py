"""Contract management's documents, in the one document model: the review group's progress report to committee
(the annual summary: reviews held, the forward plan, maturity by activity across the reviews with its heat map,
savings, common findings and their follow-up), and a review's maturity report in the template's twelve
sections. Words only: every figure comes from `councilplan.analysis.contracts`.

What the caller passes is already what the reader may see (the selectors leave exempt reviews out for people not
cleared), so nothing exempt reaches a document made for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from councilplan.analysis import contracts as rules
from councilplan.analysis import performance as kpi_rules
from councilplan.documents import formats
from councilplan.documents.model import (
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Series,
    Table,
)
from councilplan.documents.words import long_date, para, plural, slug, text_blocks

from .selectors import ContractRecord, Programme, ProgressReportRecord, ReviewRecord

FORMATS = formats.ALL


def _date(value: dt.date | None) -> str:
    return long_date(value) if value else "TBC"


def _bullets(items) -> BulletList:
    return BulletList(tuple(Paragraph((Run(item),)) for item in items))


def _names(items) -> str:
    return " / ".join(items) if items else "Not named"


# --- the progress report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryFigures:
    report: ProgressReportRecord
    held: list[ReviewRecord]
    planned: list[ReviewRecord]
    held_figures: rules.ProgrammeFigures
    planned_figures: rules.ProgrammeFigures
    heat_map: rules.HeatMap
    savings: rules.SavingsFigures
    findings: dict[str, int]
    recurring: dict[str, int]


def summary_figures(programme: Programme, report: ProgressReportRecord, today: dt.date) -> SummaryFigures:
    by_id = {r.id: r for r in programme.reviews}
    held_points = rules.held_between((r.point() for r in programme.reviews), report.period_start, report.period_end)
    held = [by_id[p.id] for p in held_points]
    planned = [by_id[p.id] for p in rules.forward_plan((r.point() for r in programme.reviews), report.period_end)]
    assessments = [a for a in (r.assessment() for r in held) if a is not None]
    findings = [f.point() for r in held for f in r.findings]
    savings = [s.point() for s in report.savings] + [s.point() for r in held for s in r.savings]
    return SummaryFigures(
        report=report,
        held=held,
        planned=planned,
        held_figures=rules.programme_figures(r.point() for r in held),
        planned_figures=rules.programme_figures(r.point() for r in planned),
        heat_map=rules.heat_map(assessments),
        savings=rules.savings_figures(savings),
        findings=rules.findings_by_status([f.point() for f in programme.findings], today),
        recurring=rules.recurring_activities(findings),
    )


def programme_table(caption: str, reviews: list[ReviewRecord]) -> Table:
    return Table(
        caption,
        ("Date", "Contract/s", "Lead officer"),
        tuple(
            (r.meeting_date.strftime("%d.%m.%y") if r.meeting_date else "TBC", r.title, _names(r.presenters))
            for r in reviews
        ),
        sheet="Programme",
    )


def presenters_table(caption: str, figures: rules.ProgrammeFigures) -> Table:
    return Table(
        caption,
        ("Lead officer", "Reviews"),
        tuple(figures.by_presenter.items()),
        numeric=frozenset({1}),
        sheet="Programme",
        row_headers=True,
    )


def heat_map_table(heat: rules.HeatMap, caption: str = "Maturity by activity: reviews at each current level") -> Table:
    """The heat map as a grid a screen reader reads: a row per activity, a column per level, the count of
    reviews in each cell, and the median level."""
    header = ("Activity", *(f"{level} {name}" for level, name in rules.LEVELS.items()), "Rated", "Median level")
    rows = tuple(
        (
            a.label,
            *heat.counts[a.code],
            heat.rated[a.code],
            str(heat.median[a.code]) if heat.median[a.code] is not None else "",
        )
        for a in rules.ACTIVITIES
    )
    return Table(caption, header, rows, numeric=frozenset(range(1, 7)), sheet="Maturity", row_headers=True)


def maturity_chart(heat: rules.HeatMap) -> Chart:
    labels = tuple(a.label for a in rules.ACTIVITIES)
    means = tuple(float(heat.mean[a.code]) if heat.mean[a.code] is not None else 0 for a in rules.ACTIVITIES)
    alt = "Mean current maturity level by activity (1 Ad-hoc to 5 Optimised). " + "; ".join(
        f"{label}: {heat.mean[a.code] if heat.mean[a.code] is not None else 'not rated'}"
        for label, a in zip(labels, rules.ACTIVITIES, strict=True)
    )
    return Chart(
        key="maturity-by-activity",
        title="Mean current maturity level by activity",
        categories=labels,
        series=(Series("Mean current level", means, "current"),),
        alt=alt,
        table=Table(
            "Mean current maturity level by activity",
            ("Activity", "Mean current level", "Reviews rated"),
            tuple(
                (a.label, str(heat.mean[a.code]) if heat.mean[a.code] is not None else "", heat.rated[a.code])
                for a in rules.ACTIVITIES
            ),
            numeric=frozenset({1, 2}),
            sheet="Maturity",
            row_headers=True,
        ),
        value_label="Maturity level (1–5)",
    )


def savings_table(report: ProgressReportRecord, held: list[ReviewRecord]) -> Table | None:
    rows = []
    for saving in [*report.savings, *(s for r in held for s in r.savings)]:
        rows.append(
            (
                saving.contract or saving.review or "Not named",
                ("circa " if saving.approximate else "") + rules.pounds_text(saving.annual_amount),
                f"{saving.percent.normalize()}%" if saving.percent is not None else "",
                rules.pounds_text(saving.implied_annual_value) if saving.implied_annual_value else "",
                saving.note,
            )
        )
    if not rows:
        return None
    return Table(
        "Savings achieved further to reviews",
        ("Contract", "Saving a year", "Of annual value", "Annual value implied", "Note"),
        tuple(rows),
        sheet="Savings",
    )


def _report_words(report: ProgressReportRecord) -> str:
    if report.contracts_reviewed_words:
        return report.contracts_reviewed_words
    return str(report.contracts_reviewed_to_date) if report.contracts_reviewed_to_date is not None else "not stated"


def _summary_data(
    programme: Programme, figures: SummaryFigures, contracts: list[ContractRecord], today: dt.date, descriptors
) -> dict:
    body = programme.body
    report = figures.report
    members = body.members_on(report.meeting_date)

    def review_data(r: ReviewRecord) -> dict:
        return {
            "date": r.meeting_date.isoformat() if r.meeting_date else None,
            "title": r.title,
            "lead_officers": list(r.presenters),
            "contracts": [c[1] for c in r.contracts],
            "status": r.status,
        }

    def report_data(p: ProgressReportRecord) -> dict:
        return {
            "title": p.title,
            "committee": p.committee,
            "meeting_date": p.meeting_date.isoformat(),
            "period": [p.period_start.isoformat(), p.period_end.isoformat()],
            "overall_standard": p.overall,
            "contracts_reviewed_to_date": p.contracts_reviewed_to_date,
            "contracts_reviewed_words": p.contracts_reviewed_words,
            "strengths": p.points_of("strength"),
            "issues": p.points_of("issue"),
            "themes": p.points_of("theme"),
            "positives": p.points_of("finding"),
            "training": p.training,
            "savings": [
                {
                    "annual_pence": s.annual_amount,
                    "annual": rules.pounds_text(s.annual_amount),
                    "percent": str(s.percent.normalize()) if s.percent is not None else None,
                    "implied_annual_value_pence": s.implied_annual_value,
                    "implied_annual_value": rules.pounds_text(s.implied_annual_value)
                    if s.implied_annual_value
                    else None,
                    "approximate": s.approximate,
                    "note": s.note,
                }
                for s in p.savings
            ],
        }

    heat = figures.heat_map
    warnings = {c.reference: [w.code for w in c.warnings(today)] for c in contracts if c.warnings(today)}
    return {
        "title": report.title,
        "body": {
            "name": body.name,
            "parent": body.parent,
            "chair": body.chair,
            "vice_chair": body.vice_chair,
            "convened_on": body.convened_on.isoformat() if body.convened_on else None,
            "names": [
                {"name": p[0], "parent": p[1], "chair": p[2], "vice_chair": p[3], "from": p[4].isoformat()}
                for p in body.periods
            ],
            "members_on_meeting_date": [m[0] for m in members],
            "risk_controls": [
                {"risk": code, "control": title, "owner": owner} for code, title, owner in body.risk_controls
            ],
        },
        "report": report_data(report),
        "reviews_held": {
            "entries": figures.held_figures.entries,
            "dates": figures.held_figures.dates,
            "by_lead_officer": figures.held_figures.by_presenter,
            "reviews": [review_data(r) for r in figures.held],
        },
        "forward_plan": {
            "entries": figures.planned_figures.entries,
            "dates": figures.planned_figures.dates,
            "tbc": figures.planned_figures.tbc,
            "by_lead_officer": figures.planned_figures.by_presenter,
            "reviews": [review_data(r) for r in figures.planned],
        },
        "maturity_by_activity": {
            "reviews_rated": heat.reviews,
            "activities": {
                a.code: {
                    "label": a.label,
                    "counts_by_level": list(heat.counts[a.code]),
                    "rated": heat.rated[a.code],
                    "mean": str(heat.mean[a.code]) if heat.mean[a.code] is not None else None,
                    "median": str(heat.median[a.code]) if heat.median[a.code] is not None else None,
                }
                for a in rules.ACTIVITIES
            },
        },
        "savings": {
            "count": figures.savings.count,
            "total_annual_pence": figures.savings.total_annual_pence,
            "total_annual": rules.pounds_text(figures.savings.total_annual_pence),
        },
        "findings": {"by_status": figures.findings, "recurring_activities": figures.recurring},
        "kpi_warnings": warnings,
        "earlier_reports": [report_data(p) for p in programme.reports if p.meeting_date < report.meeting_date],
        "framework": rules.descriptor_counts(descriptors),
        "template": rules.template_counts(),
    }


def build_summary_document(
    programme: Programme,
    report: ProgressReportRecord,
    contracts: list[ContractRecord],
    *,
    today: dt.date,
    descriptors,
) -> Document:
    figures = summary_figures(programme, report, today)
    body = programme.body
    blocks: list[Block] = [Heading(report.title, 1, "report")]
    lead = (
        f"{report.committee} – {long_date(report.meeting_date)}" if report.committee else long_date(report.meeting_date)
    )
    blocks.append(para(lead, style="lead"))
    blocks.append(
        para(
            f"Reviews held from {long_date(report.period_start)} to {long_date(report.period_end)}. "
            f"Produced {long_date(today)}.",
            style="note",
        )
    )

    blocks.append(Heading("The review group", 2, "group"))
    period = body.period_on(report.meeting_date)
    if period:
        name, parent, chair, vice, *_ = period
        words = f"{name}" + (f", a sub-group of the {parent}" if parent else "")
        blocks.append(para(words + "."))
        if chair:
            blocks.append(para("Chair: ", Run(chair, bold=True), f". Vice-chair: {vice}." if vice else "."))
    if body.convened_on:
        blocks.append(para(f"Convened in {body.convened_on:%B %Y}."))
    if body.terms_of_reference:
        blocks.append(para("Terms of reference: ", body.terms_of_reference))
    members = body.members_on(report.meeting_date)
    if members:
        blocks.append(para("Members:"))
        blocks.append(_bullets(f"{role}" + (f" ({person})" if person else "") for role, person, *_ in members))
    blocks.append(
        para(
            "The review is not an audit: the contract owner assesses the contract against the National Audit Office's "
            "good practice contract management framework and attests to the accuracy of what they provide; the group "
            "does not verify the evidence, and refers a matter to Internal Audit should the need arise."
        )
    )
    for code, control, owner in body.risk_controls:
        blocks.append(para(f"The programme of reviews is a control on corporate risk {code}: “{control}” ({owner})."))

    blocks.append(Heading("Reviews held", 2, "held"))
    blocks.append(
        para(
            f"The group has reviewed {_report_words(report)} contracts since its inception. In this period it held "
            f"{plural(figures.held_figures.entries, 'review', 'reviews')} on "
            f"{plural(figures.held_figures.dates, 'date', 'dates')}."
        )
    )
    if figures.held:
        blocks.append(programme_table("Reviews held in the period", figures.held))
        blocks.append(presenters_table("Reviews held, by lead officer", figures.held_figures))

    blocks.append(Heading("Forward plan of reviews", 2, "forward-plan"))
    tbc = f", and {figures.planned_figures.tbc} to be confirmed" if figures.planned_figures.tbc else ""
    blocks.append(
        para(
            f"{plural(figures.planned_figures.entries, 'review is', 'reviews are')} planned on "
            f"{plural(figures.planned_figures.dates, 'date', 'dates')}{tbc}."
        )
    )
    if figures.planned:
        blocks.append(programme_table("Forward plan of reviews", figures.planned))
    if report.recommendation:
        blocks.append(para("Recommendation: ", Run(report.recommendation, bold=True)))

    blocks.append(Heading("Maturity by activity", 2, "maturity"))
    if figures.heat_map.reviews:
        blocks.append(
            para(
                "The current maturity the contract owners assessed, across "
                f"{plural(figures.heat_map.reviews, 'review', 'reviews')} "
                "held in the period: how many reviews rated each activity at each level (1 Ad-hoc to 5 Optimised)."
            )
        )
    else:
        blocks.append(para("No maturity ratings are recorded for the reviews held in this period.", style="note"))
    blocks.append(heat_map_table(figures.heat_map))
    blocks.append(maturity_chart(figures.heat_map))

    blocks.append(Heading("Findings", 2, "findings"))
    if report.overall:
        blocks.append(para("Overall standard of contract management: ", Run(report.overall, bold=True)))
    for kind, heading in (
        ("finding", "Positives"),
        ("strength", "Strengths"),
        ("issue", "Issues to address"),
        ("theme", "Themes for further improvement"),
    ):
        items = report.points_of(kind)
        if items:
            blocks.append(Heading(heading, 3, f"findings-{kind}"))
            blocks.append(_bullets(items))
    if figures.recurring:
        blocks.append(Heading("Recurring findings across reviews", 3, "findings-recurring"))
        blocks.append(
            Table(
                "Activities with findings in more than one review",
                ("Activity", "Reviews"),
                tuple((rules.ACTIVITY_LABELS[code], count) for code, count in figures.recurring.items()),
                numeric=frozenset({1}),
                sheet="Findings",
                row_headers=True,
            )
        )
    counts = figures.findings
    blocks.append(
        Table(
            "Follow-up of findings and recommendations",
            ("Open", "In progress", "Implemented", "Not implemented", "Overdue"),
            (
                (
                    counts["open"],
                    counts["in_progress"],
                    counts["implemented"],
                    counts["not_implemented"],
                    counts["overdue"],
                ),
            ),
            numeric=frozenset(range(5)),
            sheet="Findings",
        )
    )
    if report.training:
        blocks.append(para("Training: ", report.training))

    table = savings_table(report, figures.held)
    blocks.append(Heading("Savings", 2, "savings"))
    if table is not None:
        blocks.append(table)
    else:
        blocks.append(para("No savings are recorded for this period.", style="note"))

    warned = [(c, c.warnings(today)) for c in contracts]
    warned = [(c, w) for c, w in warned if w]
    blocks.append(Heading("Contract KPIs (Procurement Act 2023)", 2, "kpis"))
    if warned:
        blocks.append(
            Table(
                "Contracts over £5m without what the Act asks",
                ("Contract", "Value", "What is missing"),
                tuple(
                    (f"{c.reference} {c.title}", rules.pounds_text(c.total_value), " ".join(x.message for x in w))
                    for c, w in warned
                ),
                sheet="KPIs",
            )
        )
    else:
        blocks.append(
            para("Every live contract over £5m has at least three KPIs and a performance assessment in the last year.")
        )

    earlier = [p for p in programme.reports if p.meeting_date < report.meeting_date]
    if earlier:
        blocks.append(Heading("Earlier progress reports", 2, "earlier"))
        blocks.append(
            Table(
                "Earlier progress reports",
                (
                    "Meeting",
                    "Contracts reviewed to date",
                    "Overall standard",
                    "Strengths",
                    "Issues",
                    "Themes",
                    "Savings a year",
                ),
                tuple(
                    (
                        f"{p.committee}, {long_date(p.meeting_date)}",
                        _report_words(p),
                        p.overall,
                        len(p.points_of("strength")),
                        len(p.points_of("issue")),
                        len(p.points_of("theme")),
                        ", ".join(
                            ("circa " if s.approximate else "")
                            + rules.pounds_text(s.annual_amount)
                            + (f" ({s.percent.normalize()}%)" if s.percent else "")
                            for s in p.savings
                        ),
                    )
                    for p in earlier
                ),
                numeric=frozenset({3, 4, 5}),
                sheet="Earlier reports",
            )
        )
        for p in earlier:
            blocks.append(Heading(f"{p.committee}, {long_date(p.meeting_date)}", 3, f"earlier-{p.id}"))
            for kind, heading in (
                ("strength", "Strengths"),
                ("issue", "Issues to address"),
                ("finding", "Positives"),
                ("theme", "Themes"),
            ):
                if p.points_of(kind):
                    blocks.append(para(heading + ":"))
                    blocks.append(_bullets(p.points_of(kind)))

    counts_table = rules.descriptor_counts(descriptors)
    blocks.append(PageBreak())
    blocks.append(Heading("Annex: the framework", 2, "framework"))
    blocks.append(
        para(
            f"The NAO framework's {counts_table['activities']} activities, each described at {counts_table['levels']} "
            f"maturity levels: {counts_table['cells']} cells and {counts_table['descriptors']} descriptors."
        )
    )
    blocks.append(
        Table(
            "Descriptors in each activity and level",
            ("Activity", *(f"{level} {name}" for level, name in rules.LEVELS.items()), "Total"),
            (
                *(
                    (a.label, *counts_table["by_activity"][a.code], sum(counts_table["by_activity"][a.code]))
                    for a in rules.ACTIVITIES
                ),
                ("Total", *counts_table["by_level"], counts_table["descriptors"]),
            ),
            numeric=frozenset(range(1, 7)),
            sheet="Framework",
            row_headers=True,
            total_row=True,
        )
    )
    return Document(
        title=report.title,
        blocks=tuple(blocks),
        file_stem=f"contract-management-{report.meeting_date.isoformat()}",
        subject=f"{body.name}: {report.committee} {long_date(report.meeting_date)}",
        data=_summary_data(programme, figures, contracts, today, descriptors),
    )


# --- a review's maturity report --------------------------------------------------------------------------


def build_review_document(
    review: ReviewRecord,
    contracts: list[ContractRecord],
    kpis: dict[str, list[kpi_rules.KpiRow]],
    *,
    body_name: str = "",
) -> Document:
    """The maturity report for one review, in the template's sections (seed 003 lines 878–1007)."""
    report = review.report
    suppliers = sorted({c.supplier_name for c in contracts if c.supplier_name})
    title = f"Contract management maturity report: {review.title}"
    blocks: list[Block] = [Heading(title, 1, "report")]
    blocks.append(para(f"{', '.join(suppliers) or 'Contractor not recorded'}", style="lead"))
    blocks.append(para(f"Meeting of the {body_name or 'review group'}: {_date(review.meeting_date)}.", style="note"))

    blocks.append(Heading("Section 1 – Contract details", 2, "section-1"))
    for c in contracts:
        supplier = c.supplier
        constituted = ""
        if supplier:
            constituted = ", ".join(
                x
                for x in (
                    f"trading as {supplier.trading_name}" if supplier.trading_name else "",
                    dict(_LEGAL_FORMS).get(supplier.legal_form, ""),
                    f"company {supplier.company_number}" if supplier.company_number else "",
                    f"charity {supplier.charity_number}" if supplier.charity_number else "",
                )
                if x
            )
        blocks.append(
            Table(
                f"{c.reference} {c.title}",
                ("Detail", "Value"),
                (
                    ("Contractor", f"{c.supplier_name}" + (f" ({constituted})" if constituted else "")),
                    ("Date of contract award", c.awarded_on),
                    ("Date of expiry", c.end_date),
                    (
                        "Anticipated whole life cost",
                        f"{rules.pounds_text(c.whole_life_cost)} nominal; "
                        f"{rules.pounds_text(c.whole_life_cost_npv)} net present",
                    ),
                    ("Anticipated value in current financial year", rules.pounds_text(c.current_year_value)),
                    (
                        "Contract scope",
                        c.description + (f" Coverage: {c.geographic_coverage}." if c.geographic_coverage else ""),
                    ),
                ),
                sheet="Contract details",
                row_headers=True,
            )
        )

    blocks.append(Heading("Section 2 – Maturity assessment", 2, "section-2"))
    if report is None or not report.ratings:
        blocks.append(para("The contract owner has not rated the activities yet.", style="note"))
    else:
        rows = []
        for activity in rules.ACTIVITIES:
            rating = report.rating(activity.code)
            rows.append(
                (
                    f"{activity.label} ({activity.covers})",
                    rules.level_name(rating.current) if rating else "Not rated",
                    rules.level_name(rating.target) if rating else "Not rated",
                    rating.comments if rating else "",
                    rating.evidence if rating else "",
                )
            )
        rows.append(
            (
                "Overall",
                rules.level_name(report.overall_current),
                rules.level_name(report.overall_target),
                report.overall_comments,
                "",
            )
        )
        blocks.append(
            Table(
                "Maturity assessment",
                ("Activity", "Current", "Target", "Comments and rationale", "Evidence"),
                tuple(rows),
                sheet="Maturity",
                total_row=True,
            )
        )
        low, high = report.range
        if low is not None:
            blocks.append(
                para(f"The activities' current levels range from {rules.level_name(low)} to {rules.level_name(high)}.")
            )

    blocks.append(Heading("Section 3 – Attestation by the contract owner", 2, "section-3"))
    attestation = report.attestation if report else None
    if attestation is None:
        blocks.append(para("Not signed yet.", style="note"))
    else:
        blocks.append(
            para(
                f"{attestation.owner_name}, {attestation.position}, {long_date(attestation.attested_on)}. "
                "Contract owner "
                f"since {long_date(attestation.owner_since)}."
            )
        )
        blocks.append(_bullets(text for text, _ in attestation.statements))
        if attestation.concerns:
            blocks.append(
                para(
                    f"{plural(len(attestation.concerns), 'statement gives', 'statements give')} no assurance and "
                    "should be "
                    "discussed at the review.",
                    style="note",
                )
            )

    answers = report.answers if report else {}
    for section in rules.SECTIONS[3:]:
        blocks.append(Heading(f"Section {section.number} – {section.title}", 2, f"section-{section.number}"))
        if section.number == 4:
            annual = sum(c.current_year_value or 0 for c in contracts) or None
            cost = report.management_cost if report else None
            share = rules.cost_of_management_percent(cost, annual)
            if cost is not None:
                blocks.append(
                    para(
                        f"Total annual cost of contract management is {rules.pounds_text(cost)}"
                        + (f", which represents {share}% of annual contract value." if share is not None else ".")
                    )
                )
        for question in section.questions:
            text = answers.get(question.key, "")
            blocks.append(Heading(question.label, 3, f"q-{question.key}"))
            blocks.extend(text_blocks(text) if text else [para("Not answered.", style="note")])
        if section.number == 5:
            rows = [row for c in contracts for row in kpis.get(c.reference, [])]
            if rows:
                blocks.append(
                    Table(
                        "The contract's KPIs in the performance system",
                        ("KPI", "Latest", "Period", "Target", "Floor", "RAG"),
                        tuple(
                            (
                                f"{r.ref} {r.description}",
                                str(r.latest) if r.latest is not None else "",
                                r.period,
                                str(r.target) if r.target is not None else "",
                                str(r.floor) if r.floor is not None else "",
                                (r.rag or "").upper(),
                            )
                            for r in rows
                        ),
                        sheet="KPIs",
                    )
                )
    blocks.append(Heading("Annexes", 2, "annexes"))
    for key, label in rules.ANNEXES:
        blocks.append(Heading(label.split(":")[0], 3, f"annex-{key}"))
        text = getattr(report, key, "") if report else ""
        blocks.extend(text_blocks(text) if text else [para("Not attached.", style="note")])

    if review.findings:
        blocks.append(Heading("Findings and recommendations", 2, "findings"))
        blocks.append(
            Table(
                "Findings and recommendations",
                ("Finding", "Activity", "Recommendation", "Owner", "Due", "Status"),
                tuple(
                    (f.text, f.activity_label, f.recommendation, f.owner, f.due_on, f.status_label)
                    for f in review.findings
                ),
                sheet="Findings",
            )
        )
    return Document(
        title=title,
        blocks=tuple(blocks),
        file_stem=f"maturity-report-{slug(review.title)[:60] or review.id}",
        subject=f"{review.title}, {_date(review.meeting_date)}",
    )


_LEGAL_FORMS = (
    ("company", "registered company"),
    ("charity", "registered charity"),
    ("charitable_company", "charitable company"),
    ("cic", "community interest company"),
    ("partnership", "partnership or LLP"),
    ("sole_trader", "sole trader"),
    ("public_body", "public body"),
    ("other", ""),
)


# --- from the database, for a reader ---------------------------------------------------------------------


def summary_document(user, *, report_id: int | None = None, today: dt.date | None = None) -> Document | None:
    """The progress report (the latest, or `report_id`) as `user` may read it; None when there is none."""
    from .selectors import contract_records, descriptors, get_body, programme

    body = get_body()
    if body is None:
        return None
    found = programme(body, user)
    reports = [r for r in found.reports if report_id is None or r.id == report_id]
    if not reports:
        return None
    today = today or dt.date.today()
    return build_summary_document(found, reports[-1], contract_records(user), today=today, descriptors=descriptors())


def review_document(review, user) -> Document:
    from .models import Review
    from .selectors import _review_queryset, contract_kpis, contract_records, get_body, review_record

    # The review's exempt contracts are left out for `user` not cleared for them (core.exempt).
    record = review_record(_review_queryset(Review.objects.filter(pk=review.pk), user).get())
    shown = review.contracts.visible_to(user)
    contracts = contract_records(user, shown)
    kpis = {c.reference: contract_kpis(c) for c in shown}
    body = get_body()
    return build_review_document(record, contracts, kpis, body_name=str(body) if body else "")
