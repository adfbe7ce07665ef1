"""The planning documents, in the one document model (`councilplan.documents`), so that its renderers lay
them out as HTML, PDF and Word:

- the long-list analysis of a cycle (`build_long_list_report`, and `long_list_json` for machines);
- the one-page activity scorecards used in prioritisation (`build_scorecards`, 002 §2.6);
- the plan itself (`build_plan_document`): the full plan, every short-listed activity's detail by outcome, and
  the summary: outcomes, themes, one headline per activity and its governance route (002 §2.9–2.11).

The builders word what the selectors read and `councilplan.analysis.planning` computed; they compute no figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.utils import timezone

from councilplan.analysis import planning as analysis
from councilplan.analysis import planning_choices as choices
from councilplan.analysis.figures import Figure
from councilplan.documents import formats
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES
from councilplan.documents.model import Block, BulletList, Cell, Chart, Document, Heading, PageBreak, Series, Table
from councilplan.documents.words import bold, para, slug, text_blocks

from .selectors import CycleData, PlanActivity, PlanContents, SubmissionRow

FORMATS = list(formats.READING)
REPORT_FORMATS = [*FORMATS, "json"]
__all__ = ["CONTENT_TYPES", "FORMAT_NAMES"]
VERSIONS = {"full": "The full plan", "summary": "The summary"}
LONG_LIST_TITLE = "Building the plan: the long list"
SCORECARDS_TITLE = "Activity scorecards"


def render(document: Document, fmt: str) -> bytes:
    """`document` as HTML, PDF or Word (the long-list analysis also as JSON, from its data)."""
    formats.check(fmt, REPORT_FORMATS if document.data is not None else FORMATS)
    return formats.render(document, fmt)


# --- wording --------------------------------------------------------------------------------------------


def money(value: Decimal | None) -> str:
    if value is None:
        return "Not known"
    whole = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    return f"£{whole:,}"


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def day(value: dt.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "Not given"


def moment(value: dt.datetime | None) -> str:
    return f"{timezone.localtime(value):%-d %B %Y at %H:%M}" if value else ""


def share(figure: Figure) -> str:
    """ "73% (58 of 79)"; "58 of 0" has no percentage."""
    if figure.percent is None:
        return f"{figure.count} of {figure.of}"
    return f"{figure.percent}% ({figure.count} of {figure.of})"


def outcome_name(number: int | None, title: str, cross_cutting: str | None) -> str:
    if title == cross_cutting or number is None:
        return title
    return f"Outcome {number}: {title}"


def _figure_name(key: str, outcomes: Sequence[str], cross_cutting: str | None) -> str:
    if key.startswith("outcome_"):
        number = int(key.split("_")[1])
        title = outcomes[number - 1]
        return f"In {outcome_name(number, title, cross_cutting)}"
    if key.startswith("support_") and key not in analysis.FIGURE_NAMES:
        code = key.removeprefix("support_")
        return f"Need support from {choices.label_of(choices.SUPPORT_SERVICES, code)}"
    return analysis.FIGURE_NAMES.get(key, key)


def _pc(figure: Figure) -> Cell:
    return figure.percent


# --- the long list analysis -----------------------------------------------------------------------------


def _stage_table(counts: dict[str, int]) -> Table:
    return Table(
        "Activities at each stage",
        ("Stage", "Activities"),
        (
            ("Submitted through the call for activity", counts["submissions"]),
            ("On the long list after the review (operational delivery and core business removed)", counts["long_list"]),
            ("Short-listed", counts["short_list"]),
        ),
        numeric=frozenset({1}),
        row_headers=True,
    )


def _used_outcomes(data: CycleData) -> list[tuple[int, str]]:
    used = {s.outcome for s in data.records}
    return [(n, title) for n, title in enumerate(data.outcomes, start=1) if title in used]


def _breakdown_table(caption: str, first: str, rows: list[tuple[str, dict[str, Figure]]]) -> Table:
    header = (first, "Submissions", "%", "Long list", "%", "Short list", "%")
    body = tuple(
        (
            value or "Not given",
            *(cell for base in analysis.BASES for cell in (figures[base].count, _pc(figures[base]))),
        )
        for value, figures in rows
    )
    return Table(caption, header, body, numeric=frozenset(range(1, 7)), row_headers=True)


def build_long_list_report(data: CycleData) -> Document:
    records = data.records
    counts = analysis.stage_counts(records)
    headline = analysis.headline_figures(records, data.outcomes)
    by_base = {
        base: analysis.figures_for(analysis.base_members(records, base), data.outcomes, data.cross_cutting)
        for base in analysis.BASES
    }
    used = _used_outcomes(data)
    blocks: list[Block] = [
        Heading(LONG_LIST_TITLE, 1, "report-title"),
        para(data.name, style="lead"),
        para(
            f"The call for activity was open from {moment(data.opens_at)} to {moment(data.closes_at)}. "
            f"This analysis was produced on {day(timezone.localdate())}."
        ),
        Heading("Stages", 2, "stages"),
        _stage_table(counts),
    ]

    blocks.append(Heading("Headline figures", 2, "headline-figures"))
    blocks.append(
        para(
            "Each figure is counted on the base the Strategic Delivery Plan report used for it: all submissions, "
            "the long list or the short list. The next table gives every figure on every base."
        )
    )
    rows: list[tuple[Cell, ...]] = []
    for key in analysis.FIGURE_KEYS:
        figure = headline[key]
        base = analysis.HEADLINE_BASES[key][0]
        rows.append((analysis.FIGURE_NAMES[key], figure.count, figure.of, figure.percent, analysis.BASE_NAMES[base]))
    outcome_base = analysis.HEADLINE_BASES[analysis.OUTCOMES][0]
    for number, _ in used:
        figure = headline[analysis.outcome_key(number)]
        name = _figure_name(analysis.outcome_key(number), data.outcomes, data.cross_cutting)
        rows.append((name, figure.count, figure.of, figure.percent, analysis.BASE_NAMES[outcome_base]))
    blocks.append(
        Table(
            "Headline figures",
            ("Figure", "Activities", "Out of", "%", "Base"),
            tuple(rows),
            numeric=frozenset({1, 2, 3}),
            row_headers=True,
        )
    )

    keys = [*analysis.FIGURE_KEYS]
    keys += [f"support_{code}" for code, _ in choices.SUPPORT_SERVICES if f"support_{code}" not in keys]
    keys += [analysis.outcome_key(n) for n, _ in used]
    if data.cross_cutting:
        keys.append("cross_cutting")
    blocks.append(Heading("Every figure on every base", 2, "every-base"))
    blocks.append(
        Table(
            "Every figure on every base: percentage (count)",
            ("Figure", "All submissions", "Long list", "Short list"),
            tuple(
                (
                    _figure_name(key, data.outcomes, data.cross_cutting),
                    *(share(by_base[b][key]) for b in analysis.BASES),
                )
                for key in keys
            ),
            row_headers=True,
        )
    )

    blocks.append(Heading("By outcome", 2, "by-outcome"))
    outcome_rows = analysis.breakdown(records, "outcome", [t for _, t in used])
    numbers = {t: n for n, t in used}
    blocks.append(
        _breakdown_table(
            "Activities by outcome",
            "Outcome",
            [(outcome_name(numbers.get(t), t, data.cross_cutting), f) for t, f in outcome_rows],
        )
    )
    blocks.append(Heading("By activity type", 2, "by-type"))
    type_labels = {s.record.activity_type: s.activity_type_label for s in data.submissions}
    type_rows = analysis.breakdown(records, "activity_type")
    blocks.append(
        _breakdown_table("Activities by type", "Activity type", [(type_labels.get(c, c), f) for c, f in type_rows])
    )
    blocks.append(Heading("By directorate", 2, "by-directorate"))
    blocks.append(
        _breakdown_table("Activities by directorate", "Directorate", analysis.breakdown(records, "directorate"))
    )

    blocks.append(Heading("Support needed from other services", 2, "support"))
    services = [(code, label) for code, label in choices.SUPPORT_SERVICES]
    support = [(label, by_base["submissions"][f"support_{code}"].count) for code, label in services]
    short = [by_base["short_list"][f"support_{code}"].count for code, _ in services]
    categories = tuple(label for label, _ in support)
    table = Table(
        "Data for the chart: activities needing support, by service",
        ("Service", "All submissions", "Short list"),
        tuple((label, count, short[i]) for i, (label, count) in enumerate(support)),
        numeric=frozenset({1, 2}),
        row_headers=True,
    )
    blocks.append(
        Chart(
            "support",
            "Activities needing support, by service",
            categories,
            (
                Series("All submissions", tuple(c for _, c in support), "previous"),
                Series("Short list", tuple(short), "current"),
            ),
            "Bar chart, activities needing support, by service. "
            + "; ".join(
                f"{label}: {count} of all submissions, {short[i]} of the short list"
                for i, (label, count) in enumerate(support)
            )
            + ".",
            table,
        )
    )

    long_rows = [row for row in data.submissions if row.record.in_long_list]
    gap_totals = analysis.gap_figures([row.record for row in long_rows])
    blocks.append(Heading("Gaps to follow up", 2, "gaps"))
    blocks.append(
        para(
            "Activities on the long list with no financial information at all (no capital cost, revenue investment "
            "cost, savings or income), or without an EQIA or a DPIA completed, in progress or judged not required."
        )
    )
    blocks.append(
        Table(
            "Gaps on the long list",
            ("Gap", "Activities", "Out of", "%"),
            tuple(
                (name, gap_totals[code].count, gap_totals[code].of, gap_totals[code].percent)
                for code, name in [*analysis.GAPS.items(), ("any_gap", "At least one gap")]
            ),
            numeric=frozenset({1, 2, 3}),
            row_headers=True,
        )
    )
    flagged = [row for row in long_rows if row.gaps]
    if flagged:
        blocks.append(
            Table(
                "Activities with gaps",
                ("No.", "Activity", "Directorate", "Lead officer", "No financial information", "No EQIA", "No DPIA"),
                tuple(
                    (
                        row.number,
                        row.title,
                        row.record.directorate or "Not given",
                        row.lead_officer or "Not given",
                        "no_financial_information" in row.gaps,
                        "no_eqia" in row.gaps,
                        "no_dpia" in row.gaps,
                    )
                    for row in flagged
                ),
                numeric=frozenset({0}),
                ticks=frozenset({4, 5, 6}),
            )
        )

    blocks.append(Heading("The long list ranked", 2, "ranked"))
    blocks.append(para(_scoring_words(data)))
    by_number = data.by_number()
    ranking = data.ranking(long_rows)
    blocks.append(
        Table(
            "The long list, highest score first",
            ("Rank", "No.", "Activity", "Outcome", "Score", "Decision"),
            tuple(
                (
                    r.rank_text,
                    r.number,
                    by_number[r.number].title,
                    by_number[r.number].record.outcome,
                    str(r.score) if r.score else "Not fully scored",
                    by_number[r.number].decision_label,
                )
                for r in ranking
            ),
            numeric=frozenset({1}),
        )
    )
    return Document(LONG_LIST_TITLE, tuple(blocks), f"long-list-{slug(data.name)}", f"{data.name} – long list analysis")


def _scoring_words(data: CycleData) -> str:
    parts = [f"{c.label} ({c.low}–{c.high}, weight {analysis.plain(c.weight)})" for c in data.criteria]
    return (
        "Each activity is scored on "
        + ", ".join(parts)
        + ". Its score is the sum of each score times its weight; equal scores share a rank."
    )


def long_list_json(data: CycleData) -> dict:
    """The machine-readable long-list analysis: the three counts, the seed's figures on their bases (`figures`),
    which base each uses (`bases`), every figure on every base, the gaps, and the outcomes' numbers."""
    records = data.records
    headline = analysis.headline_figures(records, data.outcomes)
    bases = {key: analysis.HEADLINE_BASES[key][0] for key in analysis.FIGURE_KEYS}
    bases.update(
        {
            analysis.outcome_key(n): analysis.HEADLINE_BASES[analysis.OUTCOMES][0]
            for n in range(1, len(data.outcomes) + 1)
        }
    )
    long_rows = [row for row in data.submissions if row.record.in_long_list]
    return {
        "cycle": data.name,
        **analysis.stage_counts(records),
        "figures": {key: figure.as_dict() for key, figure in headline.items()},
        "bases": bases,
        "outcomes": [
            {"number": n, "title": title, "cross_cutting": title == data.cross_cutting}
            for n, title in enumerate(data.outcomes, start=1)
        ],
        "figures_by_base": {
            base: {
                key: figure.as_dict()
                for key, figure in analysis.figures_for(
                    analysis.base_members(records, base), data.outcomes, data.cross_cutting
                ).items()
            }
            for base in analysis.BASES
        },
        "gaps": {
            "long_list": {k: f.as_dict() for k, f in analysis.gap_figures([r.record for r in long_rows]).items()},
            "activities": [
                {"number": row.number, "title": row.title, "gaps": list(row.gaps)} for row in long_rows if row.gaps
            ],
        },
    }


# --- scorecards -----------------------------------------------------------------------------------------


def _details(row: SubmissionRow, outcome: str) -> list[tuple[Cell, ...]]:
    r = row.record
    return [
        ("Headline", row.headline or "Not given"),
        ("Outcome", outcome),
        ("Activity type", row.activity_type_label),
        ("Directorate", r.directorate or "Not given"),
        ("Division", row.division or "Not given"),
        ("Start date", day(row.start_date)),
        ("End date", day(row.end_date)),
        ("Already in delivery", yes_no(r.in_delivery)),
        (
            "Part of a project or programme",
            (f"Yes: {row.programme}" if row.programme else "Yes") if r.part_of_programme else "No",
        ),
    ]


def _accountability(row: SubmissionRow) -> list[tuple[Cell, ...]]:
    return [
        ("Lead officer", row.lead_officer or "Not given"),
        ("Corporate director", row.corporate_director or "Not given"),
        ("Cabinet member", row.cabinet_member or "Not given"),
        ("Likely key decision", row.key_decision),
        ("Decision authority", row.decision_authority or "Not given"),
        ("Proposed informal governance route", row.governance_route or "Not given"),
    ]


def _finance(row: SubmissionRow) -> list[tuple[Cell, ...]]:
    r = row.record
    return [
        ("Capital cost", money(r.capital_cost)),
        ("Revenue investment cost", money(r.revenue_cost)),
        ("Savings", money(r.savings)),
        ("Income", money(r.income)),
        ("Funding source", row.funding_source or "Not given"),
    ]


def _capacity(row: SubmissionRow) -> list[tuple[Cell, ...]]:
    r = row.record
    return [
        ("Capacity", row.capacity_label),
        ("Support needed from other services", "; ".join(row.support_labels) or "None"),
        ("EQIA", choices.label_of(choices.ASSESSMENT, r.eqia)),
        ("DPIA", choices.label_of(choices.ASSESSMENT, r.dpia)),
        ("Gaps to follow up", "; ".join(row.gap_labels) or "None"),
    ]


def _two_columns(caption: str, rows: list[tuple[Cell, ...]]) -> Table:
    return Table(caption, ("Question", "Answer"), tuple(rows), row_headers=True)


def scorecard_blocks(
    data: CycleData, row: SubmissionRow, ranking: dict[int, analysis.Ranked], top: int = 2
) -> list[Block]:
    """One activity's scorecard: everything about it on a page (002 §2.6)."""
    n = row.number
    outcome = outcome_name(data.outcome_number(row.record.outcome), row.record.outcome, data.cross_cutting)
    blocks: list[Block] = [
        Heading(f"{n}. {row.title}", top, f"submission-{n}"),
        _two_columns(f"{n}: the activity", _details(row, outcome)),
        _two_columns(f"{n}: decision authority and accountability", _accountability(row)),
        _two_columns(f"{n}: financial information", _finance(row)),
        _two_columns(f"{n}: capacity, support and compliance", _capacity(row)),
    ]
    score = analysis.weighted_score(row.record.scores, data.criteria)
    ranked = ranking.get(n)
    rows: list[tuple[Cell, ...]] = [
        (c.label, row.record.scores.get(c.code), f"{c.low}–{c.high}", analysis.plain(c.weight)) for c in data.criteria
    ]
    blocks.append(
        Table(
            f"{n}: prioritisation scores",
            ("Criterion", "Score", "Scale", "Weight"),
            tuple(rows),
            numeric=frozenset({1}),
            row_headers=True,
        )
    )
    rank_words = ranked.rank_text if ranked and ranked.rank else "not ranked"
    blocks.append(
        para(
            bold("Weighted score: "),
            f"{score} ({score.percent}%), rank {rank_words} on the long list" if score else "Not fully scored yet",
        )
    )
    if data.use_deca and data.deca_factors:
        labels = dict(choices.DECA_RATINGS)
        blocks.append(
            Table(
                f"{n}: NAO DECA factors",
                ("Factor", "Rating"),
                tuple(
                    (label, labels.get(row.record.deca.get(code, ""), "Not rated")) for code, label in data.deca_factors
                ),
                row_headers=True,
            )
        )
        blocks.append(
            para(bold("DECA profile: "), str(analysis.deca_profile(row.record.deca, [c for c, _ in data.deca_factors])))
        )
    review = row.review_label + (f" – {row.review_note}" if row.review_note else "")
    decision = row.decision_label
    if row.record.decision:
        decision += f", {moment(row.decided_at)}" + (f" by {row.decided_by}" if row.decided_by else "")
    blocks.append(para(bold("Long-list review: "), review))
    blocks.append(para(bold("Decision: "), decision))
    if row.decision_note:
        blocks.extend(text_blocks(row.decision_note))
    if row.activity_ref:
        blocks.append(para(bold("In the plan as activity "), row.activity_ref))
    return blocks


def build_scorecards(data: CycleData, numbers: Sequence[int] | None = None) -> Document:
    """One scorecard per submission (a page each), or only `numbers`' (one scorecard is its own page)."""
    long_rows = [row for row in data.submissions if row.record.in_long_list]
    ranking = {r.number: r for r in data.ranking(long_rows)}
    wanted = [row for row in data.submissions if numbers is None or row.number in set(numbers)]
    single = numbers is not None and len(wanted) == 1
    blocks: list[Block] = []
    if not single:
        blocks += [Heading(SCORECARDS_TITLE, 1, "report-title"), para(data.name, style="lead")]
    for row in wanted:
        blocks.extend(scorecard_blocks(data, row, ranking, top=1 if single else 2))
        blocks.append(PageBreak())
    if blocks and isinstance(blocks[-1], PageBreak):
        blocks.pop()
    stem = f"scorecard-{slug(data.name)}-{wanted[0].number}" if single else f"scorecards-{slug(data.name)}"
    title = f"Activity scorecard: {wanted[0].number}. {wanted[0].title}" if single else SCORECARDS_TITLE
    return Document(title, tuple(blocks), stem, data.name)


# --- the plan documents ---------------------------------------------------------------------------------


def _by_outcome(plan: PlanContents) -> list[tuple[str, list[PlanActivity]]]:
    return [(title, [a for a in plan.activities if a.outcome == title]) for title in plan.outcomes]


def _plan_outcome_heading(plan: PlanContents, number: int, title: str) -> str:
    return outcome_name(number, title, plan.cross_cutting)


def _activity_rows(a: PlanActivity) -> list[tuple[Cell, ...]]:
    s = a.submission
    if s is None:
        return [
            ("Description", a.description or "Not given"),
            ("Activity type", a.activity_type_label),
            ("Directorate", a.directorate or "Not given"),
            ("Lead officer", a.lead_officer or "Not given"),
            ("Start date", day(a.start_date)),
            ("End date", day(a.end_date)),
        ]
    rows = _details(s, a.outcome)[:1] + [
        ("Activity type", a.activity_type_label),
        ("Directorate", a.directorate or "Not given"),
        ("Division", s.division or "Not given"),
        ("Start date", day(a.start_date)),
        ("End date", day(a.end_date)),
        ("Already in delivery", yes_no(s.record.in_delivery)),
        ("Part of a project or programme", _details(s, a.outcome)[-1][1]),
    ]
    accountability = _accountability(s)
    accountability[0] = ("Lead officer", a.lead_officer or "Not given")
    return rows + accountability + _finance(s) + _capacity(s)[:4]


def build_plan_document(plan: PlanContents, version: str) -> Document:
    if version == "full":
        return _full_plan(plan)
    if version == "summary":
        return _summary(plan)
    raise ValueError(f"unknown version {version!r}: full or summary")


def _introduction(plan: PlanContents) -> list[Block]:
    text = plan.introduction or plan.description
    return text_blocks(text) if text else []


def _full_plan(plan: PlanContents) -> Document:
    title = plan.name
    blocks: list[Block] = [Heading(title, 1, "report-title"), para("The full plan", style="lead")]
    blocks.extend(_introduction(plan))
    groups = _by_outcome(plan)
    blocks.append(
        para(
            f"The plan holds {len(plan.activities)} activities under {len(groups)} outcomes. Each activity's detail "
            "follows, by outcome, as submitted and agreed."
        )
    )
    blocks.append(
        BulletList(
            tuple(
                para(f"{_plan_outcome_heading(plan, n, t)}: {len(acts)} activities")
                for n, (t, acts) in enumerate(groups, start=1)
            )
        )
    )
    for n, (outcome, activities) in enumerate(groups, start=1):
        blocks.append(PageBreak())
        blocks.append(Heading(_plan_outcome_heading(plan, n, outcome), 2, f"outcome-{n}"))
        for a in activities:
            blocks.append(Heading(f"{a.ref}. {a.title}", 3, f"activity-{slug(a.ref)}"))
            blocks.append(_two_columns(f"Activity {a.ref}: detail", _activity_rows(a)))
    return Document(title, tuple(blocks), f"{slug(plan.name)}-full", f"{plan.name} – full plan")


def _summary(plan: PlanContents) -> Document:
    title = f"{plan.name}: summary"
    blocks: list[Block] = [
        Heading(title, 1, "report-title"),
        para("Our ambition and the activity to deliver it", style="lead"),
    ]
    blocks.extend(_introduction(plan))
    groups = _by_outcome(plan)
    blocks.append(Heading("Our outcomes", 2, "outcomes"))
    blocks.append(
        BulletList(
            tuple(
                para(bold(_plan_outcome_heading(plan, n, t)), f": {len(acts)} activities")
                for n, (t, acts) in enumerate(groups, start=1)
            )
        )
    )
    if plan.themes:
        blocks.append(Heading("Shared themes", 2, "themes"))
        blocks.append(para("The short list drew out themes shared across the outcomes:"))
        blocks.append(BulletList(tuple(para(bold(t), f": {d}" if d else "") for t, d in plan.themes)))
    for n, (outcome, activities) in enumerate(groups, start=1):
        blocks.append(Heading(_plan_outcome_heading(plan, n, outcome), 2, f"outcome-{n}"))
        blocks.append(
            Table(
                f"{_plan_outcome_heading(plan, n, outcome)}: activities",
                ("No.", "Activity", "Headline", "Proposed governance route"),
                tuple(
                    (
                        a.ref,
                        a.title,
                        (a.submission.headline if a.submission else a.description) or "Not given",
                        (a.submission.governance_route if a.submission else "") or "Not given",
                    )
                    for a in activities
                ),
            )
        )
    return Document(title, tuple(blocks), f"{slug(plan.name)}-summary", f"{plan.name} – summary")
