"""The strategy and policy register's rules and figures (spec/policies.md), as pure functions of plain records.

- The register's words: the nine document types on the register and the nine kept off it, the front sheet's
  nine fields, the control framework's eight principles, the statuses and the close-down timings and reasons.
- `status_at`: an entry's status on any date, from its dated changes (every change is dated).
- `stock_take`: the register's summary by section and status at a date (the September 2017 stock-take's
  counts: 136 in scope, 29 immediate and 16 planned close-downs, 21 under review, 91 remaining, 36 forthcoming).
- `review_flags`: entries whose end or review date is past or within the lead time.
- `lapsed_close_downs`: planned close-downs whose expected date has passed.
- `chain`: where a line of replacements leads.

No Django, no councilplan imports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# --- the register's words --------------------------------------------------------------------------------

# Included on the register (Appendix B, line 2247).
DOC_TYPES: dict[str, str] = {
    "strategy": "Strategy",
    "policy": "Policy",
    "principles": "Principles",
    "vision": "Vision",
    "strategic_plan": "Strategic plan",
    "strategic_framework": "Strategic framework",
    "covenant": "Covenant",
    "compact": "Compact",
    "market_position_statement": "Market position statement",
}

# Kept off the register (2247): shown to officers as guidance, never offered as a type.
EXCLUDED_TYPES: tuple[tuple[str, str], ...] = (
    ("Operational policy", "detailed guidance on operational practice and procedures"),
    ("Discussion documents", "including politically led think-pieces"),
    ("Annual reports and local accounts", "outline short term progress on delivering strategy"),
    ("Action and implementation plans", "detail how strategy will be delivered"),
    ("Business plans", "set out management or commercial goals and resources to deliver strategy"),
    ("Financial management documents", "for example the Budget Book"),
    ("Analytical and performance products", "the evidence base: JSNA, research, performance reports, profiles"),
    ("Information about service delivery", "including prospectus and service 'offers'"),
    ("Commissioning documents", "service specifications, service level agreements, commissioning plans, contracts"),
)

DEFINITIONS: tuple[tuple[str, str, str, str, str], ...] = (
    # document, key words, timeframe, level of detail, what it is designed to do (2280-2283)
    ("Strategy", "Vision; outcomes; priorities; direction; approach", "Medium to long", "High level",
     "What we want to achieve and why"),
    ("Policy", "Principles; rules; controls; decisions", "Short to medium", "Specific", "How we intend to deliver"),
    ("Operational policy (not on the register)", "Practice; procedures; guidelines; rules; protocols",
     "Short to medium", "Detailed", "How we do things every day"),
)  # fmt: skip

# The front sheet's nine fields (principle 5, 2297-2307), in order.
FRONT_SHEET: tuple[str, ...] = (
    "Name of strategy or policy",
    "Purpose",
    "Statutory basis",
    "Start date (approval date)",
    "Named decision maker",
    "Dependencies with other strategies and policies",
    "Publication",
    "End date (sunset clause) and planned review date",
    "Named accountable officer",
)

PRINCIPLES: tuple[str, ...] = (
    "There will be a single Strategy and Policy Register.",
    "There will be clear and simple definitions of all documents within scope of the Register.",
    "Every strategy or policy on the Register must have a named accountable officer.",
    "The named accountable officer must inform the SPRCA division if creating, modifying or closing down a "
    "strategy or policy within scope of the Register.",
    "All documents on the Register must have a one-page standard front sheet.",
    "Ownership and accountability for strategy and policy sits with the client side or commissioning function "
    "within KCC, never an alternative delivery vehicle such as a trading company.",
    "All out of date strategic documents on the Register should be formally closed down.",
    "It is best practice for all strategic documents on the Register to include an executive summary.",
)

FORTHCOMING = "forthcoming"
ACTIVE = "active"
UNDER_REVIEW = "under_review"
CLOSE_AGREED = "close_agreed"
CLOSED = "closed"
STATUSES: dict[str, str] = {
    FORTHCOMING: "Forthcoming",
    ACTIVE: "Active",
    UNDER_REVIEW: "Under review",
    CLOSE_AGREED: "Agreed for close-down",
    CLOSED: "Closed",
}
# The statuses of an entry on the register (in scope): neither forthcoming nor closed.
ON_REGISTER = (ACTIVE, UNDER_REVIEW, CLOSE_AGREED)
# What the public pages show: the register in force. Entries agreed for close-down come off (the paper: removed
# from Kent.gov once agreed), closed and forthcoming ones were never or are no longer published.
PUBLISHED = (ACTIVE, UNDER_REVIEW)

IMMEDIATE = "immediate"
PLANNED = "planned"
TIMINGS = {IMMEDIATE: "Close down immediately", PLANNED: "Close down when the replacement is published"}
REPLACED = "replaced"
OUT_OF_DATE = "out_of_date"
REASONS = {REPLACED: "Has been or will be replaced", OUT_OF_DATE: "Out of date"}

FORTHCOMING_KINDS = {"replacement": "Replacement for an existing document", "new": "New document"}
OWNER_KINDS = {"kcc": "KCC owned", "partnership": "Partnership owned"}
STATUTORY_KINDS = {"direct": "Direct statutory responsibility", "vicarious": "Vicarious statutory responsibility",
                   "none": "No statutory basis"}  # fmt: skip
PUBLICATION = {"external": "External web pages (Kent.gov)", "internal": "Internal web pages (KNet)"}

REVIEW_OUTCOMES = {
    "no_change": "No change: kept as it is until the next review",
    "revise": "Revise: a new version is being written",
    "replace": "Replace: to be closed down when a replacement is published",
    "close_down": "Close down: out of date or no longer used",
}

# What may follow what (services enforce it): forthcoming → active → under review → agreed for close-down →
# closed; a review can send an entry back to active; an entry under review or active can be agreed for
# close-down.
TRANSITIONS: dict[str, frozenset[str]] = {
    FORTHCOMING: frozenset({ACTIVE}),
    ACTIVE: frozenset({UNDER_REVIEW, CLOSE_AGREED}),
    UNDER_REVIEW: frozenset({ACTIVE, CLOSE_AGREED}),
    CLOSE_AGREED: frozenset({CLOSED}),
    CLOSED: frozenset(),
}

DEFAULT_REVIEW_LEAD_DAYS = 90

# The council's decision numbers, such as 17/00123 (two-digit year, five digits).
DECISION_REFERENCE = re.compile(r"^\d{2}/\d{5}$")


def can_move(old: str, new: str) -> bool:
    return new in TRANSITIONS.get(old, frozenset())


def valid_decision_reference(text: str) -> bool:
    return not text or bool(DECISION_REFERENCE.match(text))


# --- status on a date ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One dated change of an entry's status (with the close-down's timing when it is agreed)."""

    number: int
    status: str
    on: dt.date
    timing: str = ""
    order: int = 0  # the order changes on the same day were made in


def status_at(changes: Iterable[Change], on: dt.date) -> dict[int, Change]:
    """Each entry's latest change on or before `on` (entries with no change by then are not listed)."""
    latest: dict[int, Change] = {}
    for change in changes:
        if change.on > on:
            continue
        held = latest.get(change.number)
        if held is None or (change.on, change.order) >= (held.on, held.order):
            latest[change.number] = change
    return latest


# --- the stock-take --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What the stock-take needs of an entry."""

    number: int
    section: str
    forthcoming_kind: str = ""  # for forthcoming entries: replacement or new


@dataclass
class SectionCounts:
    section: str
    first: int | None = None  # the lowest and highest entry number on the register in this section
    last: int | None = None
    in_scope: int = 0
    immediate: int = 0
    planned: int = 0
    under_review: int = 0
    active: int = 0
    closed: int = 0
    forthcoming: int = 0

    @property
    def close_agreed(self) -> int:
        return self.immediate + self.planned

    @property
    def remaining(self) -> int:
        """Entries on the register not agreed for close-down: active or under review."""
        return self.active + self.under_review


@dataclass
class StockTake:
    on: dt.date
    sections: list[SectionCounts]
    forthcoming_replacement: int = 0
    forthcoming_new: int = 0
    total: SectionCounts = field(default_factory=lambda: SectionCounts("Total"))

    @property
    def forthcoming(self) -> int:
        return self.forthcoming_replacement + self.forthcoming_new

    def figures(self) -> dict[str, int]:
        t = self.total
        return {
            "in_scope": t.in_scope,
            "close_agreed": t.close_agreed,
            "close_immediate": t.immediate,
            "close_planned": t.planned,
            "under_review": t.under_review,
            "remaining": t.remaining,
            "remaining_active": t.active,
            "remaining_under_review": t.under_review,
            "closed": t.closed,
            "forthcoming": self.forthcoming,
            "forthcoming_replacement": self.forthcoming_replacement,
            "forthcoming_new": self.forthcoming_new,
        }


def stock_take(
    entries: Iterable[Entry], changes: Iterable[Change], on: dt.date, section_order: Sequence[str] = ()
) -> StockTake:
    """The register at `on`: per section and in total, how many entries are on it (in scope), agreed for
    close-down (immediately or when replaced), under review, active, closed and forthcoming."""
    statuses = status_at(changes, on)
    sections: dict[str, SectionCounts] = {name: SectionCounts(name) for name in section_order}
    result = StockTake(on, [])
    for entry in sorted(entries, key=lambda e: e.number):
        change = statuses.get(entry.number)
        if change is None:
            continue  # not yet on the register at that date
        counts = sections.setdefault(entry.section, SectionCounts(entry.section))
        for target in (counts, result.total):
            _count(target, entry, change)
        if change.status == FORTHCOMING:
            if entry.forthcoming_kind == "new":
                result.forthcoming_new += 1
            else:
                result.forthcoming_replacement += 1
    result.sections = list(sections.values())
    return result


def _count(counts: SectionCounts, entry: Entry, change: Change) -> None:
    status = change.status
    if status == FORTHCOMING:
        counts.forthcoming += 1
        return
    if status == CLOSED:
        counts.closed += 1
        return
    counts.in_scope += 1
    counts.first = entry.number if counts.first is None else min(counts.first, entry.number)
    counts.last = entry.number if counts.last is None else max(counts.last, entry.number)
    if status == CLOSE_AGREED:
        if change.timing == PLANNED:
            counts.planned += 1
        else:
            counts.immediate += 1
    elif status == UNDER_REVIEW:
        counts.under_review += 1
    else:
        counts.active += 1


# --- reviews and close-downs falling due ------------------------------------------------------------------


@dataclass(frozen=True)
class Dates:
    number: int
    status: str
    review_date: dt.date | None = None
    end_date: dt.date | None = None
    expected_close_by: dt.date | None = None
    timing: str = ""


@dataclass(frozen=True)
class ReviewFlag:
    number: int
    due: dt.date
    which: str  # "review date" or "end date"
    overdue: bool


def review_flag(entry: Dates, today: dt.date, lead_days: int = DEFAULT_REVIEW_LEAD_DAYS) -> ReviewFlag | None:
    """Flagged for review: an entry on the register (active or under review) whose review date or end date is
    past or within `lead_days`. The earlier of the two dates is the one named."""
    if entry.status not in (ACTIVE, UNDER_REVIEW):
        return None
    dates = [(d, which) for d, which in ((entry.review_date, "review date"), (entry.end_date, "end date")) if d]
    if not dates:
        return None
    due, which = min(dates)
    if due > today + dt.timedelta(days=lead_days):
        return None
    return ReviewFlag(entry.number, due, which, due < today)


def review_flags(
    entries: Iterable[Dates], today: dt.date, lead_days: int = DEFAULT_REVIEW_LEAD_DAYS
) -> list[ReviewFlag]:
    found = [f for f in (review_flag(e, today, lead_days) for e in entries) if f is not None]
    return sorted(found, key=lambda f: (f.due, f.number))


def lapsed_close_downs(entries: Iterable[Dates], today: dt.date) -> list[int]:
    """Planned close-downs still waiting whose expected date has passed."""
    return sorted(
        e.number
        for e in entries
        if e.status == CLOSE_AGREED and e.timing == PLANNED and e.expected_close_by and e.expected_close_by < today
    )


def chain(replaced_by: Mapping[int, int | None], number: int) -> list[int]:
    """The entries `number` is replaced by, in turn (93 → 94 → the forthcoming strategy), stopping at a loop."""
    found: list[int] = []
    seen = {number}
    current = replaced_by.get(number)
    while current is not None and current not in seen:
        found.append(current)
        seen.add(current)
        current = replaced_by.get(current)
    return found


def would_loop(replaced_by: Mapping[int, int | None], number: int, successor: int) -> bool:
    """Would `number` replaced by `successor` close a loop (the successor already leads back to it)?"""
    return successor == number or number in chain(replaced_by, successor)


# --- the figure registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    key: str
    definition: str


FIGURES: tuple[Figure, ...] = (
    Figure("in_scope", "Entries on the register at the date: active, under review or agreed for close-down."),
    Figure("close_agreed", "Entries agreed for close-down and not yet closed (immediately or when replaced)."),
    Figure("close_immediate", "Entries agreed for close-down immediately (the paper's Table 1)."),
    Figure("close_planned", "Entries agreed for close-down when the replacement is published (Table 2)."),
    Figure("under_review", "Entries under review or due for review, not agreed for close-down."),
    Figure("remaining", "Entries left on the register after the close-downs: active or under review."),
    Figure("remaining_active", "Entries left after the close-downs that are active."),
    Figure("remaining_under_review", "Entries left after the close-downs that are under review (= under_review)."),
    Figure("closed", "Entries closed by the date (kept with their history, off every web page)."),
    Figure("forthcoming", "Potential or planned documents not yet on the register: replacements and new."),
    Figure("forthcoming_replacement", "Forthcoming documents that replace an existing one."),
    Figure("forthcoming_new", "Forthcoming documents that are new."),
    Figure("past_review", "Entries on the register whose review or end date has passed (review_flags, overdue)."),
    Figure("lapsed_close_downs", "Planned close-downs whose expected date has passed."),
)


def definition_of(key: str) -> Figure | None:
    return next((f for f in FIGURES if f.key == key), None)
