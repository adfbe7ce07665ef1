"""The round's analysis report: a document in seed 000's layout (the Q2 2019/20 report KCC published).

Title, report version, introduction, contact details, overview, the summary tables per outcome, then sections
1 to 9 with the seed's paragraph numbers, and a last section listing the data-quality flags. The builder words
the figures the analysis engine (`councilplan.analysis.monitoring`) computed; it computes none itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import Figure, financial_year_name, parse_round_label, quarter_months
from councilplan.analysis.monitoring import (
    ENDED_WITHOUT_DECISION,
    FLAG_KINDS,
    NO_RESOLUTION_GIVEN,
    NOT_ON_TRACK_UNMITIGATED,
    ON_TRACK_REVISED_LATER,
    ON_TRACK_WITH_LATER_DATE,
    RoundAnalysis,
    definition_of,
)
from councilplan.analysis.report_extras import ReportExtras
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
from councilplan.documents.words import bold, commentary_blocks, join_words, para, pc, plural, slug
from councilplan.documents.words import long_date as long

from .sections import SECTION_NAMES

REPORT_TITLE = "Strategic Delivery Plan Monitoring – Analysis Report"
# The sections the corporate team writes commentary for, in report order.
COMMENTARY_SECTIONS = tuple(SECTION_NAMES)


@dataclass(frozen=True)
class ReportMeta:
    """What the report says about itself that is not in the returns."""

    organisation: str = ""
    report_version: str = ""
    opens_at: dt.date | None = None
    closes_at: dt.date | None = None
    published: bool = True
    outcome_number: int | None = None  # the tailored outcome's place in the plan (1-based)


# How the report says "n activities have this status", singular and plural (seed 000 §2.1's wording).
STATUS_PHRASES = {
    v.ON_TRACK: ("is on track", "are on track"),
    ON_TRACK_REVISED_LATER: (
        "is on track but with a revised date later than its original end date",
        "are on track but with a revised date later than their original end date",
    ),
    "remedial_action": ("requires remedial action", "require remedial action"),
    "unlikely": ("is unlikely to be achieved", "are unlikely to be achieved"),
    "not_started": ("has not formally started", "have not formally started"),
}


def status_phrase(code: str, count: int, label: str) -> str:
    """ "10 require remedial action", "1 requires remedial action"; an organisation's own status by its label."""
    one, many = STATUS_PHRASES.get(code, (f"reports ‘{label}’", f"report ‘{label}’"))
    return f"{count} {one if count == 1 else many}"


class _Report:
    """Builds the blocks of one round's report. Methods named after the seed's parts, in its order."""

    def __init__(self, analysis: RoundAnalysis, extras: ReportExtras, commentary: dict[str, str], meta: ReportMeta):
        self.a = analysis
        self.x = extras
        self.commentary = {k: t for k, t in commentary.items() if t and t.strip()}
        self.meta = meta
        self.blocks: list[Block] = []
        parsed = parse_round_label(analysis.round)
        self.quarter = f"Quarter {parsed.quarter}"  # "Quarter 2"
        self.months = quarter_months(analysis.round)  # "July – September 2019"
        self.year = financial_year_name(analysis.round)  # "2019/20"
        self.p = analysis.previous_quarter  # "Q1", or None in a plan's first round
        self.f = analysis.figures
        self.vocab = analysis.vocab

    # helpers

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def heading(self, text: str, level: int = 2) -> None:
        self.add(Heading(text, level, slug(text)))

    def vs(self, key: str) -> str:
        """ " (up from 7 in Q1)", or nothing in a plan's first round."""
        words = self.a.change(key)
        return f" ({words})" if words else ""

    def label(self, vocabulary: str, code: str) -> str:
        if vocabulary == v.DELIVERY_STATUS:
            return self.a.status_label(code)
        return self.vocab.label(vocabulary, code)

    def issues_text(self, codes: Iterable[str]) -> str:
        return "; ".join(self.label(v.ISSUE_THEME, c) for c in codes)

    def commentary_in_order(self) -> list[tuple[str, str]]:
        return [(section, self.commentary[section]) for section in COMMENTARY_SECTIONS if section in self.commentary]

    def commentary_or(self, section: str, fallback: Iterable[Block] = ()) -> None:
        text = self.commentary.get(section)
        if text:
            self.add(*commentary_blocks(text))
        else:
            self.add(*fallback)

    def no_commentary(self, what: str) -> Paragraph:
        return para(f"The corporate policy team has not added commentary on {what} for this round.", style="note")

    def previous_series(self, values: Sequence[int | float]) -> list[Series]:
        return [Series(self.p or "", tuple(values), "previous")] if self.p else []

    def chart(
        self,
        key: str,
        title: str,
        categories: Sequence[str],
        series: Sequence[Series],
        first_column: str,
        value_label: str = "Activities",
    ) -> Chart:
        header = (first_column, *(s.name for s in series))
        rows = tuple((c, *(s.values[i] for s in series)) for i, c in enumerate(categories))
        table = Table(
            f"Data for the chart: {title}",
            header,
            rows,
            numeric=frozenset(range(1, len(header))),
            sheet="Chart data",
            row_headers=True,
        )
        described = "; ".join(
            f"{c}: " + ", ".join(f"{s.values[i]} in {s.name}" for s in series) for i, c in enumerate(categories)
        )
        alt = f"Bar chart, {title}. {described}."
        return Chart(key, title, tuple(categories), tuple(series), alt, table, value_label)

    def figure_counts(self, keys: Sequence[str]) -> tuple[list[int], list[int] | None]:
        now = [self.f[k].count if k in self.f else 0 for k in keys]
        before = None
        if self.a.previous_figures is not None:
            before = [self.a.previous_figures[k].count if k in self.a.previous_figures else 0 for k in keys]
        return now, before

    def pair_series(self, keys: Sequence[str]) -> list[Series]:
        now, before = self.figure_counts(keys)
        series = self.previous_series(before) if before is not None else []
        return [*series, Series(self.a.round.split()[-1], tuple(now), "current")]

    @property
    def both_rounds(self) -> str:
        """ "Q1 and Q2", or "Q2" in a plan's first round."""
        return f"{self.p} and {self.this_quarter}" if self.p else self.this_quarter

    @property
    def this_quarter(self) -> str:
        return self.a.round.split()[-1]  # "Q2"

    # the parts, in the seed's order

    def title(self) -> None:
        self.add(Heading(REPORT_TITLE, 1, "report-title"))
        self.add(para(f"{self.quarter}: {self.months}", style="lead"))
        if self.a.outcome:
            number = f"Outcome {self.meta.outcome_number}: " if self.meta.outcome_number else ""
            self.add(para("Tailored version for ", bold(f"{number}{self.a.outcome}"), style="lead"))
        if self.meta.report_version:
            self.add(para(f"Report version: {self.meta.report_version}"))
        if not self.meta.published:
            self.add(para("Draft: this round's report has not been published.", style="note"))

    def introduction(self) -> None:
        self.heading("Introduction")
        n = self.f["responses"].of
        organisation = self.meta.organisation or "the Council"
        default = [
            para(
                "The Strategic Delivery Plan sets out, and seeks to drive delivery of, the most significant "
                "change activity for the Council."
            ),
            para(
                f"The Strategic Delivery Plan includes {n} pieces of significant activity identified by services "
                f"across the Council which align to the outcomes in {organisation}’s Strategic Statement. "
                "Corporate Directors are responsible for delivering the activity in the Strategic Delivery Plan "
                "and the Operating Plans within their Directorate."
            ),
            para(
                "The Strategic Delivery Plan monitoring arrangements aim to support the delivery of activity and "
                "the role of the Corporate Management Team (CMT) in providing a leadership role for management "
                "action to deliver activity effectively and at pace. This includes ensuring appropriate resources "
                "and capacity is available to support delivery and that proportionate corporate assurance and risk "
                "management arrangements are in place. Activity that has high risk, complexity and financial value "
                "within the Strategic Delivery Plan will also be considered by Corporate Board, providing "
                "collective ownership of organisational issues to identify constructive action and building "
                "momentum to deliver better outcomes."
            ),
            para(
                "Lead Officers, named within the Strategic Delivery Plan, are responsible for providing a "
                "quarterly update on progress through the Strategic Delivery Plan monitoring arrangements. "
                "Information collated focuses on exceptions where there are issues to successful delivery and "
                "will be utilised to build both individual activity information and whole council trends over time."
            ),
            para(
                f"This report presents an overview of monitoring information collated for {self.quarter} "
                f"({self.months.replace(' – ', ' to ')}) and detailed analysis. The analysis (based on the "
                f"{self.f['responses'].count} responses for {self.quarter} {self.year}) indicates the emerging "
                "issues for the Council’s significant activity. Individual activity scorecards are available as a "
                "background document (section 9)."
            ),
            para(
                "The report summarises key themes for Corporate Management Team and Corporate Board consideration, "
                "in order to:"
            ),
            BulletList(
                tuple(
                    para(text)
                    for text in (
                        "Understand the activities which have identified issues for successful delivery;",
                        "Consider what actions may be required to address issues (if appropriate);",
                        "Consider wider trends and address cross-activity implications (where required);",
                        "Consider trends from time series data;",
                        "Ensure appropriate and timely governance and assurance arrangements for activities.",
                    )
                )
            ),
        ]
        self.commentary_or("introduction", default)
        if self.commentary.get("contact"):
            self.heading("Contact details", 3)
            self.add(*commentary_blocks(self.commentary["contact"]))

    def overview(self) -> None:
        self.heading(f"Monitoring {self.quarter} ({self.months}) overview")
        f = self.f
        lines: list[Paragraph] = [
            para(f"{pc(f['responses'])} of activities submitted a response"),
            para(f"{pc(f['on_track'])} of activities are on track for successful delivery"),
        ]
        if self.a.late_on_track_rule:
            lines.append(
                para(
                    f"{pc(f[ON_TRACK_REVISED_LATER])} of activities report being on track but with a revised "
                    "date later than their original end date, so are not counted as on track"
                )
            )
        status_words = {
            "remedial_action": "require remedial action",
            "unlikely": "are unlikely to be achieved",
            "not_started": "have not formally started",
        }
        for code in self.vocab.codes(v.DELIVERY_STATUS):
            if code == v.ON_TRACK or code not in f:
                continue
            words = status_words.get(code, f"report ‘{self.label(v.DELIVERY_STATUS, code)}’")
            lines.append(para(f"{pc(f[code])} of activities {words}"))
        if f["due_this_year"].count:
            lines.append(
                para(
                    f"{pc(f['due_this_year_at_risk'])} of activities that are due to complete in {self.year} are "
                    "not on track or are on track but with a revised end date"
                )
            )
        not_on_track = f["not_on_track"].count
        if not_on_track:
            people = self.label(v.ACTIVITY_TYPE, "people_commissioning")
            lines.append(
                para(
                    f"{pc(f['people_commissioning_not_on_track'])} of activities not on track are ",
                    bold(people),
                    " type activities",
                )
            )
        lines.append(para(f"{pc(f['milestones_identified'])} of activities were able to identify key milestones"))
        if not_on_track:
            for code in self.top_themes():
                lines.append(
                    para(
                        f"{pc(f['issue_' + code])} of activities not on track have identified ",
                        bold(self.label(v.ISSUE_THEME, code)),
                        " issues",
                    )
                )
            lines.append(
                para(
                    f"{pc(f['mitigations'])} of activities with issues have mitigating actions or escalations in place"
                )
            )
        for group in ("informal_governance", "cabinet_committee"):
            key = f"expected_{group}"
            if key not in f:
                continue
            boards = self.boards_of(group)
            lines.append(
                para(
                    f"{pc(f[key])} of activities are expecting to report to ",
                    bold(self.label(v.BOARD_GROUP, group)),
                    f" ({', '.join(boards)})" if len(boards) > 1 else "",
                )
            )
        if not_on_track:
            for code in self.vocab.codes(v.RISK_REGISTER_LEVEL):
                lines.append(
                    para(
                        f"{pc(f['risk_' + code])} of activities not on track are recorded in ",
                        bold(f"{self.label(v.RISK_REGISTER_LEVEL, code)} risk registers"),
                    )
                )
        else:
            lines.append(
                para(
                    "No activity is reported as not on track, so there are no issue, mitigation or risk "
                    "register figures this round."
                )
            )
        self.add(*(Paragraph(line.runs, style="figure") for line in lines))
        self.commentary_or("overview")

    def top_themes(self) -> list[str]:
        """The seed's overview names the most common issue themes: the four most named (and any tied with the
        fourth), most named first, ties in the vocabulary's order."""
        themes = [c for c in self.vocab.codes(v.ISSUE_THEME) if self.f.get("issue_" + c, Figure(0, 0, None)).count]
        themes.sort(key=lambda c: -self.f["issue_" + c].count)
        if len(themes) <= 4:
            return themes
        fourth = self.f["issue_" + themes[3]].count
        return [c for c in themes if self.f["issue_" + c].count >= fourth]

    def boards_of(self, group: str) -> list[str]:
        return [t.label for t in self.vocab.terms.get(v.BOARD, ()) if t.group == group]

    def summary(self) -> None:
        self.heading(f"Monitoring {self.quarter} ({self.months}) summary")
        self.add(
            para(
                f"Each activity response for {self.quarter} {self.year} has been developed into a ‘scorecard’ "
                "providing an overview of the activity (section 9). Below is a summary for each activity. A tick in a "
                "board column means the activity reported to that board since the last round or expects to report "
                "to it this year."
            )
        )
        groups = self.a.board_groups
        header = ("Activity", "Delivery", "Milestones", *(self.label(v.BOARD_GROUP, g) for g in groups))
        ticks = frozenset(range(2, len(header)))
        for number, (outcome, rows) in enumerate(self.a.by_outcome(), start=1):
            heading = outcome if self.a.outcome else f"Outcome {number}: {outcome}"
            self.heading(heading, 3)
            totals = self.x.tick_totals.get(outcome)
            body = [
                (f"{r.ref}. {r.title}", self.a.status_label(r.status), r.milestones, *(r.groups[g] for g in groups))
                for r in rows
            ]
            if totals is not None:
                body.append(
                    (
                        f"Total: {plural(totals.activities, 'activity', 'activities')}",
                        "",
                        totals.milestones,
                        *(totals.groups[g] for g in groups),
                    )
                )
            self.add(
                Table(
                    f"Summary table: {outcome}",
                    header,
                    tuple(body),
                    ticks=ticks,
                    sheet="Summary",
                    total_row=totals is not None,
                )
            )
        if len(self.x.tick_totals) > 1:
            t = self.x.all_ticks
            self.add(
                Table(
                    "Summary: ticks for all activities",
                    ("Activities", "Milestones", *(self.label(v.BOARD_GROUP, g) for g in groups)),
                    ((t.activities, t.milestones, *(t.groups[g] for g in groups)),),
                    numeric=frozenset(range(2 + len(groups))),
                    sheet="Summary",
                )
            )

    def submissions(self) -> None:
        self.add(PageBreak())
        self.heading(f"Monitoring {self.quarter} ({self.months}) analysis")
        self.heading("1. Submissions", 3)
        if self.meta.opens_at and self.meta.closes_at:
            self.add(
                para(
                    f"The {self.quarter} {self.a.round.split()[0]} submission window opened on "
                    f"{long(self.meta.opens_at)} for Lead Officers to complete and submit their online form. "
                    f"The form closed on {long(self.meta.closes_at)}.",
                    number="1.1",
                )
            )
        responses = self.f["responses"]
        self.add(
            para(
                f"Overall, {responses.count} pieces of activity were submitted ({responses.percent}% of all "
                "Strategic Delivery Plan activities in monitoring"
                + (f"; {self.a.change('responses')}" if self.a.change("responses") else "")
                + ")."
                if responses.of
                else "No activities are in monitoring this round.",
                number="1.2",
            )
        )
        rating = self.a.form_rating
        if rating.average is not None:
            change = f", {self.x.rating_change}" if self.x.rating_change else ""
            self.add(
                para(
                    f"Lead Officers rated how easy the online form was to complete at {rating.average:.2f} stars "
                    f"out of 5 on average ({plural(rating.responses, 'rating', 'ratings')}){change}.",
                    number="1.3",
                )
            )
        self.commentary_or("submissions")

    def delivery(self) -> None:
        self.heading("2. Delivery", 3)
        f = self.f
        on_track = f["on_track"].count
        one, many = STATUS_PHRASES[v.ON_TRACK]
        parts = [f"{plural(on_track, 'activity', 'activities')} {one if on_track == 1 else many}{self.vs('on_track')}"]
        shown = [c for c in self.vocab.codes(v.DELIVERY_STATUS) if c != v.ON_TRACK and c in f]
        if self.a.late_on_track_rule:
            shown.insert(0, ON_TRACK_REVISED_LATER)
        for code in shown:
            parts.append(status_phrase(code, f[code].count, self.label(v.DELIVERY_STATUS, code)) + self.vs(code))
        self.add(
            para(
                "Lead Officers were asked whether their activity is on track to be delivered successfully (to time, "
                "budget and with the necessary approvals). This is based on whether the activity has breached "
                "tolerance levels in the professional judgement of the Lead Officer or as defined in activity "
                f"documentation. {join_words(parts)}.",
                number="2.1",
            )
        )
        statuses = [c for c in self.vocab.codes(v.DELIVERY_STATUS) if c in f]
        if self.a.late_on_track_rule:
            statuses.insert(1, ON_TRACK_REVISED_LATER)
        self.add(
            self.chart(
                "delivery",
                f"Delivery status, {self.both_rounds}",
                [self.label(v.DELIVERY_STATUS, c) for c in statuses],
                self.pair_series(statuses),
                "Delivery status",
            )
        )

        # 2.2 not on track
        p = self.p or "previous round"
        if self.a.not_on_track:
            self.add(para("Those that are not on track for successful delivery are:", number="2.2"))
            self.add(
                Table(
                    "Activities not on track for successful delivery",
                    (
                        "Activity",
                        f"Delivery {p}",
                        f"Delivery {self.this_quarter}",
                        "Emerging issues",
                        "Mitigating actions / escalations",
                    ),
                    tuple(
                        (
                            f"{r.ref}. {r.title}",
                            self.a.status_label(r.previous_status) if self.p else "",
                            self.a.status_label(r.status),
                            self.issues_text(r.issues),
                            r.mitigations,
                        )
                        for r in self.a.not_on_track
                    ),
                    ticks=frozenset({4}),
                    sheet="2.2 Not on track",
                )
            )
        else:
            self.add(para("No activity is reported as not on track for successful delivery.", number="2.2"))

        # 2.3 status changes
        if self.p:
            changes = self.a.status_changes
            if changes:
                by = self.x.status_changes_by_direction
                unresolved = self.x.flags_by_kind.get(NO_RESOLUTION_GIVEN, 0)
                sentence = (
                    f"{plural(len(changes), 'activity has', 'activities have')} changed status since {p}: "
                    f"{by.get('improved', 0)} improved, {by.get('worsened', 0)} worsened"
                    + (f" and {by['changed']} changed to or from not started" if by.get("changed") else "")
                    + ", as set out in the table below."
                )
                if unresolved:
                    sentence += (
                        f" {plural(unresolved, 'activity', 'activities')} that improved did not say in the "
                        f"{self.this_quarter} return how the issues identified in {p} were resolved."
                    )
                self.add(para(sentence, number="2.3"))
                self.add(
                    Table(
                        f"Activities whose status changed since {p}",
                        ("Activity", f"{p} status and issues", f"{self.this_quarter} status", "Reason for change"),
                        tuple(
                            (
                                f"{r.ref}. {r.title}",
                                self.a.status_label(r.previous_status)
                                + (f" ({self.issues_text(r.previous_issues)})" if r.previous_issues else ""),
                                self.a.status_label(r.status),
                                r.reason,
                            )
                            for r in changes
                        ),
                        sheet="2.3 Status changes",
                    )
                )
            else:
                self.add(para(f"No activity changed status since {p}.", number="2.3"))

        # 2.4 due this year
        due = self.x.due_this_year
        if due.total:
            counts = [
                status_phrase(code, n, self.label(v.DELIVERY_STATUS, code))
                + (" for successful delivery" if code == v.ON_TRACK else "")
                for code, n in due.by_status.items()
                if n
            ]
            self.add(
                para(
                    f"Based on the end dates provided in the Strategic Delivery Plan, "
                    f"{plural(due.total, 'activity is', 'activities are')} due "
                    f"to complete in {self.year}{self.vs('due_this_year')}. Of these activities {join_words(counts)}. "
                    f"Of these {plural(due.total, 'activity', 'activities')}, "
                    f"{plural(due.revised_end_date, 'has provided a new end date', 'have provided new end dates')}, "
                    f"{due.revised_end_date_on_track} of which still reported to be ‘On Track’. In all, "
                    f"{pc(f['due_this_year_at_risk'])} are not on track or are on track but with a revised end date"
                    f"{self.vs('due_this_year_at_risk')}.",
                    number="2.4",
                )
            )
        else:
            self.add(para(f"No activity is due to complete in {self.year}.", number="2.4"))

        self.commentary_or("delivery")

        # 2.7 ended
        if self.a.ended:
            self.add(
                para(
                    f"{plural(len(self.a.ended), 'response', 'responses')} in {self.this_quarter} reported that "
                    "the activity has completed, stopped or become business as usual. These were:",
                    number="2.7",
                )
            )
            self.add(
                Table(
                    "Activities reported completed, stopped or business as usual",
                    ("Activity", "Completed, stopped or BAU", "Reason for ending SDP activity", "Stays in monitoring"),
                    tuple(
                        (
                            f"{r.ref}. {r.title}",
                            self.label(v.PROJECT_STATUS, r.project_status),
                            r.reason,
                            {True: "Yes: CMT agreed it remains", False: "No: leaves after this round"}.get(
                                r.remain_in_monitoring, "No decision recorded: leaves after this round"
                            ),
                        )
                        for r in self.a.ended
                    ),
                    sheet="2.7 Completed stopped BAU",
                )
            )

    def milestones(self) -> None:
        self.heading("3. Milestones", 3)
        f = self.f
        m = f["milestones_identified"]
        self.add(
            para(
                f"{m.count} of the {plural(m.of, 'activity', 'activities')} reported key milestones"
                f"{self.vs('milestones_identified')}.",
                number="3.1",
            ),
            para(f"{pc(m)} of activities were able to identify key milestones", style="figure"),
        )
        types = [c for c in self.vocab.codes(v.MILESTONE_TYPE) if f"milestone_{c}" in f]
        named = [c for c in types if c != "other"]
        pieces = [
            f"{f['milestone_' + c].count} for ‘{self.label(v.MILESTONE_TYPE, c).strip(chr(39))}’"
            f"{self.vs('milestone_' + c)}"
            for c in named
        ]
        if pieces:
            self.add(
                para(
                    f"From the {len(named)} options provided, activities were able to identify milestones as "
                    f"follows: {join_words(pieces)}.",
                    number="3.2",
                )
            )
        if "other" in types:
            self.add(
                para(
                    f"{plural(f['milestone_other'].count, 'activity', 'activities')} identified ‘other’ milestones"
                    f"{self.vs('milestone_other')}.",
                    number="3.3",
                )
            )
        self.add(
            self.chart(
                "milestones",
                f"Milestones identified by type, {self.both_rounds}",
                [self.label(v.MILESTONE_TYPE, c) for c in types],
                self.pair_series([f"milestone_{c}" for c in types]),
                "Milestone",
            )
        )
        self.commentary_or("milestones")
        changes = self.a.end_date_changes
        if changes:
            self.add(
                para(
                    f"{plural(len(changes), 'activity has', 'activities have')} revised their end dates or ‘Go Live’ "
                    f"dates from their original SDP end date{self.vs('end_date_changes')}. These were:",
                    number="3.5",
                )
            )
            self.add(
                Table(
                    "Activities with a revised end date or ‘Go Live’ date",
                    ("Activity", "Status", "Original SDP end date", "New end date", "New ‘Go Live’ date"),
                    tuple(
                        (
                            f"{r.ref}. {r.title}",
                            self.a.status_label(r.status),
                            r.original_end_date,
                            r.new_end_date,
                            r.new_go_live_date,
                        )
                        for r in changes
                    ),
                    sheet="3.5 End-date changes",
                )
            )
        else:
            self.add(para("No activity revised its end date or ‘Go Live’ date.", number="3.5"))

    def issues(self) -> None:
        self.heading("4. Issues", 3)
        f = self.f
        themes = self.vocab.codes(v.ISSUE_THEME)
        self.add(
            para(
                "Where activities are not on track for successful delivery, Lead Officers were asked to identify the "
                f"issues impacting on their activity. {len(themes)} options, based around Delivery Environment "
                "Complexity Analytic (DECA) themes, were provided with multiple responses allowed and an ‘other’ "
                "option where free text could be provided if required. Lead Officers were also asked to provide "
                "further detail explaining the issues, when and why they had occurred and what impact they will have "
                "on successful delivery.",
                number="4.1",
            )
        )
        not_on_track = f["not_on_track"].count
        if not not_on_track:
            self.add(para("No activity is reported as not on track, so no issues were identified.", number="4.2"))
            self.commentary_or("issues")
            return
        ranked = sorted((c for c in themes if f"issue_{c}" in f), key=lambda c: -f["issue_" + c].count)
        listed = [
            f"{self.label(v.ISSUE_THEME, c)} {f['issue_' + c].count}{self.vs('issue_' + c)}"
            for c in ranked
            if f["issue_" + c].count
        ]
        self.add(
            para(
                f"Of the {plural(not_on_track, 'activity which is', 'activities which are')} not on track (either "
                "‘requires remedial action’ or ‘is "
                f"unlikely to be achieved’), the issues identified were: {join_words(listed)}. The chart below shows "
                f"the identified issues for {self.p + ' (blue) and ' if self.p else ''}{self.this_quarter}"
                f"{' (red)' if self.p else ''}.",
                number="4.2",
            )
        )
        shown = [c for c in themes if f"issue_{c}" in f]
        self.add(
            self.chart(
                "issues",
                f"Issues identified by activities not on track, {self.both_rounds}",
                [self.label(v.ISSUE_THEME, c) for c in shown],
                self.pair_series([f"issue_{c}" for c in shown]),
                "Issue theme",
            )
        )
        self.add(para("Key emerging issues:", number="4.3"))
        details = [
            Paragraph((bold(f"{r.ref}. {r.title}"), Run(" – " + r.issue_detail.strip())))
            for r in self.a.not_on_track
            if r.issue_detail.strip()
        ]
        fallback: list[Block] = [para("The issues as Lead Officers described them:", style="note")]
        if details:
            fallback.append(BulletList(tuple(details)))
        self.commentary_or("issues", fallback if details else [self.no_commentary("the key emerging issues")])

        dist = self.a.issue_count_distribution
        multiple = f["multiple_issues"]
        breakdown = join_words([f"{n} identified {plural(int(k), 'issue', 'issues')}" for k, n in dist.items()])
        self.add(
            para(
                "The level of complexity of activities is highlighted by the fact that "
                f"{plural(multiple.count, 'activity', 'activities')} "
                f"identified more than one emerging issue{self.vs('multiple_issues')}. Of the "
                f"{plural(not_on_track, 'activity which', 'activities which')} identified issues, {breakdown}.",
                number="4.4",
            )
        )
        previous = self.a.previous_issue_count_distribution or {}
        counts = self.x.issue_counts
        series = self.previous_series([previous.get(k, 0) for k in counts]) if self.p else []
        series.append(Series(self.this_quarter, tuple(dist.get(k, 0) for k in counts), "current"))
        self.add(
            self.chart(
                "issue-counts",
                "Activities not on track by the number of issues they reported",
                [plural(int(k), "issue", "issues") for k in counts],
                series,
                "Number of issues",
            )
        )

    def mitigations(self) -> None:
        self.heading("5. Mitigating Actions or Escalations", 3)
        f = self.f
        if not f["not_on_track"].count:
            self.add(para("No activity is reported as not on track, so none needed mitigating actions.", number="5.1"))
            self.commentary_or("mitigations")
            return
        self.add(
            para(
                f"Of the {plural(f['not_on_track'].count, 'activity which is', 'activities which are')} not on track "
                "for successful delivery, "
                f"{plural(f['mitigations'].count, 'has', 'have')} identified mitigating actions or escalations"
                f"{self.vs('mitigations')}.",
                number="5.1",
            ),
            para("Key themes from mitigating actions or escalations:", number="5.2"),
        )
        details = [
            Paragraph((bold(f"{r.ref}. {r.title}"), Run(" – " + r.mitigation_detail.strip())))
            for r in self.a.not_on_track
            if r.mitigations and r.mitigation_detail.strip()
        ]
        fallback: list[Block] = [para("The mitigating actions as Lead Officers described them:", style="note")]
        if details:
            fallback.append(BulletList(tuple(details)))
        self.commentary_or("mitigations", fallback if details else [self.no_commentary("mitigating actions")])
        without = self.x.without_mitigations
        if without:
            self.add(
                para(
                    f"The {plural(len(without), 'activity', 'activities')} which did not identify mitigating actions "
                    f"or escalations {'is' if len(without) == 1 else 'are'}:",
                    number="5.3",
                ),
                BulletList(
                    tuple(
                        Paragraph(
                            (bold(f"{r.ref}: {r.title}."),)
                            + ((Run(" " + r.issue_detail.strip()),) if r.issue_detail.strip() else ())
                        )
                        for r in without
                    )
                ),
            )

    def governance(self) -> None:
        self.heading("6. Governance", 3)
        f = self.f
        groups = [g for g in self.a.board_groups if f"reported_{g}" in f]
        n = f["responses"].count
        since = f"since {self.p}" if self.p else "this round"
        reported = [
            f"{plural(f['reported_' + g].count, 'has', 'have')} reported to {self.group_words(g)}" for g in groups
        ]
        self.add(
            para(
                f"Lead Officers were asked to identify if they had reported on their piece of activity to a number "
                f"of boards during {self.quarter}. Of the {plural(n, 'activity that', 'activities that')} responded, "
                f"{join_words(reported)}.",
                number="6.1",
            ),
            Table(
                f"Governance (reporting {since})",
                ("Board", "Activities"),
                tuple((self.label(v.BOARD_GROUP, g), f["reported_" + g].count) for g in groups),
                numeric=frozenset({1}),
                sheet="6 Governance",
                row_headers=True,
            ),
        )
        expected = [
            f"{f['expected_' + g].count} to {self.label(v.BOARD_GROUP, g)}{self.vs('expected_' + g)}" for g in groups
        ]
        self.add(
            para(
                "Lead Officers were also asked if they were intending to report on their piece of activity during the "
                f"rest of the monitoring year ({self.year}). Responses indicated that they expected to report "
                f"{join_words(expected)}. "
                f"{plural(f['expected_none'].count, 'activity is', 'activities are')} not expecting to report to any "
                f"of the boards in {self.year}{self.vs('expected_none')}.",
                number="6.2",
            ),
            Table(
                f"Governance (expected reporting in {self.year})",
                ("Board", "Activities"),
                (
                    *((self.label(v.BOARD_GROUP, g), f["expected_" + g].count) for g in groups),
                    ("None of the boards", f["expected_none"].count),
                ),
                numeric=frozenset({1}),
                sheet="6 Governance",
                row_headers=True,
            ),
        )
        self.add(
            self.chart(
                "governance",
                f"Governance: reported {since} and expected in {self.year}",
                [self.label(v.BOARD_GROUP, g) for g in groups],
                [
                    Series(f"Reported {since}", tuple(f["reported_" + g].count for g in groups), "other"),
                    Series(f"Expected in {self.year}", tuple(f["expected_" + g].count for g in groups), "current"),
                ],
                "Board",
            )
        )
        plan = f["forward_plan_scheduled"]
        if plan.of:
            self.add(
                para(
                    f"Of those {plural(plan.of, 'activity which expects', 'activities which expect')} to report to an "
                    f"informal governance board in {self.year}, {plan.count} ({plan.percent}%) "
                    f"{'has' if plan.count == 1 else 'have'} a scheduled item on the informal governance "
                    "forward plan.",
                    number="6.3",
                )
            )
        self.commentary_or("governance")

    def group_words(self, group: str) -> str:
        boards = self.boards_of(group)
        label = self.label(v.BOARD_GROUP, group)
        return f"{label} ({', '.join(boards)})" if len(boards) > 1 else label

    def oversight(self) -> None:
        self.heading("7. Additional Oversight and Assurance", 3)
        self.commentary_or("oversight", [self.no_commentary("additional oversight and assurance")])

    def risk(self) -> None:
        self.heading("8. Risk", 3)
        f = self.f
        n = f["not_on_track"].count
        if not n:
            self.add(
                para("No activity is reported as not on track, so none was asked about risk registers.", number="8.1")
            )
            self.commentary_or("risk")
            return
        levels = [c for c in self.vocab.codes(v.RISK_REGISTER_LEVEL) if f"risk_{c}" in f]
        self.add(
            para(
                "Where activities identified issues to successful delivery, those Lead Officers were asked whether "
                f"their issues are currently recorded on a risk register. {f['risk_recorded'].count} of the "
                f"{plural(n, 'activity with issues does', 'activities with issues do')} have risks recorded within a "
                f"risk register{self.vs('risk_recorded')}.",
                number="8.1",
            ),
            para(
                "By level: "
                + join_words(
                    [
                        f"{f['risk_' + c].count} recorded the issues in {self.label(v.RISK_REGISTER_LEVEL, c).lower()} "
                        f"risk registers{self.vs('risk_' + c)}"
                        for c in levels
                    ]
                )
                + ".",
                number="8.2",
            ),
            self.chart(
                "risk",
                f"Risk registers recording the issues, {self.both_rounds}",
                [self.label(v.RISK_REGISTER_LEVEL, c) for c in levels],
                self.pair_series([f"risk_{c}" for c in levels]),
                "Risk register",
            ),
        )
        without = self.x.without_risk_register
        if without:
            names = join_words([f"no. {r.ref}: {r.title}" for r in without])
            self.add(
                para(
                    f"{plural(len(without), 'activity which requires', 'activities which require')} remedial action "
                    f"or {'is' if len(without) == 1 else 'are'} unlikely to be achieved "
                    f"{'is' if len(without) == 1 else 'are'} not recorded within risk registers: {names}.",
                    number="8.3",
                )
            )
        self.commentary_or("risk")

    def scorecards(self) -> None:
        self.heading("9. Activity Scorecards", 3)
        self.add(
            para(
                f"Each activity response for {self.quarter} {self.year} has been developed into a ‘scorecard’ "
                "providing an overview of the activity: its details, its status in every round so far, milestones, "
                "issues, mitigating actions, governance and progress. They are published with this report as a "
                "separate document."
            )
        )
        self.commentary_or("scorecards")

    def data_quality(self) -> None:
        self.add(PageBreak())
        self.heading("Data quality: returns to check")
        flags = self.a.data_quality
        rule = (
            "The late-on-track rule is on: an activity reported on track whose revised date is later than its "
            "original end date is counted separately, not as on track."
            if self.a.late_on_track_rule
            else "The late-on-track rule is off: such activities are counted as on track, as the returns say."
        )
        self.add(
            para(
                "These checks are made automatically on every return. Each one is something the corporate policy "
                "team may want to ask the Lead Officer about before the report is published. " + rule
            )
        )
        if not flags:
            self.add(para("No return needs checking.", style="note"))
            return
        names = {
            NO_RESOLUTION_GIVEN: "Improved without saying how the earlier issues were resolved",
            ON_TRACK_WITH_LATER_DATE: "On track with a revised date later than the original end date",
            ENDED_WITHOUT_DECISION: "Ended with no decision on whether it stays in monitoring",
            NOT_ON_TRACK_UNMITIGATED: "Not on track with no mitigations and no risk register",
        }
        counts = self.x.flags_by_kind
        self.add(
            Table(
                "Data-quality checks by kind",
                ("Check", "Returns"),
                tuple((names.get(k, k), counts[k]) for k in FLAG_KINDS if counts.get(k)),
                numeric=frozenset({1}),
                sheet="Data quality",
                row_headers=True,
            ),
            Table(
                "Returns to check",
                ("Activity", "Check", "What was found"),
                tuple((f"{fl.ref}. {fl.title}", names.get(fl.kind, fl.kind), fl.message) for fl in flags),
                sheet="Data quality",
            ),
        )


def report_file_stem(analysis: RoundAnalysis, what: str = "report") -> str:
    stem = f"sdp-monitoring-{what}-{analysis.round.replace(' ', '-')}"
    if analysis.outcome:
        stem += "-" + slug(analysis.outcome)[:40]
    return stem


def build_round_report(
    analysis: RoundAnalysis,
    extras: ReportExtras,
    commentary: dict[str, str] | None = None,
    meta: ReportMeta | None = None,
) -> Document:
    """The analysis report of one round (or its tailored version, when `analysis` is for one outcome)."""
    report = _Report(analysis, extras, commentary or {}, meta or ReportMeta())
    for part in (
        report.title,
        report.introduction,
        report.overview,
        report.summary,
        report.submissions,
        report.delivery,
        report.milestones,
        report.issues,
        report.mitigations,
        report.governance,
        report.oversight,
        report.risk,
        report.scorecards,
        report.data_quality,
    ):
        part()
    subject = f"{analysis.plan} – {analysis.round}" + (
        f" – {meta.report_version}" if meta and meta.report_version else ""
    )
    return Document(
        REPORT_TITLE,
        tuple(report.blocks),
        report_file_stem(analysis),
        subject,
        commentary=tuple((SECTION_NAMES.get(section, section), text) for section, text in report.commentary_in_order()),
        workbook_first=(about_table(analysis), figures_table(analysis)),
    )


def overview_blocks(
    analysis: RoundAnalysis,
    extras: ReportExtras,
    commentary: dict[str, str] | None = None,
    meta: ReportMeta | None = None,
) -> list[Block]:
    """The report's overview alone (its heading, headline figures and commentary): the quarterly pack's summary."""
    report = _Report(analysis, extras, commentary or {}, meta or ReportMeta())
    report.overview()
    return report.blocks


def about_table(analysis: RoundAnalysis) -> Table:
    """The workbook's "Report" sheet: what the workbook is."""
    rating, before = analysis.form_rating, analysis.previous_form_rating
    rows: list[tuple] = [
        ("Report", REPORT_TITLE),
        ("Plan", analysis.plan),
        ("Round", analysis.round),
        ("Previous round", analysis.previous_round or "None"),
        ("Tailored for outcome", analysis.outcome or "No: the full report"),
        ("Late-on-track rule", "On" if analysis.late_on_track_rule else "Off"),
        ("Average form rating", rating.average),
        ("Form ratings given", rating.responses),
        ("Previous average form rating", before.average if before else None),
        ("Previous form ratings given", before.responses if before else None),
        (),
        ("The Figures sheet has every figure; the other sheets are the report's tables.",),
    ]
    return Table("Report", (), tuple(rows), sheet="Report", row_headers=True)


def figures_table(analysis: RoundAnalysis) -> Table:
    """The workbook's "Figures" sheet: every figure of the analysis with what it counts (the engine's registry),
    this round and the previous one."""
    previous = analysis.previous_figures or {}
    statuses = analysis.vocab.codes(v.DELIVERY_STATUS)
    rows = []
    for key, figure in analysis.figures.items():
        before = previous.get(key)
        definition = definition_of(key, statuses)
        rows.append(
            (
                key,
                f"{definition.counts}, out of {definition.out_of.replace('_', ' ')}" if definition else "",
                figure.count,
                figure.of,
                figure.percent,
                before.count if before else None,
                before.of if before else None,
                before.percent if before else None,
            )
        )
    header = (
        "Figure",
        "What it counts",
        "Count",
        "Out of",
        "Percent",
        "Previous round's count",
        "Previous round's out of",
        "Previous round's percent",
    )
    return Table("Figures", header, tuple(rows), numeric=frozenset(range(2, 8)), sheet="Figures")
