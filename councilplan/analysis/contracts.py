"""Contract management's vocabularies, rules and figures (spec/contracts.md), as pure functions of plain records.

- The NAO framework's eight activities and five maturity levels, the maturity report template's sections and the
  attestation's seven fixed statements.
- The register's rules: a contract's tier by a configurable rule of value, risk and complexity; the Transparency
  Code's £5,000 threshold; the Procurement Act 2023's three KPIs on contracts over £5m and the yearly assessment.
- The review programme's figures: reviews, dates, presenters; maturity by activity across reviews (the heat map);
  a contract's reviews compared over time; savings and what they imply; recurring findings.

Money is in whole pence (int); percentages are Decimals. Nothing here imports Django or touches a database.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

# --- the framework ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    code: str
    label: str  # the template's label (spec: "the template's labels")
    covers: str  # what it covers, as the template puts it in brackets
    hint: str = ""


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "planning_governance", "Planning and governance", "preparing for contract management and providing oversight"
    ),
    Activity(
        "people", "People", "ensuring the right people are in place to carry out the contract management activities"
    ),
    Activity(
        "administration", "Administration", "managing the physical contract and the timetable for making key decisions"
    ),
    Activity(
        "relationships",
        "Managing relationships",
        "developing strong internal and external relationships that facilitate delivery",
    ),
    Activity("performance", "Managing performance", "ensuring the service is provided in line with the contract"),
    Activity(
        "payment_incentives",
        "Payment and incentives",
        "ensuring payments are made to the supplier in line with the contract and that appropriate incentive "
        "mechanisms are in place and well managed",
        hint="Includes remedies, such as liquidated damages (the 2017 paper calls it “Payments, incentives and "
        "remedies”).",
    ),
    Activity("risk", "Risk", "understanding and managing contractual and supplier risk"),
    Activity("contract_development", "Contract development", "effective handling of changes to the contract"),
)
ACTIVITY_CODES = tuple(a.code for a in ACTIVITIES)
ACTIVITY_LABELS = {a.code: a.label for a in ACTIVITIES}
OVERALL = "overall"

LEVELS: dict[int, str] = {1: "Ad-hoc", 2: "Informal", 3: "Standardised", 4: "Monitored", 5: "Optimised"}
LEVEL_MEANINGS: dict[int, str] = {
    1: "Nothing defined; no oversight.",
    2: "Practice exists on some contracts but is not standard or documented.",
    3: "One council-wide standard process used on all contracts.",
    4: "Standard management information, automated where possible, monitored as part of a risk-based assurance plan.",
    5: "Integrated across the council; continuous improvement embedded.",
}


def level_name(level: int | None) -> str:
    return f"{level} {LEVELS[level]}" if level in LEVELS else "Not rated"


def descriptor_counts(descriptors: Mapping[str, Sequence[Sequence[str]]]) -> dict:
    """How many descriptors each (activity, level) cell has, with the totals by activity and level."""
    cells = {code: [len(descriptors[code][level - 1]) for level in LEVELS] for code in ACTIVITY_CODES}
    return {
        "activities": len(cells),
        "levels": len(LEVELS),
        "cells": sum(len(row) for row in cells.values()),
        "descriptors": sum(sum(row) for row in cells.values()),
        "by_activity": cells,
        "by_level": [sum(cells[code][level - 1] for code in ACTIVITY_CODES) for level in LEVELS],
    }


# --- the maturity report template (seed 003 lines 878–1007) ----------------------------------------------

CONTRACT_DETAILS: tuple[str, ...] = (
    "Name of contractor, including trading name and how the contractor is constituted",
    "Date of contract award",
    "Date of expiry",
    "Anticipated whole life cost (nominal and net present cost)",
    "Anticipated value in current financial year",
    "Contract scope (what the contract covers, including key deliverables and geographic coverage)",
)


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    questions: tuple[Question, ...] = ()  # sections 1–3 are the contract, the ratings and the attestation


SECTIONS: tuple[Section, ...] = (
    Section(1, "Contract details"),
    Section(2, "Maturity assessment"),
    Section(3, "Attestation by the contract owner"),
    Section(
        4,
        "Organisation",
        (
            Question(
                "organogram", "Organogram for contract management", "Show which people are contractors or interims."
            ),
            Question("staff_over_three_years", "People in post and working on the contract longer than 3 years"),
            Question("tenure_mitigation", "Measures taken to mitigate the risk of long-tenure staff"),
            Question(
                "people_profile",
                "People profile",
                "Experience of contract management, commercial experience and professional qualifications (for "
                "example IACCM, CIPS, RICS).",
            ),
            Question(
                "training", "Training and development", "Planned or under way, to address experience and skill gaps."
            ),
        ),
    ),
    Section(
        5,
        "Operational performance",
        (
            Question(
                "indicators",
                "Contract delivery indicators (CDIs) and key performance indicators (KPIs)",
                "The contracted level and actual performance for the past 12 months. The contract's KPIs in the "
                "performance system are shown in the report beside this.",
            ),
            Question("milestones", "Milestones", "Key contractual milestones and progress against them."),
            Question("breaches", "Breach", "Any breach of the main or material provisions of the contract."),
            Question(
                "incentives_remedies",
                "Incentives and remedies",
                "Incentives, remedies or escalation applied for breach, missed indicators and missed milestones.",
            ),
            Question("relief", "Relief granted to the contractor"),
        ),
    ),
    Section(
        6,
        "Financial performance",
        (
            Question(
                "payments",
                "Payments",
                "The payment profile expected at award for the previous and next 12 months against the actual "
                "payments and forecast (a comparison with the original business case).",
            ),
            Question(
                "variance",
                "Variance",
                "Between contracted and actual spend, for example from volume changes, variations or claims.",
            ),
        ),
    ),
    Section(
        7,
        "Fulfilment of the council's obligations",
        (
            Question(
                "obligations",
                "Obligations and dependencies on the council",
                "Those that could cause delay or disruption, and the consequences.",
            ),
            Question(
                "obligations_approach",
                "Approach to managing the council's obligations",
                "Including accountability and responsibility within the council.",
            ),
        ),
    ),
    Section(
        8,
        "Commercial performance",
        (
            Question("claims_disputes", "Claims and disputes", "Current status and actual or projected outcome."),
            Question(
                "legislative_policy",
                "Legislative and policy impacts",
                "Recent or pending regulatory or policy changes, for example the National Living Wage.",
            ),
            Question(
                "supply_chain",
                "Supply chain requirements",
                "Performance against them, for example ethical trading and prompt payment of sub-contractors.",
            ),
            Question("change_control", "Change control", "Extensions and amendments, with their value and approvals."),
        ),
    ),
    Section(
        9,
        "Risk and mitigation",
        (
            Question("risks", "Main risks and the mitigation in place"),
            Question("risk_review", "How risks and mitigation are reviewed", "Including how often."),
        ),
    ),
    Section(
        10,
        "Data assurance",
        (
            Question("information_level", "Information level and arrangements in place"),
            Question("data_audit", "Audit of data handling", "Audits or reviews undertaken."),
        ),
    ),
    Section(
        11,
        "Governance",
        (
            Question(
                "meetings",
                "Meetings",
                "The formal meeting structure (frequency, scope, required attendees) and whether it is in place.",
            ),
            Question("internal_audit", "Internal audit", "Audits undertaken or planned, findings and actions taken."),
            Question("external_audit", "External audit", "Audits by an external party, findings and actions taken."),
        ),
    ),
    Section(
        12,
        "Forward look",
        (
            Question("extension_options", "Contract extension options and breakpoints"),
            Question("continuous_improvement", "Approach to continuous improvement"),
            Question("next_generation", "Learning and plans for the next generation contract"),
            Question("support_required", "Support required from the review group"),
        ),
    ),
)
QUESTIONS: tuple[Question, ...] = tuple(q for section in SECTIONS for q in section.questions)
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)
ANNEXES: tuple[tuple[str, str], ...] = (
    (
        "management_plan",
        "Contract management plan: how the team will manage the contract so that the contractor operates according "
        "to its provisions",
    ),
    ("handbook", "Contract handbook: the practical guide for anyone in the council managing or administering it"),
)


# --- the attestation (seed 003 lines 913–931) ------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One of the seven fixed statements: the two wordings the owner chooses between ("Delete as appropriate; do
    not amend"), and which one is the assurance the group looks for."""

    code: str
    affirmative: str  # the statement with the first choice: "I have read and understood …"
    negative: str  # with the second: "I have not read and understood …"
    assuring: bool  # True when the affirmative is the good answer


STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "read_contract",
        "I have read and understood the main provisions of the most up-to-date version of the contract(s)",
        "I have not read and understood the main provisions of the most up-to-date version of the contract(s)",
        True,
    ),
    Statement(
        "meets_requirements",
        "The contract(s) are concurrent with the business requirements",
        "The contract(s) are not concurrent with the business requirements",
        True,
    ),
    Statement(
        "changes_in_writing",
        "The contract(s) have been extended and/or amended solely in writing and with the appropriate authority",
        "The contract(s) have not been extended and/or amended solely in writing and with the appropriate authority",
        True,
    ),
    Statement(
        "rights_waived",
        "The council's rights under the contract(s) have been waived by the conduct of the people managing the "
        "contract(s)",
        "The council's rights under the contract(s) have not been waived by the conduct of the people managing the "
        "contract(s)",
        False,
    ),
    Statement(
        "performance_reported",
        "Performance is being reported accurately in accordance with the contract(s)",
        "Performance is not being reported accurately in accordance with the contract(s)",
        True,
    ),
    Statement(
        "provisions_breached",
        "The main/material provisions of the contract(s) have been breached",
        "The main/material provisions of the contract(s) have not been breached",
        False,
    ),
    Statement(
        "payments_reflect_performance",
        "Payments have been made to reflect actual performance and the provisions of the contract(s) using "
        "tri-lateral governance, that is operational, commercial and financial sign-off",
        "Payments have not been made to reflect actual performance and the provisions of the contract(s) using "
        "tri-lateral governance, that is operational, commercial and financial sign-off",
        True,
    ),
)
STATEMENT_CODES = tuple(s.code for s in STATEMENTS)


def statement_text(code: str, affirmative: bool) -> str:
    statement = next(s for s in STATEMENTS if s.code == code)
    return statement.affirmative if affirmative else statement.negative


def attestation_concerns(choices: Mapping[str, bool | None]) -> list[str]:
    """The statements answered the way that gives no assurance (or not answered), in template order."""
    return [s.code for s in STATEMENTS if choices.get(s.code) is None or choices[s.code] != s.assuring]


def template_counts() -> dict:
    return {
        "sections": len(SECTIONS),
        "contract_detail_fields": len(CONTRACT_DETAILS),
        "attestation_statements": len(STATEMENTS),
        "annexes": len(ANNEXES),
    }


# --- money and percentages -------------------------------------------------------------------------------


def percent(part: int | Decimal, whole: int | Decimal | None, places: int = 1) -> Decimal | None:
    """part ÷ whole as a percentage, rounded half up; None when the whole is missing or zero."""
    if whole in (None, 0) or part is None:
        return None
    value = Decimal(part) * 100 / Decimal(whole)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def cost_of_management_percent(cost_pence: int | None, annual_value_pence: int | None) -> Decimal | None:
    """Template section 4: the annual cost of contract management as a % of the annual contract value (the value
    in the current year)."""
    if cost_pence is None:
        return None
    return percent(cost_pence, annual_value_pence)


def implied_annual_value(saving_pence: int, saving_percent: Decimal) -> int | None:
    """The annual value a saving of `saving_percent` % implies: £1.1m at 8.5% implies about £12.9m a year."""
    if not saving_percent:
        return None
    return int((Decimal(saving_pence) * 100 / Decimal(saving_percent)).to_integral_value(rounding=ROUND_HALF_UP))


def pounds_text(pence: int | None) -> str:
    """£1.1m, £12.9m, £250k, £5,000: as committee papers write sums."""
    if pence is None:
        return "not recorded"
    pounds = Decimal(pence) / 100
    if abs(pounds) >= 1_000_000:
        return f"£{(pounds / 1_000_000).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}m"
    if abs(pounds) >= 100_000:
        return f"£{(pounds / 1000).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}k"
    return f"£{pounds.quantize(Decimal('1'), rounding=ROUND_HALF_UP):,}"


def pounds_exact(pence: int | None) -> str:
    """£12,345.67 (or £12,345 for whole pounds)."""
    if pence is None:
        return ""
    pounds, rest = divmod(abs(pence), 100)
    sign = "-" if pence < 0 else ""
    return f"{sign}£{pounds:,}" + (f".{rest:02d}" if rest else "")


# --- the register's rules --------------------------------------------------------------------------------

TRANSPARENCY_THRESHOLD_PENCE = 5_000 * 100  # Local Government Transparency Code 2015: contracts over £5,000
PROCUREMENT_ACT_KPI_THRESHOLD_PENCE = 5_000_000 * 100  # Procurement Act 2023 s.52: over £5 million
PROCUREMENT_ACT_MIN_KPIS = 3

TIERS = {"gold": "Gold", "silver": "Silver", "bronze": "Bronze"}
GRADES = {"low": 1, "medium": 2, "high": 3}


@dataclass(frozen=True)
class TierRule:
    """The tiering tool's rule (the seeds do not give the Cabinet Office tool's calculation, so it is
    configurable): value, risk and complexity each score 1–3 and their sum picks the tier."""

    medium_value_from: int = 500_000 * 100  # pence: value scores 2 from here
    high_value_from: int = 5_000_000 * 100  # and 3 from here
    gold_from: int = 7  # a total score of at least this is gold
    silver_from: int = 5  # at least this is silver; below it bronze


def value_score(value_pence: int | None, rule: TierRule) -> int:
    if value_pence is None or value_pence < rule.medium_value_from:
        return 1
    return 3 if value_pence >= rule.high_value_from else 2


def tier_for(value_pence: int | None, risk: str, complexity: str, rule: TierRule = TierRule()) -> str | None:
    """Gold, silver or bronze (code) from value, risk and complexity ("low", "medium", "high"); None when risk or
    complexity is not graded."""
    if risk not in GRADES or complexity not in GRADES:
        return None
    score = value_score(value_pence, rule) + GRADES[risk] + GRADES[complexity]
    if score >= rule.gold_from:
        return "gold"
    return "silver" if score >= rule.silver_from else "bronze"


def over_transparency_threshold(value_pence: int | None) -> bool:
    return value_pence is not None and value_pence > TRANSPARENCY_THRESHOLD_PENCE


def contract_status(start: dt.date | None, end: dt.date | None, today: dt.date) -> str:
    """ "not_started", "live" or "expired" from the dates ("live" when there are none)."""
    if start and today < start:
        return "not_started"
    if end and today > end:
        return "expired"
    return "live"


STATUS_LABELS = {"not_started": "Not started", "live": "Live", "expired": "Expired"}


# --- contract KPIs and the Procurement Act 2023 assessment -----------------------------------------------

RATINGS = {
    "good": "Good",
    "approaching": "Approaching target",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}


@dataclass(frozen=True)
class KpiWarning:
    code: str  # "too_few_kpis", "assessment_due"
    message: str


def kpi_warnings(
    value_pence: int | None,
    kpis: int,
    last_assessed: dt.date | None,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[KpiWarning]:
    """What the Procurement Act 2023 asks of a live contract over £5m that it does not have: at least three KPIs
    (s.52), and an assessment of performance against them at least once in every 12 months (s.71)."""
    if value_pence is None or value_pence <= PROCUREMENT_ACT_KPI_THRESHOLD_PENCE:
        return []
    if contract_status(start, end, today) != "live":
        return []
    warnings = []
    if kpis < PROCUREMENT_ACT_MIN_KPIS:
        warnings.append(
            KpiWarning(
                "too_few_kpis",
                f"Over £5m: the Procurement Act 2023 asks for at least {PROCUREMENT_ACT_MIN_KPIS} KPIs; {kpis} set.",
            )
        )
    started = start or today
    due_from = last_assessed or started
    if (today - due_from).days > 365:
        last = f"last assessed {last_assessed:%d/%m/%Y}" if last_assessed else "never assessed"
        warnings.append(KpiWarning("assessment_due", f"A yearly performance assessment is due ({last})."))
    return warnings


def suggested_rating(rags: Iterable[str | None]) -> str | None:
    """A suggestion for the yearly assessment from the KPIs' latest RAG ratings (the Act leaves the method to the
    council; the contract manager decides): every KPI at target → Good; any below target but none below the
    floor → Approaching target; any below the floor → Requires improvement; more than half below the floor →
    Inadequate. None when no KPI has a rating."""
    rated = [r for r in rags if r in ("green", "amber", "red")]
    if not rated:
        return None
    red = rated.count("red")
    if red * 2 > len(rated):
        return "inadequate"
    if red:
        return "requires_improvement"
    return "approaching" if "amber" in rated else "good"


# --- maturity ratings, one review and across reviews -----------------------------------------------------


@dataclass(frozen=True)
class RatingPoint:
    activity: str
    current: int | None
    target: int | None


@dataclass(frozen=True)
class AssessmentPoint:
    """One review's ratings of one contract (or group): for comparisons over time and the heat map."""

    review_id: int
    held_on: dt.date | None
    ratings: tuple[RatingPoint, ...]
    overall: int | None = None


def rating_range(ratings: Iterable[RatingPoint]) -> tuple[int | None, int | None]:
    """The lowest and highest current level of the activities (shown beside the owner's overall judgement)."""
    levels = [r.current for r in ratings if r.activity in ACTIVITY_CODES and r.current is not None]
    return (min(levels), max(levels)) if levels else (None, None)


def gaps(ratings: Iterable[RatingPoint]) -> dict[str, int]:
    """Target minus current for each rated activity (positive: levels still to climb)."""
    return {
        r.activity: r.target - r.current
        for r in ratings
        if r.activity in ACTIVITY_CODES and r.current is not None and r.target is not None
    }


@dataclass(frozen=True)
class HeatMap:
    """Maturity by activity across reviews: for each activity, how many reviews rated it at each level (current),
    the number rated, and the median and mean level."""

    counts: dict[str, tuple[int, ...]]  # activity -> (reviews at level 1, …, level 5)
    rated: dict[str, int]
    mean: dict[str, Decimal | None]
    median: dict[str, Decimal | None]
    reviews: int  # reviews with at least one rating


def _median(values: list[int]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[middle])
    return (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2


def heat_map(points: Iterable[AssessmentPoint]) -> HeatMap:
    by_activity: dict[str, list[int]] = {code: [] for code in ACTIVITY_CODES}
    reviews = 0
    for point in points:
        rated = False
        for rating in point.ratings:
            if rating.activity in by_activity and rating.current is not None:
                by_activity[rating.activity].append(rating.current)
                rated = True
        reviews += rated
    counts = {code: tuple(levels.count(level) for level in LEVELS) for code, levels in by_activity.items()}
    mean = {
        code: (Decimal(sum(levels)) / len(levels)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if levels else None
        for code, levels in by_activity.items()
    }
    return HeatMap(
        counts=counts,
        rated={code: len(levels) for code, levels in by_activity.items()},
        mean=mean,
        median={code: _median(levels) for code, levels in by_activity.items()},
        reviews=reviews,
    )


@dataclass(frozen=True)
class Comparison:
    """A contract's reviews side by side: for each activity its current level at each review (oldest first) and
    the change from the previous review that rated it."""

    dates: tuple[dt.date | None, ...]
    levels: dict[str, tuple[int | None, ...]]
    changes: dict[str, tuple[int | None, ...]]  # None for the first rating or a gap


def compare(points: Sequence[AssessmentPoint]) -> Comparison:
    ordered = sorted(points, key=lambda p: (p.held_on or dt.date.max, p.review_id))
    levels: dict[str, tuple[int | None, ...]] = {}
    changes: dict[str, tuple[int | None, ...]] = {}
    for code in (*ACTIVITY_CODES, OVERALL):
        row: list[int | None] = []
        for point in ordered:
            if code == OVERALL:
                row.append(point.overall)
            else:
                row.append(next((r.current for r in point.ratings if r.activity == code), None))
        levels[code] = tuple(row)
        change: list[int | None] = []
        previous: int | None = None
        for value in row:
            change.append(value - previous if value is not None and previous is not None else None)
            if value is not None:
                previous = value
        changes[code] = tuple(change)
    return Comparison(tuple(p.held_on for p in ordered), levels, changes)


# --- the review programme --------------------------------------------------------------------------------

REASONS = {
    "value": "Value",
    "risk": "Risk",
    "complexity": "Complexity",
    "strategic_importance": "Strategic importance",
    "proximity_to_expiry": "Proximity to contract expiry",
    "member_suggestion": "Member suggestion",
    "audit_coordination": "Coordination with the audit programme",
}
REVIEW_STATUSES = {"planned": "Planned", "held": "Held", "deferred": "Deferred"}
FINDING_KINDS = {"finding": "Finding", "strength": "Strength", "issue": "Issue to address", "theme": "Theme"}
FINDING_STATUSES = {
    "open": "Open",
    "in_progress": "In progress",
    "implemented": "Implemented",
    "not_implemented": "Not implemented",
}
CLOSED_FINDING_STATUSES = frozenset({"implemented", "not_implemented"})


@dataclass(frozen=True)
class ReviewPoint:
    """A review as the programme's figures need it."""

    id: int
    meeting_date: dt.date | None  # None: TBC
    status: str
    title: str
    presenters: tuple[str, ...]
    contracts: tuple[str, ...] = ()  # references


@dataclass(frozen=True)
class ProgrammeFigures:
    entries: int
    dates: int  # distinct dates (TBC not counted)
    tbc: int
    by_presenter: dict[str, int]  # most first, then by name
    contracts: int  # distinct contracts covered


def programme_figures(reviews: Iterable[ReviewPoint]) -> ProgrammeFigures:
    reviews = list(reviews)
    presenters = Counter(name for review in reviews for name in review.presenters)
    ordered = dict(sorted(presenters.items(), key=lambda item: (-item[1], item[0])))
    return ProgrammeFigures(
        entries=len(reviews),
        dates=len({r.meeting_date for r in reviews if r.meeting_date is not None}),
        tbc=sum(1 for r in reviews if r.meeting_date is None),
        by_presenter=ordered,
        contracts=len({ref for r in reviews for ref in r.contracts}),
    )


def held_between(reviews: Iterable[ReviewPoint], start: dt.date, end: dt.date) -> list[ReviewPoint]:
    return [r for r in reviews if r.status == "held" and r.meeting_date and start <= r.meeting_date <= end]


def forward_plan(reviews: Iterable[ReviewPoint], after: dt.date) -> list[ReviewPoint]:
    """Planned reviews after `after`, in date order, those still to be dated (TBC) last."""
    planned = [r for r in reviews if r.status == "planned" and (r.meeting_date is None or r.meeting_date > after)]
    return sorted(planned, key=lambda r: (r.meeting_date is None, r.meeting_date or dt.date.max, r.id))


def choose_for_review(
    candidates: Iterable[tuple[str, dict[str, int]]], places: int, weights: Mapping[str, int] | None = None
) -> list[str]:
    """The review group chooses by judgement across the criteria (001 line 1168); this ranks candidates to help:
    each (reference, {criterion code: strength 0–3}) scores the weighted sum of its criteria, ties by reference.
    Returns the references of the `places` highest."""
    weights = weights or dict.fromkeys(REASONS, 1)
    scored = [
        (-sum(weights.get(code, 0) * strength for code, strength in criteria.items()), ref)
        for ref, criteria in candidates
    ]
    return [ref for _, ref in sorted(scored)[:places]]


@dataclass(frozen=True)
class FindingPoint:
    review_id: int
    kind: str
    activity: str  # an activity code, or ""
    status: str
    due_on: dt.date | None = None


def recurring_activities(findings: Iterable[FindingPoint], at_least: int = 2) -> dict[str, int]:
    """Activities with findings in at least `at_least` different reviews: the recurring themes, most first."""
    reviews: dict[str, set[int]] = {}
    for finding in findings:
        if finding.activity in ACTIVITY_CODES and finding.kind in ("finding", "issue", "theme"):
            reviews.setdefault(finding.activity, set()).add(finding.review_id)
    counts = {code: len(ids) for code, ids in reviews.items() if len(ids) >= at_least}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], ACTIVITY_CODES.index(item[0]))))


def findings_by_status(findings: Iterable[FindingPoint], today: dt.date) -> dict[str, int]:
    """Open, in progress, implemented, not implemented, and overdue (open or in progress past the due date)."""
    counts = dict.fromkeys(FINDING_STATUSES, 0)
    counts["overdue"] = 0
    for finding in findings:
        counts[finding.status] = counts.get(finding.status, 0) + 1
        if finding.status not in CLOSED_FINDING_STATUSES and finding.due_on and finding.due_on < today:
            counts["overdue"] += 1
    return counts


@dataclass(frozen=True)
class SavingPoint:
    annual_pence: int
    percent: Decimal | None = None


@dataclass(frozen=True)
class SavingsFigures:
    count: int
    total_annual_pence: int
    implied_annual_values: tuple[int | None, ...] = field(default=())


def savings_figures(savings: Iterable[SavingPoint]) -> SavingsFigures:
    savings = list(savings)
    return SavingsFigures(
        count=len(savings),
        total_annual_pence=sum(s.annual_pence for s in savings),
        implied_annual_values=tuple(
            implied_annual_value(s.annual_pence, s.percent) if s.percent else None for s in savings
        ),
    )


def financial_year(day: dt.date) -> int:
    """The year a financial year starts in: 2019 for 2019/20 (1 April to 31 March)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_name(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"
