"""Customer feedback's vocabularies, rules and figures (spec/feedback.md), as pure functions of plain records.

- The vocabularies: kinds (complaint, comment, compliment), channels and the report's channel groups, who raised
  it, outcomes.
- The procedures a complaint can follow, each stage's timescale in working days (the policy's table), and the
  rules: a stage's deadlines counted from its start (day 0) on a working-day calendar passed in; a stage-1
  complaint is answered in time when its full reply is dated on or before day 20 (an extension told to the
  customer does not change that unless the setting says so).
- The figures: the quarterly return by service (received, answered in time, percentage), the changes quarter on
  quarter and year on year, the annual report's counts by directorate and by channel, % upheld, Ombudsman
  complaints, equalities issues and compensation, and the monthly KPI (CS07) fed from the records.
- Retention: when a record's personal details are due to be erased.

Percentages are whole numbers rounded half up in integer arithmetic. Nothing here imports Django or councilplan:
the calendar is any object with `add(start, days)` and `is_working_day(day)` (analysis.working_days).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# --- vocabularies ----------------------------------------------------------------------------------------

COMPLAINT, COMMENT, COMPLIMENT = "complaint", "comment", "compliment"
KINDS = {COMPLAINT: "Complaint", COMMENT: "Comment", COMPLIMENT: "Compliment"}
KIND_PLURALS = {COMPLAINT: "complaints", COMMENT: "comments", COMPLIMENT: "compliments"}
KIND_HINTS = {
    COMPLAINT: "Dissatisfaction, however expressed, with a service or with what the council or its staff did or "
    "failed to do, affecting a user or group of users.",
    COMMENT: "A general remark about a policy, practice or service as a whole, positive or negative; possibly a "
    "suggestion.",
    COMPLIMENT: "Thanks or praise for a service or a member of staff (not compliments between staff).",
}
SENTIMENTS = {"positive": "Positive", "negative": "Negative"}

# The report's groups, in the seed's order (003 line 2856), and `not_recorded` for a record whose channel was not
# written down (the sample's missing 10% of compliments: spec, inconsistencies).
CHANNEL_GROUPS = {
    "phone": "Phone",
    "letter": "Letter",
    "email": "Email",
    "comment_face_to_face": "Comment card or face to face",
    "online": "Online",
    "other": "Other",
    "not_recorded": "Not recorded",
}
# Every channel the policy names (2788, 2888), with its report group.
CHANNELS: dict[str, tuple[str, str]] = {
    "phone": ("Phone", "phone"),
    "letter": ("Letter (post)", "letter"),
    "email": ("Email", "email"),
    "face_to_face": ("Face to face", "comment_face_to_face"),
    "comment_card": ("Comment card", "comment_face_to_face"),
    "online_form": ("Online form", "online"),
    "social_media": ("Social media", "online"),
    "text": ("Text message (children's social care)", "other"),
    "text_relay": ("Text relay", "other"),
    "fax": ("Fax", "other"),
    "advocate": ("Through an advocate", "other"),
    "not_recorded": ("Not recorded", "not_recorded"),
}
CHANNEL_LABELS = {code: label for code, (label, _) in CHANNELS.items()}


def channel_group(channel: str) -> str:
    return CHANNELS.get(channel, ("", "other"))[1]


RAISED_BY = {
    "customer": "The customer",
    "relative": "A relative",
    "councillor": "A councillor",
    "mp": "An MP",
    "carer": "A carer",
    "friend": "A friend",
    "advocate": "An advocate",
}
UPHELD, PARTLY_UPHELD, NOT_UPHELD = "upheld", "partly_upheld", "not_upheld"
OUTCOMES = {UPHELD: "Upheld", PARTLY_UPHELD: "Partly upheld", NOT_UPHELD: "Not upheld"}
CONTACT_PREFERENCES = {"email": "Email", "phone": "Phone", "letter": "Letter", "none": "No contact wanted"}


# --- procedures and their timescales (spec table; 003 lines 2430–2646) ----------------------------------


@dataclass(frozen=True)
class StageRule:
    """One stage of a procedure. Days are working days after the stage's start (day 0). `respond_days`: the
    reply's deadline; `longest_days`: the most it may be extended to (complex cases); `in_time_days`: the day
    by which a reply counts as in time (the report's rule); `starts`: what day 0 is."""

    code: str
    label: str
    who: str
    acknowledge_days: int | None = None
    respond_days: int | None = None
    longest_days: int | None = None
    in_time_days: int | None = None
    starts: str = "the day it is received"
    ombudsman: bool = False

    @property
    def timed(self) -> bool:
        return self.respond_days is not None


@dataclass(frozen=True)
class Procedure:
    code: str
    label: str
    stages: tuple[StageRule, ...]
    note: str = ""

    def stage(self, code: str) -> StageRule:
        return next(s for s in self.stages if s.code == code)

    def after(self, code: str) -> StageRule | None:
        codes = [s.code for s in self.stages]
        index = codes.index(code)
        return self.stages[index + 1] if index + 1 < len(self.stages) else None


LGSCO = "the Local Government and Social Care Ombudsman"
OMBUDSMAN = StageRule("ombudsman", "Ombudsman", LGSCO, starts="the day it was referred", ombudsman=True)

_CORPORATE = (
    StageRule("stage1", "Stage 1: local resolution", "the service concerned", 3, 20, None, 20),
    StageRule(
        "stage2",
        "Stage 2: escalation",
        "the Corporate Director of the service, on written request",
        None,
        20,
        65,
        20,
        "the day the written request is received",
    ),
    OMBUDSMAN,
)

PROCEDURES: dict[str, Procedure] = {
    p.code: p
    for p in (
        Procedure("corporate", "Corporate complaints procedure", _CORPORATE),
        Procedure(
            "adult_social_care",
            "Adult social care (statutory)",
            (
                StageRule("stage1", "Stage 1", "the complaints team, with a call to agree a plan", 3, 20, None, 20),
                StageRule("stage2", "Stage 2", "the complaints team again, to see what more can be done"),
                OMBUDSMAN,
            ),
        ),
        Procedure(
            "childrens_social_care",
            "Children's social care (statutory)",
            (
                StageRule("stage1", "Stage 1: local resolution", "local staff or office", None, 10, 20, 20),
                StageRule(
                    "stage2",
                    "Stage 2: investigation",
                    "an investigating officer new to the case and an independent person (Young Lives Foundation)",
                    None,
                    25,
                    65,
                    25,
                    "the day the investigation starts",
                ),
                StageRule(
                    "stage3",
                    "Stage 3: review panel",
                    "an Independent Review Panel",
                    None,
                    30,
                    None,
                    30,
                    "the day the request is accepted",
                ),
                OMBUDSMAN,
            ),
        ),
        Procedure(
            "school_transport_appeal",
            "School transport appeal",
            (StageRule("hearing", "Appeal hearing", "the appeal panel", None, 5, None, 5, "the day of the hearing"),),
            "The panel's decision in writing within 5 working days of the hearing.",
        ),
        Procedure(
            "english_fluency",
            "English fluency duty (Immigration Act 2016, Part 7)",
            _CORPORATE,
            "The corporate procedure; only about the standard of spoken English of council staff in customer-facing "
            "roles (not accent, dialect, tone, origin or nationality; not staff of private or voluntary providers).",
        ),
        Procedure(
            "governors",
            "School governor (independent review)",
            (StageRule("referral", "Referral", "an independent review the council arranges", starts="referral"),),
            "Only when all five conditions hold; the report goes to the complainant and the Cabinet Member for "
            "Children, Young People and Education.",
        ),
        Procedure(
            "schools",
            "A school's own procedure",
            (StageRule("referral", "Referral", "the school", starts="referral"),),
            "Then the Secretary of State (maintained schools), Ofsted in some cases, the ESFA (academies).",
        ),
        Procedure(
            "school_admissions",
            "School admissions appeal",
            (StageRule("referral", "Referral", "an independent appeal panel", starts="referral"),),
            "Complaints about how an appeal was run go to the Ombudsman.",
        ),
        Procedure(
            "councillor_conduct",
            "Councillor conduct",
            (StageRule("referral", "Referral", "the Monitoring Officer and an Independent Person", starts="referral"),),
            "Only alleged breaches of the Members' code.",
        ),
        Procedure(
            "information_requests",
            "Information requests",
            (
                StageRule(
                    "referral",
                    "Stage 1: internal review",
                    "the Head of Paid Service (FOI) or the data protection team",
                    starts="referral",
                ),
                StageRule("ico", "Stage 2: Information Commissioner", "the Information Commissioner"),
            ),
        ),
    )
}
PROCEDURE_LABELS = {code: p.label for code, p in PROCEDURES.items()}
STAGE_LABELS = {s.code: s.label for p in PROCEDURES.values() for s in p.stages}


class Calendar(Protocol):
    def add(self, start: dt.date, days: int) -> dt.date: ...

    def is_working_day(self, day: dt.date) -> bool: ...


@dataclass(frozen=True)
class Deadlines:
    acknowledge_by: dt.date | None
    respond_by: dt.date | None
    longest_by: dt.date | None
    in_time_by: dt.date | None


def deadlines(rule: StageRule, start: dt.date, calendar: Calendar) -> Deadlines:
    """A stage's deadlines, counted in working days from its start (day 0)."""

    def on(days):
        return calendar.add(start, days) if days is not None else None

    return Deadlines(on(rule.acknowledge_days), on(rule.respond_days), on(rule.longest_days), on(rule.in_time_days))


def check_extension(rule: StageRule, start: dt.date, extended_to: dt.date, calendar: Calendar) -> str:
    """'' when a stage's reply may be put back to `extended_to`; else why not."""
    if not rule.timed:
        return "This stage has no timescale to extend."
    if extended_to <= calendar.add(start, rule.respond_days):
        return "The new date must be after the stage's deadline."
    if rule.longest_days is not None and extended_to > calendar.add(start, rule.longest_days):
        limit = calendar.add(start, rule.longest_days)
        return f"The new date can be at most {rule.longest_days} working days from the start ({limit:%d/%m/%Y})."
    return ""


def in_time(
    responded_on: dt.date | None,
    in_time_by: dt.date | None,
    extended_to: dt.date | None = None,
    extension_counts: bool = False,
) -> bool | None:
    """Whether a stage's reply was in time: dated on or before its in-time day (or the extended date, when the
    organisation counts extensions told to the customer as in time). None: not answered yet or no timescale."""
    if responded_on is None or in_time_by is None:
        return None
    limit = max(in_time_by, extended_to) if (extension_counts and extended_to) else in_time_by
    return responded_on <= limit


def stage_state(
    responded_on: dt.date | None, due_on: dt.date | None, today: dt.date, soon_days: int = 5, calendar=None
) -> str:
    """answered, late (past its deadline, not answered), due_soon (within `soon_days` calendar days), open."""
    if responded_on is not None:
        return "answered"
    if due_on is None:
        return "open"
    if today > due_on:
        return "late"
    if (due_on - today).days <= soon_days:
        return "due_soon"
    return "open"


STATE_LABELS = {"answered": "Answered", "late": "Late", "due_soon": "Due soon", "open": "Open", "closed": "Closed"}


# --- plain records ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CasePoint:
    """One feedback record as the figures need it. `responded_on` and `in_time_by` are its first stage's;
    `ombudsman_on` the date it was referred to the Ombudsman (None if never)."""

    id: int
    kind: str
    received_on: dt.date
    service: str = ""
    directorate: str = ""
    channel: str = "not_recorded"
    sentiment: str = ""
    procedure: str = "corporate"
    responded_on: dt.date | None = None
    in_time_by: dt.date | None = None
    extended_to: dt.date | None = None
    outcome: str = ""
    ombudsman_on: dt.date | None = None
    ombudsman_upheld: bool | None = None
    equalities: bool = False
    compensation_pence: int = 0
    first_contact: bool = False


@dataclass(frozen=True)
class Period:
    label: str
    start: dt.date
    end: dt.date  # inclusive

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def percent(count: int, of: int) -> int | None:
    """100 × count / of rounded half up (None when of is 0)."""
    if of == 0:
        return None
    return (200 * count + of) // (2 * of)


def change_percent(current: int, previous: int) -> int | None:
    """The change from `previous` to `current` as a whole percentage, rounded half away from zero."""
    if previous == 0:
        return None
    diff = current - previous
    sign = -1 if diff < 0 else 1
    return sign * ((200 * abs(diff) + previous) // (2 * previous))


def quarter_of(day: dt.date) -> Period:
    """The financial quarter holding `day` (Q1 April–June … Q4 January–March)."""
    first_month = ((day.month - 1) // 3) * 3 + 1
    start = dt.date(day.year, first_month, 1)
    end = _month_end(dt.date(day.year, first_month + 2, 1))
    year = day.year if day.month >= 4 else day.year - 1
    number = {4: 1, 7: 2, 10: 3, 1: 4}[first_month]
    return Period(f"{year}-{(year + 1) % 100:02d} Q{number}", start, end)


def financial_year(year: int) -> Period:
    return Period(f"{year}/{year + 1}", dt.date(year, 4, 1), dt.date(year + 1, 3, 31))


def twelve_months_to(end: dt.date) -> Period:
    start = dt.date(end.year - 1, end.month, 1) + dt.timedelta(days=0)
    start = _month_end(start) + dt.timedelta(days=1)
    return Period(f"12 months to {end:%b %y}", start, end)


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def month(day: dt.date) -> Period:
    start = day.replace(day=1)
    return Period(f"{start:%B %Y}", start, _month_end(start))


def report_periods(quarter_end: dt.date) -> tuple[Period, Period, Period, Period]:
    """The quarterly report's four columns (004 lines 1236–1246): the 12 months to the quarter a year ago, the
    12 months to this quarter, the quarter before, this quarter."""
    this = quarter_of(quarter_end)
    before = quarter_of(this.start - dt.timedelta(days=1))
    a_year_ago = _month_end(dt.date(this.end.year - 1, this.end.month, 1))
    return (
        twelve_months_to(a_year_ago),
        twelve_months_to(this.end),
        Period(f"Quarter to {before.end:%b %y}", before.start, before.end),
        Period(f"Quarter to {this.end:%b %y}", this.start, this.end),
    )


# --- the figures -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    counts: str
    out_of: str = ""


FIGURES: tuple[FigureDefinition, ...] = (
    FigureDefinition("received", "feedback records received in the period, by kind"),
    FigureDefinition("complaints_by_service", "complaints received in each period, by the service concerned"),
    FigureDefinition(
        "answered_in_time",
        "complaints whose stage-1 full reply is dated on or before day 20 of its procedure's timescale (day 0 the "
        "day of receipt, working days only)",
        "complaints received in the period",
    ),
    FigureDefinition("pending", "complaints received in the period not yet answered at stage 1"),
    FigureDefinition("quarter_on_quarter", "change in complaints received from the quarter before", "that quarter"),
    FigureDefinition("year_on_year", "change in complaints received in the 12 months", "the 12 months a year before"),
    FigureDefinition(
        "same_quarter_last_year",
        "change in complaints received from the same quarter a year before (only when that quarter is held)",
        "that quarter",
    ),
    FigureDefinition("by_directorate", "complaints, comments and compliments received, by directorate"),
    FigureDefinition(
        "channels", "feedback received by each channel group, as a percentage of that kind", "that kind's count"
    ),
    FigureDefinition("upheld", "complaints upheld at stage 1 (partly upheld counted apart)", "complaints decided"),
    FigureDefinition("ombudsman", "complaints referred to the Ombudsman in the period; decisions that upheld them"),
    FigureDefinition("equalities", "complaints that raised an equalities issue", "complaints received"),
    FigureDefinition("compensation", "compensation paid on feedback received in the period (pence)"),
    FigureDefinition("first_contact", "complaints resolved at first point of contact", "complaints received"),
    FigureDefinition(
        "kpi", "KPI CS07: complaints received in the month answered in time; the year to date", "complaints received"
    ),
)
FIGURE_KEYS = frozenset(d.key for d in FIGURES)


def definition_of(key: str) -> FigureDefinition | None:
    return next((d for d in FIGURES if d.key == key), None)


@dataclass(frozen=True)
class InTime:
    received: int
    in_time: int
    late: int
    pending: int
    percent: int | None

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "in_time": self.in_time,
            "late": self.late,
            "pending": self.pending,
            "percent": self.percent,
        }


def answered_in_time(points: Iterable[CasePoint], period: Period, extension_counts: bool = False) -> InTime:
    """Of the complaints received in `period`: answered in time, late, not answered yet (spec: rules)."""
    received = in_time_count = late = pending = 0
    for p in points:
        if p.kind != COMPLAINT or not period.holds(p.received_on):
            continue
        received += 1
        verdict = in_time(p.responded_on, p.in_time_by, p.extended_to, extension_counts)
        if verdict is None:
            pending += 1
        elif verdict:
            in_time_count += 1
        else:
            late += 1
    return InTime(received, in_time_count, late, pending, percent(in_time_count, received))


def counts_by_kind(points: Iterable[CasePoint], period: Period) -> dict[str, int]:
    found = Counter(p.kind for p in points if period.holds(p.received_on))
    return {kind: found.get(kind, 0) for kind in KINDS}


@dataclass(frozen=True)
class ServiceRow:
    service: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class QuarterlyReturn:
    periods: tuple[Period, ...]
    rows: tuple[ServiceRow, ...]
    totals: tuple[int, ...]
    in_time: tuple[InTime, ...]
    quarter_on_quarter: int | None
    year_on_year: int | None
    same_quarter_last_year: int | None
    same_quarter_count: int | None

    def as_dict(self) -> dict:
        return {
            "periods": [
                {"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()} for p in self.periods
            ],
            "by_service": {r.service: list(r.counts) for r in self.rows},
            "totals": list(self.totals),
            "answered_in_time": [t.as_dict() for t in self.in_time],
            "quarter_on_quarter_percent": self.quarter_on_quarter,
            "year_on_year_percent": self.year_on_year,
            "same_quarter_last_year": self.same_quarter_count,
            "same_quarter_last_year_percent": self.same_quarter_last_year,
        }


def quarterly_return(
    points: Sequence[CasePoint],
    quarter_end: dt.date,
    services: Sequence[str] = (),
    extension_counts: bool = False,
    held_from: dt.date | None = None,
) -> QuarterlyReturn:
    """The complaints table of the quarterly performance report: complaints by service over the four periods,
    the totals, answered in time in each, and the changes. `services`: the order of the rows (others follow,
    by count); `held_from`: the first day the log holds (a comparison with a period before it is not made)."""
    periods = report_periods(quarter_end)
    complaints = [p for p in points if p.kind == COMPLAINT]
    counts: dict[str, list[int]] = {}
    for p in complaints:
        for i, period in enumerate(periods):
            if period.holds(p.received_on):
                counts.setdefault(p.service, [0] * len(periods))[i] += 1
    order = [s for s in services if s in counts] + sorted(
        (s for s in counts if s not in services), key=lambda s: (-counts[s][-1], s)
    )
    rows = tuple(ServiceRow(s, tuple(counts[s])) for s in order)
    totals = tuple(sum(r.counts[i] for r in rows) for i in range(len(periods)))
    timed = tuple(answered_in_time(complaints, period, extension_counts) for period in periods)
    this = periods[3]
    a_year_before = quarter_of(dt.date(this.start.year - 1, this.start.month, 1))
    held = held_from is None or held_from <= a_year_before.start
    same = sum(1 for p in complaints if a_year_before.holds(p.received_on)) if held else None
    earliest_year = periods[0]
    year_held = held_from is None or held_from <= earliest_year.start
    return QuarterlyReturn(
        periods=periods,
        rows=rows,
        totals=totals,
        in_time=timed,
        quarter_on_quarter=change_percent(totals[3], totals[2]),
        year_on_year=change_percent(totals[1], totals[0]) if year_held else None,
        same_quarter_last_year=change_percent(totals[3], same) if same else None,
        same_quarter_count=same,
    )


@dataclass(frozen=True)
class ChannelShares:
    kind: str
    total: int
    counts: dict[str, int]
    percents: dict[str, int | None]

    @property
    def percent_sum(self) -> int:
        return sum(v for v in self.percents.values() if v is not None)


def channel_shares(points: Iterable[CasePoint], period: Period) -> dict[str, ChannelShares]:
    """Feedback received in `period` by channel group, per kind: counts and whole percentages of the kind's
    count, each rounded half up on its own (so a row sums to 100 give or take the rounding)."""
    by_kind: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    for p in points:
        if period.holds(p.received_on):
            by_kind[p.kind][channel_group(p.channel)] += 1
    shares = {}
    for kind, found in by_kind.items():
        total = sum(found.values())
        groups = [g for g in CHANNEL_GROUPS if g != "not_recorded" or found.get(g)]
        shares[kind] = ChannelShares(
            kind,
            total,
            {g: found.get(g, 0) for g in groups},
            {g: percent(found.get(g, 0), total) for g in groups},
        )
    return shares


def by_directorate(points: Iterable[CasePoint], period: Period) -> dict[str, dict[str, int]]:
    found: dict[str, Counter] = {}
    for p in points:
        if period.holds(p.received_on):
            found.setdefault(p.directorate or "Not recorded", Counter())[p.kind] += 1
    return {d: {kind: c.get(kind, 0) for kind in KINDS} for d, c in sorted(found.items())}


@dataclass
class AnnualFigures:
    period: Period
    received: dict[str, int]
    previous: dict[str, int] | None
    changes: dict[str, int] = field(default_factory=dict)
    by_directorate: dict[str, dict[str, int]] = field(default_factory=dict)
    channels: dict[str, ChannelShares] = field(default_factory=dict)
    in_time: InTime | None = None
    decided: int = 0
    upheld: int = 0
    partly_upheld: int = 0
    upheld_percent: int | None = None
    ombudsman: int = 0
    ombudsman_previous: int | None = None
    ombudsman_decided: int = 0
    ombudsman_upheld: int = 0
    equalities: int = 0
    compensation_pence: int = 0
    first_contact: int = 0

    def as_dict(self) -> dict:
        return {
            "year": self.period.label,
            "received": self.received,
            "previous_year": self.previous,
            "changes": self.changes,
            "by_directorate": self.by_directorate,
            "channels": {
                kind: {"total": s.total, "counts": s.counts, "percents": s.percents, "percent_sum": s.percent_sum}
                for kind, s in self.channels.items()
            },
            "answered_in_time": self.in_time.as_dict() if self.in_time else None,
            "decided": self.decided,
            "upheld": self.upheld,
            "partly_upheld": self.partly_upheld,
            "upheld_percent": self.upheld_percent,
            "ombudsman": self.ombudsman,
            "ombudsman_previous_year": self.ombudsman_previous,
            "ombudsman_change": (self.ombudsman - self.ombudsman_previous)
            if self.ombudsman_previous is not None
            else None,
            "ombudsman_decided": self.ombudsman_decided,
            "ombudsman_upheld": self.ombudsman_upheld,
            "equalities": self.equalities,
            "compensation_pence": self.compensation_pence,
            "first_contact": self.first_contact,
        }


def annual_figures(
    points: Sequence[CasePoint], year: int, extension_counts: bool = False, held_from: dt.date | None = None
) -> AnnualFigures:
    """The annual report's figures for the financial year starting in April `year` (spec: the 10 items; the
    words items are the records' lessons and improvements, listed by the report)."""
    period = financial_year(year)
    before = financial_year(year - 1)
    previous_held = held_from is None or held_from <= before.start
    received = counts_by_kind(points, period)
    previous = counts_by_kind(points, before) if previous_held else None
    figures = AnnualFigures(period, received, previous)
    if previous is not None:
        figures.changes = {kind: received[kind] - previous[kind] for kind in KINDS}
        figures.changes["complaints_percent"] = change_percent(received[COMPLAINT], previous[COMPLAINT])
    figures.by_directorate = by_directorate(points, period)
    figures.channels = channel_shares(points, period)
    figures.in_time = answered_in_time(points, period, extension_counts)
    for p in points:
        if p.kind != COMPLAINT:
            continue
        if period.holds(p.received_on):
            if p.outcome:
                figures.decided += 1
                figures.upheld += p.outcome == UPHELD
                figures.partly_upheld += p.outcome == PARTLY_UPHELD
            figures.equalities += p.equalities
            figures.first_contact += p.first_contact
        if period.holds(p.ombudsman_on):
            figures.ombudsman += 1
            if p.ombudsman_upheld is not None:
                figures.ombudsman_decided += 1
                figures.ombudsman_upheld += bool(p.ombudsman_upheld)
    figures.compensation_pence = sum(p.compensation_pence for p in points if period.holds(p.received_on))
    figures.upheld_percent = percent(figures.upheld, figures.decided)
    if previous_held:
        figures.ombudsman_previous = sum(1 for p in points if p.kind == COMPLAINT and before.holds(p.ombudsman_on))
    return figures


@dataclass(frozen=True)
class KpiMonth:
    period: Period
    month: InTime
    year_to_date: InTime


def kpi_months(points: Sequence[CasePoint], first: dt.date, last: dt.date, extension_counts=False) -> list[KpiMonth]:
    """CS07 (percentage of complaints responded to in timescale) for each month from `first` to `last`: the
    month's complaints, and the financial year to date's."""
    found = []
    day = first.replace(day=1)
    while day <= last:
        this = month(day)
        year_start = financial_year(day.year if day.month >= 4 else day.year - 1).start
        found.append(
            KpiMonth(
                this,
                answered_in_time(points, this, extension_counts),
                answered_in_time(points, Period("year to date", year_start, this.end), extension_counts),
            )
        )
        day = this.end + dt.timedelta(days=1)
    return found


# --- retention ---------------------------------------------------------------------------------------------

# Years a record's personal details are kept after the case closes (or after receipt for comments and
# compliments, which have no stages). Our defaults, settings of the organisation: the seed gives none.
RETENTION_YEARS = {COMPLAINT: 6, COMMENT: 2, COMPLIMENT: 2}


def retention_ends(kind: str, received_on: dt.date, closed_on: dt.date | None, years: int | None = None) -> dt.date:
    """The day after which a record's personal details are erased: `years` after it closed (received, for
    comments and compliments, or a complaint never closed is kept from its receipt)."""
    years = RETENTION_YEARS[kind] if years is None else years
    base = closed_on or received_on
    try:
        return base.replace(year=base.year + years)
    except ValueError:  # 29 February
        return base.replace(year=base.year + years, day=28)


def past_retention(kind: str, received_on: dt.date, closed_on: dt.date | None, today: dt.date, years=None) -> bool:
    return today > retention_ends(kind, received_on, closed_on, years)
