"""The policy register's documents, in the one document model: the register update to committee (the stock-take
at a date: counts by section and status, close-downs agreed, entries past their review date, planned
close-downs overdue, forthcoming documents), the close-down paper (the seed's Table 1, Table 2 and the list
under review), and an entry's one-page front sheet. Words only: every figure comes from
`councilplan.analysis.policies`.

What the caller passes is already what the reader may see (the selectors leave exempt entries out for people not
cleared), so nothing exempt reaches a document made for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from councilplan.analysis import policies as rules
from councilplan.documents import formats
from councilplan.documents.model import BulletList, Chart, Document, Heading, Paragraph, Run, Series, Table
from councilplan.documents.words import long_date, para, plural

from .selectors import PolicyRecord

FORMATS = formats.ALL


@dataclass(frozen=True)
class RegisterAt:
    """The register as it stood on `on`: the stock-take, each entry's status then, and the entries."""

    on: dt.date
    stock: rules.StockTake
    status: dict[int, rules.Change]
    records: list[PolicyRecord]
    lead_days: int = rules.DEFAULT_REVIEW_LEAD_DAYS

    def with_status(self, *statuses: str, timing: str = "") -> list[PolicyRecord]:
        found = []
        for r in self.records:
            change = self.status.get(r.number)
            if change is None or change.status not in statuses:
                continue
            if timing and change.timing != timing:
                continue
            found.append(r)
        return found

    def dates(self) -> list[rules.Dates]:
        """Each entry's dates with its status on the date."""
        return [
            rules.Dates(
                r.number,
                self.status[r.number].status,
                r.review_date,
                r.end_date,
                r.expected_close_by,
                self.status[r.number].timing,
            )
            for r in self.records
            if r.number in self.status
        ]


def _bullets(items) -> BulletList:
    return BulletList(tuple(Paragraph((Run(item),)) for item in items))


def _entry(r: PolicyRecord) -> str:
    return f"{r.number}. {r.title}"


def _expected(r: PolicyRecord) -> str:
    return r.expected_close or (long_date(r.expected_close_by) if r.expected_close_by else "not recorded")


def _numbers(items: list[PolicyRecord]) -> list[int]:
    return [r.number for r in items]


# --- the register update (the stock-take at a date) -------------------------------------------------------


def _section_table(stock: rules.StockTake) -> Table:
    rows = []
    for s in [*stock.sections, stock.total]:
        entries = f"{s.first}-{s.last}" if s.first is not None else ""
        rows.append(
            (
                s.section,
                entries,
                s.in_scope,
                s.immediate,
                s.planned,
                s.under_review,
                s.remaining,
                s.closed,
                s.forthcoming,
            )
        )
    return Table(
        "Entries by section and status",
        (
            "Section",
            "Entries",
            "On the register",
            "Close immediately",
            "Close when replaced",
            "Under review",
            "Remaining",
            "Closed",
            "Forthcoming",
        ),
        tuple(rows),
        numeric=frozenset(range(2, 9)),
        row_headers=True,
        total_row=True,
        sheet="By section",
    )


def _section_chart(stock: rules.StockTake) -> Chart:
    names = tuple(s.section for s in stock.sections)
    series = (
        Series("Agreed for close-down", tuple(s.close_agreed for s in stock.sections), "current"),
        Series("Under review", tuple(s.under_review for s in stock.sections), "previous"),
        Series("Active", tuple(s.active for s in stock.sections), "other"),
    )
    table = Table(
        "Entries by section: agreed for close-down, under review, active",
        ("Section", "Agreed for close-down", "Under review", "Active"),
        tuple((s.section, s.close_agreed, s.under_review, s.active) for s in stock.sections),
        numeric=frozenset({1, 2, 3}),
        row_headers=True,
        sheet="Chart data",
    )
    alt = "Bar chart of the register's entries in each section: " + "; ".join(
        f"{s.section}, {s.close_agreed} agreed for close-down, {s.under_review} under review, {s.active} active"
        for s in stock.sections
    )
    return Chart("policy-sections", "Entries by section and status", names, series, alt, table, "Entries")


def register_figures(at: RegisterAt) -> dict:
    figures = at.stock.figures()
    flags = rules.review_flags(at.dates(), at.on, at.lead_days)
    figures["past_review"] = sum(1 for f in flags if f.overdue)
    figures["lapsed_close_downs"] = len(rules.lapsed_close_downs(at.dates(), at.on))
    return figures


def register_document(at: RegisterAt, *, since: dt.date | None = None) -> Document:
    """The register update to the committee at `at.on` (the six-monthly update the paper proposed). `since`: the
    last update, to list the close-downs agreed after it."""
    stock = at.stock
    figures = register_figures(at)
    immediate = at.with_status(rules.CLOSE_AGREED, timing=rules.IMMEDIATE)
    planned = at.with_status(rules.CLOSE_AGREED, timing=rules.PLANNED)
    under_review = at.with_status(rules.UNDER_REVIEW)
    forthcoming = at.with_status(rules.FORTHCOMING)
    closed = at.with_status(rules.CLOSED)
    by_number = {r.number: r for r in at.records}
    flags = rules.review_flags(at.dates(), at.on, at.lead_days)
    overdue = [f for f in flags if f.overdue]
    lapsed = rules.lapsed_close_downs(at.dates(), at.on)
    agreed = [r for r in [*immediate, *planned] if since is None or at.status[r.number].on > since]
    blocks: list = [
        Heading(f"Strategy and Policy Register at {long_date(at.on)}", 1),
        para(
            f"{plural(figures['in_scope'], 'document is', 'documents are')} on the register. ",
            f"{figures['close_agreed']} are agreed for close-down ({figures['close_immediate']} immediately, "
            f"{figures['close_planned']} when their replacement is published); ",
            f"{figures['under_review']} are under or due for review; ",
            f"{figures['remaining']} remain after the close-downs ({figures['remaining_active']} active, "
            f"{figures['remaining_under_review']} under review). ",
            plural(
                figures["forthcoming"],
                "potential or forthcoming document has",
                "potential or forthcoming documents have",
            ),
            f" been identified ({figures['forthcoming_replacement']} replacements, {figures['forthcoming_new']} new).",
            style="lead",
        ),
        Heading("By section and status", 2),
        _section_table(stock),
        _section_chart(stock),
        Heading("Close-downs agreed" + (f" since {long_date(since)}" if since else ""), 2),
    ]
    if agreed:
        blocks.append(
            Table(
                "Close-downs agreed",
                ("Entry", "Section", "When it closes", "Reason", "Replacement", "Agreed"),
                tuple(
                    (
                        _entry(r),
                        r.section,
                        r.timing_label + (f" (expected {r.expected_close})" if r.expected_close else ""),
                        r.close_note or r.reason_label,
                        r.replacement_text,
                        at.status[r.number].on,
                    )
                    for r in agreed
                ),
                sheet="Close-downs agreed",
            )
        )
    else:
        blocks.append(para("None.", style="note"))
    blocks.append(Heading("Past their review date", 2))
    if overdue:
        blocks.append(
            Table(
                "Entries past their review or end date",
                ("Entry", "Section", "Date passed", "Which date", "Accountable officer"),
                tuple(
                    (
                        _entry(by_number[f.number]),
                        by_number[f.number].section,
                        f.due,
                        f.which,
                        by_number[f.number].accountable_officer or "Not named",
                    )
                    for f in overdue
                ),
                sheet="Past review",
            )
        )
    else:
        blocks.append(para("None.", style="note"))
    blocks.append(Heading("Planned close-downs past their expected date", 2))
    if lapsed:
        blocks.append(_bullets(f"{_entry(by_number[n])}: expected {_expected(by_number[n])}" for n in lapsed))
    else:
        blocks.append(para("None.", style="note"))
    blocks.append(Heading("Forthcoming documents", 2))
    if forthcoming:
        blocks.append(
            Table(
                "Forthcoming documents",
                ("Document", "Section", "Kind", "Replaces"),
                tuple(
                    (
                        r.title,
                        r.section,
                        r.forthcoming_label,
                        "; ".join(f"{x.number}. {x.title}" for x in r.replaces),
                    )
                    for r in forthcoming
                ),
                sheet="Forthcoming",
            )
        )
    else:
        blocks.append(para("None.", style="note"))
    data = {
        "date": at.on.isoformat(),
        "figures": figures,
        "sections": [
            {
                "section": s.section,
                "entries": [s.first, s.last] if s.first is not None else [],
                "in_scope": s.in_scope,
                "close_immediate": s.immediate,
                "close_planned": s.planned,
                "under_review": s.under_review,
                "remaining": s.remaining,
                "remaining_active": s.active,
                "closed": s.closed,
                "forthcoming": s.forthcoming,
                "immediate_entries": [r.number for r in immediate if r.section == s.section],
                "planned_entries": [r.number for r in planned if r.section == s.section],
                "under_review_entries": [r.number for r in under_review if r.section == s.section],
            }
            for s in stock.sections
        ],
        "close_downs": [_close_down_data(r, at) for r in [*immediate, *planned]],
        "past_review": [{"number": f.number, "date": f.due.isoformat(), "which": f.which} for f in overdue],
        "lapsed_close_downs": lapsed,
        "closed": _numbers(closed),
        "forthcoming": [
            {
                "number": r.number,
                "title": r.title,
                "kind": r.forthcoming_kind,
                "replaces": [x.number for x in r.replaces],
            }
            for r in forthcoming
        ],
    }
    return Document(
        title=f"Strategy and Policy Register at {long_date(at.on)}",
        blocks=tuple(blocks),
        file_stem=f"policy-register-{at.on.isoformat()}",
        subject="Strategy and Policy Register: stock-take by section and status",
        workbook_first=(_figures_table(figures),),
        data=data,
    )


def _figures_table(figures: dict) -> Table:
    return Table(
        "Figures",
        ("Figure", "Value", "Definition"),
        tuple((key, value, getattr(rules.definition_of(key), "definition", "")) for key, value in figures.items()),
        numeric=frozenset({1}),
        sheet="Figures",
    )


def _close_down_data(r: PolicyRecord, at: RegisterAt) -> dict:
    return {
        "number": r.number,
        "title": r.title,
        "section": r.section,
        "timing": r.close_timing,
        "reason": r.close_reason,
        "note": r.close_note,
        "replaced_by": r.replaced_by.number if r.replaced_by else None,
        "replacement": r.replacement_text,
        "expected": r.expected_close,
        "agreed_on": at.status[r.number].on.isoformat(),
    }


# --- the close-down paper ---------------------------------------------------------------------------------


def closedown_document(at: RegisterAt, *, meeting: str = "Policy and Resources Cabinet Committee") -> Document:
    """The paper asking the committee to endorse the close-downs agreed: Table 1 (close down immediately),
    Table 2 (close down when replaced) and, for information, the entries under or due for review."""
    immediate = at.with_status(rules.CLOSE_AGREED, timing=rules.IMMEDIATE)
    planned = at.with_status(rules.CLOSE_AGREED, timing=rules.PLANNED)
    under_review = at.with_status(rules.UNDER_REVIEW)
    title = "Policy Framework – Strategies and policies for close down"
    blocks: list = [
        Heading(title, 1),
        para(f"To: {meeting}, {long_date(at.on)}", style="lead"),
        para(
            "The strategies and policies below have been agreed for close down by Cabinet Members. ",
            Run(f"{meeting} is asked to endorse them", bold=True),
            " (Tables 1 and 2). ",
            f"Table 1 holds {plural(len(immediate), 'document', 'documents')} to close down immediately; Table 2 "
            f"holds {plural(len(planned), 'document', 'documents')} to close down when their replacement is "
            "published.",
        ),
        Heading("Table 1: Strategies and policies for close down immediately", 2),
        Table(
            "Table 1: Strategies and policies for close down immediately",
            ("No.", "Name", "Reason for close down"),
            tuple((r.number, r.title, r.close_note or r.reason_label) for r in immediate),
            numeric=frozenset({0}),
            sheet="Table 1",
        ),
        Heading("Table 2: Strategies and policies for close down when replaced", 2),
        Table(
            "Table 2: Strategies and policies for close down when replaced",
            ("No.", "Name", "Reason for close down", "Expected"),
            tuple(
                (r.number, r.title, r.close_note or f"Will be replaced by {r.replacement_text}", r.expected_close)
                for r in planned
            ),
            numeric=frozenset({0}),
            sheet="Table 2",
        ),
        Heading("Under review or due for review", 2),
        para(
            f"A further {plural(len(under_review), 'strategy or policy is', 'strategies and policies are')} under "
            "review or due for review shortly, which might result in the document being proposed for close down "
            "at a later date. Listed for information:"
        ),
        _bullets(_entry(r) for r in under_review) if under_review else para("None.", style="note"),
        Heading("Recommendations", 2),
        para(f"{meeting} is asked to:"),
        _bullets(
            (
                "(1) Endorse the strategies and policies that have been agreed for close down as set out in Tables "
                "1 and 2;",
                "(2) Agree how frequently the Committee will receive an update on the Strategy and Policy Register, "
                "with a suggested initial frequency of six months.",
            )
        ),
        Heading("Next steps", 2),
        para(
            "The strategies and policies agreed for close down will be removed from KNet, Kent.gov and any other "
            "websites they are on, with archived versions kept by SPRCA for future reference."
        ),
    ]
    data = {
        "date": at.on.isoformat(),
        "table_1": [_close_down_data(r, at) for r in immediate],
        "table_2": [_close_down_data(r, at) for r in planned],
        "under_review": [{"number": r.number, "title": r.title} for r in under_review],
        "counts": {"table_1": len(immediate), "table_2": len(planned), "under_review": len(under_review)},
    }
    return Document(
        title=title,
        blocks=tuple(blocks),
        file_stem=f"policy-close-down-{at.on.isoformat()}",
        subject=f"Strategies and policies for close down, {long_date(at.on)}",
        data=data,
    )


# --- an entry's front sheet -------------------------------------------------------------------------------


def front_sheet_document(r: PolicyRecord) -> Document:
    """The one-page front sheet (principle 5): the nine fields, then the entry's place on the register."""
    sheet = r.front_sheet()
    blocks = [
        Heading(r.title, 1),
        para(f"Strategy and Policy Register entry {r.number}: {r.section}. {r.doc_type_label}.", style="lead"),
        Table(
            "Front sheet",
            ("Field", "Entry"),
            tuple((f"{i}. {name}", value) for i, (name, value) in enumerate(sheet, start=1)),
            row_headers=True,
            sheet="Front sheet",
        ),
        Heading("On the register", 2),
        _bullets(
            x
            for x in (
                f"Status: {r.status_label}",
                f"Close-down: {r.timing_label}; {r.close_note or r.reason_label}" if r.close_timing else "",
                f"Replaced by: {r.replacement_text}" if r.replacement_text else "",
                "Replaces: " + "; ".join(f"{x.number}. {x.title}" for x in r.replaces) if r.replaces else "",
                "In the constitution's Policy Framework" if r.policy_framework else "",
                f"Responsible Cabinet Member: {r.cabinet_member}" if r.cabinet_member else "",
                f"Front sheet approved by the accountable officer on {long_date(r.front_sheet_approved_on)}"
                if r.front_sheet_approved_on
                else "Front sheet not yet approved by the accountable officer",
                "Has an executive summary" if r.executive_summary else "No executive summary recorded",
                f"Document: {r.document_url}" if r.document_url else "",
            )
            if x
        ),
    ]
    return Document(
        title=f"Front sheet: {r.title}",
        blocks=tuple(blocks),
        file_stem=f"policy-{r.number}-front-sheet",
        subject=f"Strategy and Policy Register entry {r.number}",
        data={"number": r.number, "front_sheet": [{"field": k, "entry": v} for k, v in sheet], "status": r.status},
    )
