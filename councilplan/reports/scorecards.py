"""The activity scorecards of a round: one page per activity in the round's scope (seed 000 §9)."""

from __future__ import annotations

from collections.abc import Sequence

from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import parse_round_label, quarter_months
from councilplan.analysis.monitoring import RoundAnalysis
from councilplan.analysis.records import Milestone, PlanData, Return
from councilplan.analysis.report_extras import status_histories
from councilplan.documents.model import Block, BulletList, Cell, Document, Heading, PageBreak, Table, format_date
from councilplan.documents.words import bold, join_words, para, slug, text_blocks

from .round_report import ReportMeta, report_file_stem

SCORECARDS_TITLE = "Strategic Delivery Plan Monitoring – Activity Scorecards"


def _milestone_text(milestone: Milestone) -> str:
    parts = []
    if milestone.date is not None:
        parts.append(format_date(milestone.date) + (" (estimated)" if milestone.estimated else ""))
    if milestone.text.strip():
        parts.append(milestone.text.strip())
    return " – ".join(parts)


def _scorecard(
    analysis: RoundAnalysis,
    activity,
    ret: Return | None,
    history: list[tuple[str, str | None]],
    flags: list,
    top: int = 2,
) -> list[Block]:
    """One activity's scorecard. `top`: the level of its heading (1 when it is a page of its own)."""
    vocab = analysis.vocab
    label = vocab.label
    quarter = analysis.round.split()[-1]
    blocks: list[Block] = [Heading(f"{activity.ref}. {activity.title}", top, f"activity-{slug(activity.ref)}")]
    sub = top + 1
    details: list[tuple[Cell, ...]] = [
        ("Outcome", activity.outcome),
        ("Activity type", label(v.ACTIVITY_TYPE, activity.activity_type)),
        ("Directorate", activity.directorate or "Not recorded"),
        ("Lead officer", activity.lead_officer or "Not recorded"),
        ("Start date", activity.start_date),
        ("Original end date", activity.end_date),
    ]
    if ret is not None:
        details += [
            ("Delivery status", analysis.status_label(history[-1][1] if history else ret.delivery_status)),
            ("Revised end date", ret.new_end_date),
            ("Revised ‘Go Live’ date", ret.new_go_live_date),
        ]
        if ret.date_change_reason.strip():
            factor = {"internal": " (internal factors)", "external": " (external factors)"}.get(
                ret.date_change_factor, ""
            )
            details.append(("Reason for the date change", ret.date_change_reason.strip() + factor))
        if ret.project_status != v.ACTIVE:
            details.append(("Project status", label(v.PROJECT_STATUS, ret.project_status)))
            details.append(("Reason", ret.status_reason.strip() or "Not given"))
            details.append(
                (
                    "Stays in monitoring",
                    {True: "Yes", False: "No"}.get(ret.remain_in_monitoring, "No decision recorded"),
                )
            )
    blocks.append(
        Table(
            f"{activity.ref}: activity details",
            ("Detail", "Answer"),
            tuple(details),
            sheet="Scorecards",
            row_headers=True,
        )
    )
    blocks.append(
        Table(
            f"{activity.ref}: delivery status in every round",
            ("Round", "Delivery status"),
            tuple((rnd, analysis.status_label(status) if status else "No return") for rnd, status in history),
            sheet="Scorecards",
            row_headers=True,
        )
    )
    if ret is None:
        blocks.append(para(f"No return was submitted for {quarter}.", style="note"))
        blocks.append(PageBreak())
        return blocks

    if ret.previous_issues_resolution.strip():
        blocks.append(Heading("How the previous round’s issues were resolved", sub))
        blocks.extend(text_blocks(ret.previous_issues_resolution))
    blocks.append(Heading("Description of progress", sub))
    blocks.extend(text_blocks(ret.progress) or [para("No description given.", style="note")])

    milestones = [
        (label(v.MILESTONE_TYPE, code), _milestone_text(m))
        for code in [*vocab.codes(v.MILESTONE_TYPE), *ret.milestones]
        if (m := ret.milestones.get(code)) is not None and _milestone_text(m)
    ]
    milestones = list(dict.fromkeys(milestones))
    blocks.append(Heading("Key milestones", sub))
    if milestones:
        blocks.append(
            Table(
                f"{activity.ref}: key milestones",
                ("Milestone", "Date or estimate"),
                tuple(milestones),
                sheet="Scorecards",
                row_headers=True,
            )
        )
    else:
        blocks.append(para("No milestones identified.", style="note"))

    if ret.delivery_status in v.NOT_ON_TRACK:
        blocks.append(Heading("Issues", sub))
        themes = "; ".join(label(v.ISSUE_THEME, c) for c in ret.issues) or "None named"
        blocks.append(para(bold("Themes: "), themes))
        blocks.extend(text_blocks(ret.issue_detail))
        blocks.append(Heading("Mitigating actions or escalations", sub))
        blocks.append(para("In place: " + ("Yes" if ret.mitigations else "No")))
        blocks.extend(text_blocks(ret.mitigation_detail))
        blocks.append(Heading("Risk registers", sub))
        levels = [label(v.RISK_REGISTER_LEVEL, c) for c in ret.risk_registers]
        blocks.append(
            para("Recorded on: " + join_words(levels) if levels else "The issues are not recorded on a risk register.")
        )

    blocks.append(Heading("Governance", sub))
    boards = vocab.terms.get(v.BOARD, ())
    known = {t.code for t in boards}
    rows = [(t.label, t.code in ret.reported_to, t.code in ret.expected_to_report_to) for t in boards]
    rows += [
        (c, c in ret.reported_to, c in ret.expected_to_report_to)
        for c in dict.fromkeys([*ret.reported_to, *ret.expected_to_report_to])
        if c not in known
    ]
    previous = analysis.previous_quarter
    blocks.append(
        Table(
            f"{activity.ref}: governance",
            ("Board", f"Reported since {previous}" if previous else "Reported to", "Expected to report to"),
            tuple(rows),
            ticks=frozenset({1, 2}),
            sheet="Scorecards",
            row_headers=True,
        )
    )
    if any(b in ret.expected_to_report_to for b in (t.code for t in boards if t.group == "informal_governance")):
        blocks.append(
            para(
                "Scheduled item on the informal governance forward plan: "
                + ("Yes" if ret.forward_plan_scheduled else "No")
            )
        )
    if flags:
        blocks.append(Heading("Data-quality checks", sub))
        blocks.append(BulletList(tuple(para(fl.message) for fl in flags)))
    blocks.append(PageBreak())
    return blocks


def build_scorecards(
    plan: PlanData,
    analysis: RoundAnalysis,
    meta: ReportMeta | None = None,
    refs: Sequence[str] | None = None,
) -> Document:
    """One scorecard (a page) per activity in the round's scope, in activity number order; `refs` to limit
    it to some of them (the web page of one scorecard)."""
    meta = meta or ReportMeta()
    wanted = list(analysis.scope if refs is None else [r for r in analysis.scope if r in set(refs)])
    activities = {a.ref: a for a in plan.activities}
    index = next(i for i, r in enumerate(plan.rounds) if r.label == analysis.round)
    in_scope = set(wanted)
    returns = {r.ref: r for r in plan.rounds[index].returns if r.ref in in_scope}
    histories = status_histories(plan, wanted, analysis.round, late_on_track_rule=analysis.late_on_track_rule)
    flags: dict[str, list] = {}
    for flag in analysis.data_quality:
        flags.setdefault(flag.ref, []).append(flag)
    parsed = parse_round_label(analysis.round)
    blocks: list[Block] = []
    if refs is None:
        blocks.append(Heading(SCORECARDS_TITLE, 1, "report-title"))
        blocks.append(para(f"Quarter {parsed.quarter}: {quarter_months(analysis.round)}", style="lead"))
        if analysis.outcome:
            blocks.append(para("Tailored version for ", bold(analysis.outcome), style="lead"))
        if meta.report_version:
            blocks.append(para(f"Report version: {meta.report_version}"))
        blocks.append(
            para(
                f"One scorecard for each of the {len(wanted)} activities in monitoring in {analysis.round}, "
                "in activity number order."
            )
        )
        blocks.append(PageBreak())
    for ref in wanted:
        blocks.extend(
            _scorecard(
                analysis,
                activities[ref],
                returns.get(ref),
                histories.get(ref, []),
                flags.get(ref, []),
                top=2 if refs is None else 1,
            )
        )
    if blocks and isinstance(blocks[-1], PageBreak):
        blocks.pop()
    return Document(
        SCORECARDS_TITLE, tuple(blocks), report_file_stem(analysis, "scorecards"), f"{analysis.plan} – {analysis.round}"
    )
