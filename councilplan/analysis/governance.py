"""Committee governance rules and figures (spec/governance.md): the key-decision test, the agenda's notice, page
ranges through a pack, recurring work-programme entries, minute numbering, the attendance count check, a
decision's states, a paper's pathway and the cross-check of the SDP return's governance ticks.

Pure functions on plain records: no Django, no I/O. Money is whole pence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

PENCE = 100
# Key decision criterion (a) (001 l.1477-1479): savings or expenditure significant for the service's budget,
# "currently defined by the Council as in excess of £1,000,000". Over, not at: £1,000,000 exactly is not key.
KEY_DECISION_THRESHOLD = 1_000_000 * PENCE
# The statutory notice of an agenda: five clear working days (not in the seeds; configurable).
NOTICE_CLEAR_DAYS = 5
DECISION_NUMBER = re.compile(r"^(\d{2})/(\d{5})$")

FIGURES: dict[str, str] = {
    "clear_days": "Clear working days between the agenda's publication and the meeting: working days strictly "
    "between the two, neither the day of publication nor the day of the meeting counted.",
    "notice_short": "The agenda was published (or is planned) with fewer clear working days than the notice "
    "period (default 5).",
    "items": "Agenda items of the meeting, open and exempt part.",
    "exempt_items": "Items in the exempt part (an item is exempt when it is to be discussed with the press and "
    "public excluded under a paragraph of Schedule 12A).",
    "pages": "Pages of the pack: the last page of the last item with a page range.",
    "present": "Members of the body present, substitutes counted for the member they replace.",
    "seat_check": "Members present + members substituted or absent = seats.",
    "entries": "Work programme entries for the body in the year (dated or not).",
    "key_decisions": "Decisions that meet a key-decision criterion: (a) savings or expenditure over £1,000,000, or "
    "another criterion recorded.",
    "mismatches": "Activities whose governance in the system (items, entries, decisions at meetings of a group) "
    "is not ticked in their return for the round.",
}


# --- key decisions --------------------------------------------------------------------------------------

CRITERIA = {
    "a": "(a) savings or expenditure significant for the service's budget (over £1,000,000)",
    "b": "(b) significant effect on communities living or working in two or more electoral divisions",
}


@dataclass(frozen=True)
class KeyTest:
    key: bool
    criteria: tuple[str, ...]  # the criteria codes met

    @property
    def words(self) -> str:
        if not self.key:
            return "Not a key decision"
        return "Key decision: " + "; ".join(CRITERIA.get(c, c) for c in self.criteria)


def key_decision(
    amount_pence: int | None,
    *,
    other_criteria: Iterable[str] = (),
    threshold_pence: int = KEY_DECISION_THRESHOLD,
) -> KeyTest:
    """Whether a decision is key: (a) its savings or expenditure are over the threshold (absolute value, since a
    saving is as significant as a spend), or it meets any criterion recorded for it (a record may state (a)
    without the sum)."""
    met = []
    if amount_pence is not None and abs(amount_pence) > threshold_pence:
        met.append("a")
    met.extend(c for c in other_criteria if c)
    return KeyTest(bool(met), tuple(dict.fromkeys(met)))


def check_decision_number(text: str) -> str | None:
    """The problem with a decision number (YY/NNNNN, as 19/00077), or None."""
    if not DECISION_NUMBER.match(text.strip()):
        return "Enter the decision number as the council numbers it: two digits of the year, a slash and five "
        "digits, for example 19/00077."
    return None


def next_decision_number(existing: Iterable[str], year: int) -> str:
    """The next number of the year (`year`: 2019 → 19/NNNNN) after the highest taken."""
    prefix = f"{year % 100:02d}"
    taken = [int(m.group(2)) for m in (DECISION_NUMBER.match(r) for r in existing) if m and m.group(1) == prefix]
    return f"{prefix}/{max(taken, default=0) + 1:05d}"


# --- decision states ------------------------------------------------------------------------------------

DECISION_STATES = {
    "proposed": "Proposed",
    "considered": "Considered by committee",
    "taken": "Taken",
    "published": "Published",
    "withdrawn": "Withdrawn",
}
DECISION_MOVES = {
    "proposed": ("considered", "taken", "withdrawn"),
    "considered": ("taken", "withdrawn"),
    "taken": ("published",),
    "published": (),
    "withdrawn": (),
}
OUTCOMES = {
    "endorsed": "Endorsed",
    "endorsed_subject_to": "Endorsed subject to conditions",
    "recommendations": "Recommendations made",
    "noted": "Noted",
}


def decision_move_problem(current: str, to: str, *, open_undertakings: int = 0) -> str | None:
    """Why a decision cannot go from `current` to `to` (None: it can). An undertaking not yet met blocks
    "taken" (19/00058: no decision until the heads of terms come to the committee)."""
    if to not in DECISION_MOVES.get(current, ()):
        return f"A decision that is {DECISION_STATES[current].lower()} cannot become {DECISION_STATES[to].lower()}."
    if to == "taken" and open_undertakings:
        return (
            f"{open_undertakings} undertaking{'s' if open_undertakings != 1 else ''} given to the committee "
            "must be marked met before the decision is taken."
        )
    return None


# --- notice of an agenda --------------------------------------------------------------------------------


class Calendar(Protocol):
    def clear_days_between(self, first: dt.date, last: dt.date) -> int: ...
    def is_working_day(self, day: dt.date) -> bool: ...


@dataclass(frozen=True)
class Notice:
    clear_days: int
    required: int

    @property
    def short(self) -> bool:
        return self.clear_days < self.required

    @property
    def words(self) -> str:
        days = f"{self.clear_days} clear working day{'s' if self.clear_days != 1 else ''}"
        if self.short:
            return f"Published with {days} of notice: fewer than the {self.required} required."
        return f"Published with {days} of notice ({self.required} required)."


def notice(published_on: dt.date, meeting_on: dt.date, calendar: Calendar, required: int = NOTICE_CLEAR_DAYS):
    return Notice(calendar.clear_days_between(published_on, meeting_on), required)


def latest_publication(meeting_on: dt.date, calendar: Calendar, required: int = NOTICE_CLEAR_DAYS) -> dt.date:
    """The last working day the agenda can be published with `required` clear working days before the meeting."""
    day = meeting_on - dt.timedelta(days=1)
    while calendar.clear_days_between(day, meeting_on) < required or not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


# --- page ranges ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRange:
    number: str
    first: int | None
    last: int | None


def page_problems(items: Sequence[PageRange]) -> list[str]:
    """Page ranges run consecutively through the pack in item order, without gaps or overlaps (true of all three
    seed agendas). Items without pages (the opening announcements) are skipped."""
    problems = []
    previous: PageRange | None = None
    for item in items:
        if item.first is None and item.last is None:
            continue
        if item.first is None or item.last is None or item.last < item.first:
            problems.append(f"Item {item.number}: the page range is incomplete or runs backwards.")
            continue
        if previous is not None:
            if item.first <= previous.last:
                problems.append(f"Item {item.number} overlaps item {previous.number} (page {item.first}).")
            elif item.first > previous.last + 1:
                problems.append(
                    f"Pages {previous.last + 1}–{item.first - 1} between items {previous.number} and {item.number} "
                    "belong to no item."
                )
        previous = item
    return problems


# --- work programme recurrence --------------------------------------------------------------------------

RECURRENCES = {
    "": "Once",
    "standard": "Standard item (every meeting)",
    "every_other": "Standing item every other meeting",
    "biannual": "Bi-annual",
    "six_monthly": "Six-monthly",
    "annual": "Annual",
}


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def recurring_dates(recurrence: str, anchor: dt.date, meetings: Sequence[dt.date], year_end: dt.date) -> list[dt.date]:
    """The later meetings (of `meetings`, after `anchor` and up to `year_end`) a recurring entry goes to:
    standard every meeting; every other meeting counting from the anchor (Sep yes, Nov no, Jan yes, Mar no,
    May yes); bi-annual and six-monthly the first meeting six months or more after the last; annual twelve."""
    later = sorted(d for d in meetings if anchor < d <= year_end)
    if recurrence == "standard":
        return later
    if recurrence == "every_other":
        return later[1::2]
    months = {"biannual": 6, "six_monthly": 6, "annual": 12}.get(recurrence)
    if months is None:
        return []
    found = []
    last = anchor
    for day in later:
        if day >= _months_later(last, months):
            found.append(day)
            last = day
    return found


def financial_year(day: dt.date) -> int:
    """The year the financial year of `day` starts in (1 April)."""
    return day.year if day.month >= 4 else day.year - 1


def year_end(start_year: int) -> dt.date:
    return dt.date(start_year + 1, 3, 31)


def year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


# --- minutes and attendance -----------------------------------------------------------------------------


def minute_gaps(numbers: Sequence[int]) -> list[str]:
    """Minutes are numbered continuously per body, never reset: the problems with a body's numbers in order."""
    problems = []
    ordered = sorted(numbers)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b == a:
            problems.append(f"Minute {a} is numbered twice.")
        elif b > a + 1:
            problems.append(f"Minutes {a + 1}–{b - 1} are missing." if b > a + 2 else f"Minute {a + 1} is missing.")
    return problems


@dataclass(frozen=True)
class SeatCheck:
    seats: int
    present: int
    substituted: int
    absent: int

    @property
    def accounted(self) -> int:
        return self.present + self.substituted + self.absent

    @property
    def holds(self) -> bool:
        return self.accounted == self.seats


def seat_check(seats: int, members: Iterable[str], present: Iterable[str], substituted: Iterable[str]) -> SeatCheck:
    """Members present + members substituted (a substitute sits for them) or absent = seats. Members are
    names; substitutes are counted under the member they replace."""
    members = set(members)
    here = members & set(present)
    replaced = (members & set(substituted)) - here
    absent = members - here - replaced
    return SeatCheck(seats, len(here), len(replaced), len(absent))


# --- pathway --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    body: str
    on: dt.date


def pathway(stops: Iterable[Stop], at: Stop) -> tuple[list[Stop], list[Stop]]:
    """A paper's past and future pathway as seen from the meeting `at`: the other meetings that carry it, before
    and after."""
    ordered = sorted(set(stops), key=lambda s: (s.on, s.body))
    return [s for s in ordered if s.on < at.on], [s for s in ordered if s.on > at.on]


# --- the cross-check with the SDP return ----------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """A linked item, entry or decision at a meeting of a body in SDP group `group` (cabinet_committee, cmm,
    corporate_board, informal_governance) on `on` (None: an undated work-programme entry). `forward_plan`: an
    entry on an informal board's forward plan."""

    group: str
    on: dt.date | None
    what: str
    forward_plan: bool = False


@dataclass(frozen=True)
class Ticks:
    reported_to: frozenset[str]  # group codes (the return's board codes mapped to their groups)
    expected: frozenset[str]
    forward_plan: bool


@dataclass(frozen=True)
class CrossCheck:
    activity: str
    reported: frozenset[str]
    expected: frozenset[str]
    forward_plan: bool
    ticks: Ticks | None
    problems: tuple[str, ...] = field(default=())

    @property
    def consistent(self) -> bool:
        return not self.problems


GROUP_NAMES = {
    "cabinet_committee": "a cabinet committee",
    "cmm": "the Cabinet Members Meeting",
    "corporate_board": "the Corporate Board",
    "informal_governance": "an informal governance board",
}


def cross_check(
    activity: str,
    evidence: Iterable[Evidence],
    ticks: Ticks | None,
    *,
    since: dt.date | None,
    returned_on: dt.date,
    year_end: dt.date,
) -> CrossCheck:
    """What the system's meetings say of an activity for a round, beside the lead officer's ticks:
    reported = a linked item at a meeting held after `since` (the previous round's return) up to `returned_on`;
    expected = one after `returned_on` and by `year_end`; forward plan = an entry on an informal board's plan.
    A group the system shows that the return ticks in neither list is a mismatch (never overwriting the return)."""
    reported, expected, forward = set(), set(), False
    for e in evidence:
        if e.forward_plan:
            forward = True
        if e.on is None:
            continue
        if (since is None or e.on > since) and e.on <= returned_on:
            reported.add(e.group)
        elif returned_on < e.on <= year_end:
            expected.add(e.group)
    problems = []
    if ticks is None:
        if reported or expected:
            problems.append("No return for the round.")
    else:
        for group in sorted(reported):
            if group not in ticks.reported_to:
                problems.append(f"Reported to {GROUP_NAMES.get(group, group)}, not ticked as reported to.")
        for group in sorted(expected):
            if group not in ticks.expected and group not in ticks.reported_to:
                problems.append(f"On the agenda of {GROUP_NAMES.get(group, group)} later in the year, not ticked.")
        if forward and not ticks.forward_plan:
            problems.append("On an informal board's forward plan, not ticked as scheduled.")
    return CrossCheck(activity, frozenset(reported), frozenset(expected), forward, ticks, tuple(problems))


def board_groups(codes: Iterable[str], groups: Mapping[str, str]) -> frozenset[str]:
    """The return's board codes (cmm, icb …) as their SDP groups (informal_governance …)."""
    return frozenset(groups.get(c, c) for c in codes if c)
