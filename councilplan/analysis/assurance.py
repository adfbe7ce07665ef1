"""Corporate assurance's figures (spec/assurance.md): the portfolio at a date, the monthly volumes, the
bi-annual analysis report's figures and their comparison with the previous report, the DECA profile and money in
words.

Pure functions on plain records: no Django, no councilplan imports but `analysis`. Percentages are whole numbers
rounded half up from counts (`analysis.figures.percent`); a combined share is computed from the combined count,
never by adding rounded shares. Differences of percentages are percentage points.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .figures import Figure
from .planning import DecaProfile, deca_profile
from .planning_choices import DECA_RATINGS, DEFAULT_DECA_FACTORS

__all__ = [
    "CASES",
    "CLOSED_STATES",
    "DECA_RATINGS",
    "DEFAULT_DECA_FACTORS",
    "FIGURES",
    "STAGES",
    "TIERS",
    "DecaProfile",
    "MonthRow",
    "ProjectPoint",
    "SnapshotPoint",
    "changes",
    "deca_profile",
    "decision_reference_ok",
    "definition_of",
    "financial_year_end",
    "money_text",
    "month_counts",
    "month_table",
    "months_between",
    "report_figures",
    "state_on",
    "tier_on",
]

# --- vocabularies --------------------------------------------------------------------------------------------

STAGES = {"analyse": "Analyse", "plan": "Plan", "do": "Do", "review": "Review"}
# The seed's other names for two stages (seed 003 line 1736), accepted on import.
STAGE_ALIASES = {"assessment": "analyse", "design": "plan", "implementation": "do", "closure": "review"}
TIERS = {"1": "Tier 1", "2": "Tier 2", "3": "Tier 3", "tbc": "TBC"}
TIER_METHODS = {"cost_benefit": "Significance of costs and benefits", "deca": "NAO DECA assessment"}
STATES = {
    "potential": "Potential",
    "current": "Current",
    "completed": "Completed",
    "stopped": "Stopped",
    "transferred": "Transferred",
    "replaced": "Replaced by its successors (split or merged)",
}
# A closure ends a project and counts in the month's "stopped/completed"; a project replaced by its successors
# (split or merged) does not: its work goes on in them.
CLOSED_STATES = ("completed", "stopped", "transferred")
ENDED_STATES = (*CLOSED_STATES, "replaced")
CASES = {
    "strategic": "Strategic case",
    "economic": "Economic case",
    "commercial": "Commercial case",
    "financial": "Financial case",
    "management": "Management case",
}
ACTIVITY_KINDS = {
    "checkpoint": "Checkpoint review",
    "iterative": "Iterative assurance of a business case",
    "informal": "Informal assurance (attending a delivery group)",
    "support": "Support in writing a business case",
    "oversight": "Oversight during implementation",
    "feedback": "Feedback on a business case",
}
PRODUCTS = {
    "feasibility": "Feasibility study",
    "outline_business_case": "Outline business case",
    "full_business_case": "Full business case",
    "programme_business_case": "Programme business case",
    "project_business_case": "Project business case",
    "closure_report": "Closure report",
    "other": "Other",
}
BENEFIT_KINDS = {
    "saving": "Saving",
    "cost_avoidance": "Cost avoidance",
    "target": "Target",
    "non_financial": "Non-financial",
    "tbc": "TBC",
}
RECOMMENDATION_STATUSES = {
    "open": "Open",
    "accepted": "Accepted",
    "done": "Done",
    "not_accepted": "Not accepted",
}
CLOSED_RECOMMENDATIONS = ("done", "not_accepted")
MEASURES = ("current", "tier_1", "tier_2", "tier_3", "tbc", "potential", "closed")

# A committee decision's reference as governance numbers them: two-digit year, a slash, five digits ('17/00123').
DECISION_REFERENCE = re.compile(r"^\d{2}/\d{5}$")


def decision_reference_ok(text: str) -> bool:
    return bool(DECISION_REFERENCE.match(text or ""))


# --- plain records -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectPoint:
    """A project as the figures need it. `tiers`: its tier decisions, (date decided, tier, method), in any
    order. `became_current`: when it was approved to start (None while potential); `closed_on` with `state` one
    of CLOSED_STATES or 'replaced'."""

    reference: str
    portfolio: str
    state: str
    stage: str = ""
    theme: str = ""
    identified_on: dt.date | None = None
    became_current: dt.date | None = None
    closed_on: dt.date | None = None
    forecast_end: dt.date | None = None
    tiers: tuple[tuple[dt.date, str, str], ...] = ()


@dataclass(frozen=True)
class SnapshotPoint:
    """One month's counts (`month`: its first day). `counts`: {(portfolio code or '', measure): value}; '' holds
    what the month's record gives only in total (the months before the system)."""

    month: dt.date
    counts: Mapping[tuple[str, str], int]

    def total(self, measure: str) -> int:
        return sum(v for (_, m), v in self.counts.items() if m == measure)

    def of(self, portfolio: str, measure: str) -> int | None:
        return self.counts.get((portfolio, measure))


@dataclass(frozen=True)
class MonthRow:
    month: dt.date
    current: int
    tier_1: int
    potential: int
    closed: int
    by_portfolio: tuple[int | None, ...]


# --- dates ---------------------------------------------------------------------------------------------------


def month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of the months from `first`'s to `last`'s, both included."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def financial_year_end(day: dt.date) -> dt.date:
    """31 March ending the financial year (1 April to 31 March) that `day` falls in."""
    return dt.date(day.year + (1 if day.month >= 4 else 0), 3, 31)


# --- a project at a date -------------------------------------------------------------------------------------


def state_on(point: ProjectPoint, day: dt.date) -> str | None:
    """'potential', 'current', the state it ended in, or None (not yet known) on `day`."""
    if point.closed_on is not None and point.closed_on <= day:
        return point.state
    if point.became_current is not None and point.became_current <= day:
        return "current"
    if point.identified_on is not None:
        return "potential" if point.identified_on <= day else None
    # Known only as potential, with no date it became known: potential whenever asked.
    return "potential" if point.state == "potential" and point.became_current is None else None


def tier_on(point: ProjectPoint, day: dt.date) -> str:
    """The tier last decided on or before `day`; 'tbc' until one is."""
    decided = [entry for entry in point.tiers if entry[0] <= day]
    if not decided:
        return "tbc"
    return max(decided, key=lambda entry: entry[0])[1]


def _became_tier_1(point: ProjectPoint, start: dt.date, end: dt.date) -> bool:
    """Its tier became 1 in [start, end]: a decision of tier 1 in the period after a tier other than 1."""
    ordered = sorted(point.tiers, key=lambda entry: entry[0])
    previous = "tbc"
    for day, tier, _ in ordered:
        if start <= day <= end and tier == "1" and previous != "1":
            return True
        previous = tier
    return False


def _deca_assessed(point: ProjectPoint, day: dt.date) -> bool:
    return any(method == "deca" and decided <= day for decided, _, method in point.tiers)


def tier_measure(tier: str) -> str:
    """The snapshot's measure for a tier: 'tier_1', 'tier_2', 'tier_3' or 'tbc'."""
    return "tbc" if tier == "tbc" else f"tier_{tier}"


def month_counts(points: Iterable[ProjectPoint], month: dt.date) -> dict[tuple[str, str], int]:
    """The month-end snapshot of each portfolio: current by tier, current in all, potential at the month's end,
    and projects closed during the month."""
    last = month_end(month)
    counts: Counter = Counter()
    for point in points:
        state = state_on(point, last)
        if state == "current":
            counts[(point.portfolio, "current")] += 1
            counts[(point.portfolio, tier_measure(tier_on(point, last)))] += 1
        elif state == "potential":
            counts[(point.portfolio, "potential")] += 1
        elif state in CLOSED_STATES and point.closed_on is not None and point.closed_on >= month:
            counts[(point.portfolio, "closed")] += 1
    return dict(counts)


def month_table(snapshots: Iterable[SnapshotPoint], portfolios: Sequence[str]) -> list[MonthRow]:
    """Section D: a row per month, oldest first."""
    return [
        MonthRow(
            s.month,
            s.total("current"),
            s.total("tier_1"),
            s.total("potential"),
            s.total("closed"),
            tuple(s.of(code, "current") for code in portfolios),
        )
        for s in sorted(snapshots, key=lambda s: s.month)
    ]


# --- the report's figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    counts: str
    of: str = ""

    def matches(self, key: str) -> bool:
        pattern = re.escape(self.key).replace(re.escape("<stage>"), "[a-z_]+")
        for name in ("<theme>", "<portfolio>"):
            pattern = pattern.replace(re.escape(name), "[a-z0-9_-]+")
        return re.fullmatch(pattern, key) is not None


FIGURES: tuple[FigureDefinition, ...] = (
    FigureDefinition("tier_1", "current projects with tier 1 at the as-at date"),
    FigureDefinition("total_current", "current projects, all tiers and TBC, at the as-at date"),
    FigureDefinition("potential", "potential projects (known, not yet approved or started) at the as-at date"),
    FigureDefinition(
        "ending_this_year",
        "current projects with a forecast end on or before 31 March of this financial year",
        "total current",
    ),
    FigureDefinition(
        "ending_next_year", "current projects forecast to end in the next financial year", "total current"
    ),
    FigureDefinition("tier_1_ending_this_year", "tier 1 projects forecast to end in this financial year", "tier 1 now"),
    FigureDefinition("tier_1_added", "projects whose tier became 1 in the period"),
    FigureDefinition("tier_1_completed", "tier 1 projects closed as completed in the period"),
    FigureDefinition("closures", "the sum of the monthly stopped/completed counts over the period's months"),
    FigureDefinition("closures_completed", "projects closed as completed in the period", "closures in the period"),
    FigureDefinition("tier_1_stage_<stage>", "tier 1 projects in that stage", "tier 1 now"),
    FigureDefinition("tier_1_pre_implementation", "tier 1 projects in Analyse or Plan", "tier 1 now"),
    FigureDefinition("tier_1_theme_<theme>", "tier 1 projects of that predominant theme", "tier 1 now"),
    FigureDefinition("theme_<theme>", "current projects of that predominant theme", "total current"),
    FigureDefinition("potential_theme_<theme>", "potential projects of that predominant theme", "potential now"),
    FigureDefinition("portfolio_current_<portfolio>", "the portfolio's current projects", "total current"),
    FigureDefinition("portfolio_potential_<portfolio>", "the portfolio's potential projects", "potential now"),
    FigureDefinition(
        "portfolio_closures_<portfolio>", "the portfolio's monthly closed counts over the period", "closures"
    ),
    FigureDefinition("deca_assessed", "current projects with a DECA assessment", "total current"),
    FigureDefinition("tbc", "current projects awaiting a tier (TBC)"),
)


def definition_of(key: str) -> FigureDefinition | None:
    exact = [d for d in FIGURES if d.key == key]
    if exact:
        return exact[0]
    patterns = [d for d in FIGURES if "<" in d.key and d.matches(key)]
    # The most specific pattern first: 'tier_1_theme_x' before 'theme_x'.
    return max(patterns, key=lambda d: len(d.key)) if patterns else None


def report_figures(
    points: Sequence[ProjectPoint],
    snapshots: Sequence[SnapshotPoint],
    start: dt.date,
    end: dt.date,
    portfolios: Sequence[str],
    themes: Sequence[str],
) -> dict[str, int | Figure]:
    """Every figure of the report for the period [start, end] (the as-at date is `end`)."""
    now = {p.reference: state_on(p, end) for p in points}
    current = [p for p in points if now[p.reference] == "current"]
    potential = [p for p in points if now[p.reference] == "potential"]
    tier_1 = [p for p in current if tier_on(p, end) == "1"]
    total, n1, npot = len(current), len(tier_1), len(potential)
    this_year = financial_year_end(end)
    next_year = dt.date(this_year.year + 1, 3, 31)
    months = {s.month: s for s in snapshots}
    period = [months[m] for m in months_between(start, end) if m in months]
    closures = sum(s.total("closed") for s in period)
    closed = [p for p in points if p.state in CLOSED_STATES and p.closed_on and start <= p.closed_on <= end]
    completed = [p for p in closed if p.state == "completed"]

    def share(items, of: int) -> Figure:
        return Figure.from_counts(len(items), of)

    figures: dict[str, int | Figure] = {
        "tier_1": n1,
        "total_current": total,
        "potential": npot,
        "ending_this_year": share([p for p in current if p.forecast_end and p.forecast_end <= this_year], total),
        "ending_next_year": share(
            [p for p in current if p.forecast_end and this_year < p.forecast_end <= next_year], total
        ),
        "tier_1_ending_this_year": share([p for p in tier_1 if p.forecast_end and p.forecast_end <= this_year], n1),
        "tier_1_added": sum(1 for p in points if _became_tier_1(p, start, end)),
        "tier_1_completed": sum(1 for p in completed if tier_on(p, p.closed_on) == "1"),
        "closures": closures,
        "closures_completed": Figure.from_counts(len(completed), closures),
        "tier_1_pre_implementation": share([p for p in tier_1 if p.stage in ("analyse", "plan")], n1),
        "deca_assessed": share([p for p in current if _deca_assessed(p, end)], total),
        "tbc": sum(1 for p in current if tier_on(p, end) == "tbc"),
    }
    for stage in STAGES:
        figures[f"tier_1_stage_{stage}"] = share([p for p in tier_1 if p.stage == stage], n1)
    for theme in themes:
        figures[f"tier_1_theme_{theme}"] = share([p for p in tier_1 if p.theme == theme], n1)
        figures[f"theme_{theme}"] = share([p for p in current if p.theme == theme], total)
        figures[f"potential_theme_{theme}"] = share([p for p in potential if p.theme == theme], npot)
    for code in portfolios:
        figures[f"portfolio_current_{code}"] = share([p for p in current if p.portfolio == code], total)
        figures[f"portfolio_potential_{code}"] = share([p for p in potential if p.portfolio == code], npot)
        figures[f"portfolio_closures_{code}"] = Figure.from_counts(
            sum(s.of(code, "closed") or 0 for s in period), closures
        )
    return figures


def plain(figures: Mapping[str, int | Figure]) -> dict:
    """The figures as JSON: a count, or {count, of, percent}."""
    return {key: value.as_dict() if isinstance(value, Figure) else value for key, value in figures.items()}


def changes(figures: Mapping[str, int | Figure], previous: Mapping[str, object]) -> dict[str, int]:
    """Each figure against the previous report's (stored as `plain` gives them): a count's difference, or a
    share's difference in percentage points. Figures the previous report did not give are left out."""
    found: dict[str, int] = {}
    for key, value in figures.items():
        before = previous.get(key)
        if before is None:
            continue
        if isinstance(value, Figure):
            was = before.get("percent") if isinstance(before, Mapping) else None
            if value.percent is not None and was is not None:
                found[key] = value.percent - int(was)
        elif isinstance(before, int) and not isinstance(before, bool):
            found[key] = value - before
    return found


def signed(n: int, unit: str = "") -> str:
    """'+3 points', '−16', 'no change'."""
    if n == 0:
        return "no change"
    words = f"{'+' if n > 0 else '−'}{abs(n)}"
    return f"{words} {unit}".strip() if unit else words


# --- the tier 1 snapshot's money -----------------------------------------------------------------------------


def money_text(pence: int | None) -> str:
    """£11m, £2.166m, £642k, £40k, £950: as the report writes amounts (up to three decimals of millions)."""
    if pence is None:
        return ""
    sign = "−" if pence < 0 else ""
    pounds = Decimal(abs(pence)) / 100
    if pounds >= 1_000_000:
        millions = (pounds / 1_000_000).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize()
        return f"{sign}£{millions:f}m"
    if pounds >= 1000:
        thousands = (pounds / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
        return f"{sign}£{thousands:f}k"
    return f"{sign}£{pounds.quantize(Decimal('1'), rounding=ROUND_HALF_UP):,}"


def signed_money(pence: int) -> str:
    """+£40k, −£565k."""
    return ("+" if pence > 0 else "") + money_text(pence)


@dataclass(frozen=True)
class Money:
    pence: int | None
    text: str = ""
    external_pence: int | None = None
    kind: str = ""


def cost_words(money: Money) -> str:
    words = money.text or money_text(money.pence) or "TBC"
    if money.text and money.pence is not None:
        words = f"{money_text(money.pence)} {money.text}"
    if money.external_pence:
        words += f" ({money_text(money.external_pence)} external funding)"
    return words


def benefit_words(money: Money) -> str:
    if money.kind == "non_financial":
        return "Non-financial"
    if money.kind == "tbc" or (money.pence is None and not money.text):
        return "TBC"
    words = money.text or money_text(money.pence)
    if money.text and money.pence is not None:
        words = f"{money_text(money.pence)} {money.text}"
    if money.kind == "cost_avoidance":
        words += " (cost avoidance)"
    elif money.kind == "target":
        words += " (target)"
    return words


# --- tiers and effort ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewDue:
    reference: str
    due_on: dt.date
    overdue: bool


def review_due(
    last_review: dt.date | None, tier_decided: dt.date | None, every_months: int | None, today: dt.date
) -> dt.date | None:
    """When a project's next assurance review falls due: `every_months` after its last review (or after its tier
    was decided, if never reviewed). None when its tier sets no interval."""
    base = last_review or tier_decided
    if base is None or not every_months:
        return None
    month = base.month - 1 + every_months
    year = base.year + month // 12
    month = month % 12 + 1
    day = min(base.day, month_end(dt.date(year, month, 1)).day)
    return dt.date(year, month, day)
