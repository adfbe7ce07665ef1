"""Building the plan (spec/planning.md): the long list's figures, the gaps to follow up, and prioritisation
(weighted scores and ranks).

Pure functions on plain records (`Submission`, `Criterion`): no Django, no I/O.

**Three bases.** A figure is a count out of one of three sets of submissions:

- `submissions`: every activity submitted through the call for activity (KCC: 183);
- `long_list`: those the long-list review kept, i.e. not removed as operational delivery or core business
  (KCC: 171; before the review, every submission);
- `short_list`: those decided for the short list (KCC: 79).

`figures_for(...)` gives every figure on one base; `headline_figures(...)` gives each of the seed's figures on
the base the seed used for it (`HEADLINE_BASES`, with the seed's words). Percentages are `figures.percent`:
rounded half up, null when the base is empty.

**Scores.** Each criterion has a scale (`low`..`high`, whole numbers) and a weight. An activity's score is
Σ weight × score, out of Σ weight × high; it is only complete when every criterion is scored. Ranks are by
score out of the maximum, highest first, with equal scores sharing a rank (1, 2, 2, 4: "standard competition"
ranking); activities not fully scored come last, unranked. All arithmetic is exact (Decimal and Fraction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from councilplan.analysis.planning_choices import DONE_OR_IN_PROGRESS, REMOVED_AT_REVIEW, SHORT_LIST, SUPPORT_SERVICES

from .figures import Figure

__all__ = [
    "BASES",
    "FIGURE_KEYS",
    "GAPS",
    "HEADLINE_BASES",
    "Criterion",
    "DecaProfile",
    "Ranked",
    "Score",
    "Submission",
    "base_members",
    "breakdown",
    "deca_profile",
    "figures_for",
    "gaps",
    "gap_figures",
    "headline_figures",
    "outcome_key",
    "plain",
    "rank",
    "stage_counts",
    "weighted_score",
]

SUBMISSIONS, LONG_LIST, SHORT_LIST_BASE = "submissions", "long_list", "short_list"
BASES = (SUBMISSIONS, LONG_LIST, SHORT_LIST_BASE)
BASE_NAMES = {SUBMISSIONS: "all submissions", LONG_LIST: "the long list", SHORT_LIST_BASE: "the short list"}

# The figures of spec/planning.md, in the order the JSON lists them (then one `outcome_<n>` per outcome).
FIGURE_KEYS = (
    "support_strategic_commissioning",
    "support_finance",
    "support_any",
    "capacity_unsure",
    "revenue_costs_identified",
    "eqia_done_or_in_progress",
    "dpia_done_or_in_progress",
    "part_of_programme",
    "in_delivery",
)
FIGURE_NAMES = {
    "support_strategic_commissioning": "Need support from Strategic Commissioning",
    "support_finance": "Need support from Finance",
    "support_any": "Need support from other services",
    "capacity_unsure": "Unsure about the capacity needed",
    "revenue_costs_identified": "Revenue investment costs identified",
    "eqia_done_or_in_progress": "EQIA initial screening completed or in progress",
    "dpia_done_or_in_progress": "DPIA completed or in progress",
    "part_of_programme": "Part of a programme or project",
    "in_delivery": "Already in delivery",
    "cross_cutting": "Cross-cutting or corporate enabling",
}
OUTCOMES = "outcome"  # the key of HEADLINE_BASES for every outcome_<n>

# Which base the seed (002) used for each figure, and the words that say so. A percentage "of short list
# activity" is of the short list; "of responses" is of the submissions (the form's responses, which the
# automatic analysis of the form counted). Where the seed does not say, the submissions, as for its other
# figures from the form's analysis. 73% (Strategic Commissioning) of the short list and 71% (any support) of
# the same activities cannot both hold, so "71% of activity" is read as of the submissions.
HEADLINE_BASES: dict[str, tuple[str, str]] = {
    "support_strategic_commissioning": (SHORT_LIST_BASE, "§4.6: “73% of short list activity”"),
    "support_finance": (SHORT_LIST_BASE, "§4.8: “Strategic Commissioning (73%) and Finance (63%)”, as §4.6"),
    "support_any": (SUBMISSIONS, "§4.8: “71% of activity requires support”"),
    "capacity_unsure": (SUBMISSIONS, "§4.7: “32% of responses”"),
    "revenue_costs_identified": (SUBMISSIONS, "§4.10: “54% of activity responses”"),
    "eqia_done_or_in_progress": (SUBMISSIONS, "§4.11: “29% of activity”"),
    "dpia_done_or_in_progress": (SUBMISSIONS, "§4.11: “21%”"),
    "part_of_programme": (SHORT_LIST_BASE, "§5.2: “53% of the activity in the short list”"),
    "in_delivery": (SHORT_LIST_BASE, "§2.8: the 79 short-listed, “the majority of these activities (89%)”"),
    OUTCOMES: (SUBMISSIONS, "§4.9: “38% of activity is within Outcome 2”, “cross-cutting enabling activity (21%)”"),
}

GAPS = {
    "no_financial_information": "No financial information",
    "no_eqia": "No EQIA",
    "no_dpia": "No DPIA",
}


# --- records --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """One submission as the analysis sees it. Amounts are None when not known; codes are choices.py's."""

    number: int
    title: str
    outcome: str = ""
    activity_type: str = ""
    directorate: str = ""
    in_delivery: bool = False
    part_of_programme: bool = False
    capacity: str = ""
    support: tuple[str, ...] = ()
    capital_cost: Decimal | None = None
    revenue_cost: Decimal | None = None
    savings: Decimal | None = None
    income: Decimal | None = None
    eqia: str = "not_started"
    dpia: str = "not_started"
    review: str = "pending"
    decision: str = ""
    scores: Mapping[str, int] = field(default_factory=dict)
    deca: Mapping[str, str] = field(default_factory=dict)

    @property
    def in_long_list(self) -> bool:
        return self.review not in REMOVED_AT_REVIEW

    @property
    def in_short_list(self) -> bool:
        return self.in_long_list and self.decision == SHORT_LIST


@dataclass(frozen=True)
class Criterion:
    """A prioritisation criterion: scores are whole numbers from `low` to `high`, counted `weight` times."""

    code: str
    label: str
    weight: Decimal = Decimal(1)
    low: int = 1
    high: int = 5

    def __post_init__(self):
        if self.low >= self.high:
            raise ValueError(f"criterion {self.code!r}: the scale's top ({self.high}) must be above its bottom")
        if Decimal(self.weight) < 0:
            raise ValueError(f"criterion {self.code!r}: a weight cannot be negative ({self.weight})")


# --- the long list's figures ----------------------------------------------------------------------------


def base_members(submissions: Iterable[Submission], base: str) -> list[Submission]:
    if base == SUBMISSIONS:
        return list(submissions)
    if base == LONG_LIST:
        return [s for s in submissions if s.in_long_list]
    if base == SHORT_LIST_BASE:
        return [s for s in submissions if s.in_short_list]
    raise ValueError(f"unknown base {base!r}: one of {', '.join(BASES)}")


def stage_counts(submissions: Sequence[Submission]) -> dict[str, int]:
    """{"submissions": 183, "long_list": 171, "short_list": 79}."""
    return {base: len(base_members(submissions, base)) for base in BASES}


def outcome_key(number: int) -> str:
    return f"outcome_{number}"


def _has_any_amount(s: Submission) -> bool:
    return any(amount is not None for amount in (s.capital_cost, s.revenue_cost, s.savings, s.income))


def _tests(services: Sequence[str]) -> dict[str, object]:
    tests = {
        "support_strategic_commissioning": lambda s: "strategic_commissioning" in s.support,
        "support_finance": lambda s: "finance" in s.support,
        "support_any": lambda s: bool(s.support),
        "capacity_unsure": lambda s: s.capacity == "unsure",
        "revenue_costs_identified": lambda s: s.revenue_cost is not None,
        "eqia_done_or_in_progress": lambda s: s.eqia in DONE_OR_IN_PROGRESS,
        "dpia_done_or_in_progress": lambda s: s.dpia in DONE_OR_IN_PROGRESS,
        "part_of_programme": lambda s: s.part_of_programme,
        "in_delivery": lambda s: s.in_delivery,
    }
    for code in services:
        tests.setdefault(f"support_{code}", lambda s, code=code: code in s.support)
    return tests


def figures_for(
    members: Sequence[Submission], outcomes: Sequence[str], cross_cutting: str | None = None
) -> dict[str, Figure]:
    """Every figure on one base: FIGURE_KEYS, `support_<service>` for every service, `outcome_<n>` for the
    outcomes in order (1-based) and `cross_cutting` (the cross-cutting outcome's share) when one is named."""
    of = len(members)
    services = [code for code, _ in SUPPORT_SERVICES]
    result = {key: Figure.from_counts(sum(1 for s in members if test(s)), of) for key, test in _tests(services).items()}
    for number, title in enumerate(outcomes, start=1):
        result[outcome_key(number)] = Figure.from_counts(sum(1 for s in members if s.outcome == title), of)
    if cross_cutting is not None:
        result["cross_cutting"] = Figure.from_counts(sum(1 for s in members if s.outcome == cross_cutting), of)
    return result


def headline_figures(submissions: Sequence[Submission], outcomes: Sequence[str]) -> dict[str, Figure]:
    """The seed's figures, each on its own base (HEADLINE_BASES): FIGURE_KEYS then `outcome_<n>` per outcome."""
    by_base = {base: figures_for(base_members(submissions, base), outcomes) for base in BASES}
    result = {key: by_base[HEADLINE_BASES[key][0]][key] for key in FIGURE_KEYS}
    outcome_base = HEADLINE_BASES[OUTCOMES][0]
    for number in range(1, len(outcomes) + 1):
        result[outcome_key(number)] = by_base[outcome_base][outcome_key(number)]
    return result


def breakdown(
    submissions: Sequence[Submission], attribute: str, order: Sequence[str] = ()
) -> list[tuple[str, dict[str, Figure]]]:
    """Counts and shares of each value of `attribute` (outcome, activity_type, directorate) on every base:
    [(value, {base: Figure})], values in `order` first (even when none has them), then the others by name."""
    members = {base: base_members(submissions, base) for base in BASES}
    values = list(dict.fromkeys([*order, *sorted({getattr(s, attribute) for s in submissions} - set(order))]))
    return [
        (
            value,
            {
                base: Figure.from_counts(sum(1 for s in group if getattr(s, attribute) == value), len(group))
                for base, group in members.items()
            },
        )
        for value in values
    ]


def gaps(s: Submission) -> tuple[str, ...]:
    """What a submission lacks, for follow-up: no amount at all (capital, revenue, savings or income), an EQIA or
    a DPIA not started (completed, in progress and "not required" are not gaps)."""
    found = []
    if not _has_any_amount(s):
        found.append("no_financial_information")
    if s.eqia not in (*DONE_OR_IN_PROGRESS, "not_required"):
        found.append("no_eqia")
    if s.dpia not in (*DONE_OR_IN_PROGRESS, "not_required"):
        found.append("no_dpia")
    return tuple(found)


def gap_figures(members: Sequence[Submission]) -> dict[str, Figure]:
    """How many of `members` have each gap, and how many have at least one (`any_gap`)."""
    found = [set(gaps(s)) for s in members]
    result = {code: Figure.from_counts(sum(1 for g in found if code in g), len(members)) for code in GAPS}
    result["any_gap"] = Figure.from_counts(sum(1 for g in found if g), len(members))
    return result


# --- prioritisation -------------------------------------------------------------------------------------

_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Score:
    """A weighted score: `total` out of `maximum` (both Σ weight × score)."""

    total: Decimal
    maximum: Decimal

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.total) / Fraction(self.maximum)

    @property
    def percent(self) -> Decimal:
        """Score out of the maximum as a percentage, rounded half up to one decimal place."""
        return (Decimal(100) * self.total / self.maximum).quantize(_TENTH, rounding=ROUND_HALF_UP)

    def __str__(self) -> str:
        return f"{plain(self.total)} out of {plain(self.maximum)}"


def plain(value: Decimal) -> str:
    """14 rather than 14.00; 15.5 rather than 15.50."""
    text = format(value.normalize(), "f")
    return text


def weighted_score(scores: Mapping[str, int], criteria: Sequence[Criterion]) -> Score | None:
    """Σ weight × score over the criteria, out of Σ weight × top of scale; None until every criterion is scored
    (or when the weights add up to nothing). A score off its scale is an error."""
    if not criteria:
        return None
    total = maximum = Decimal(0)
    for criterion in criteria:
        value = scores.get(criterion.code)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not criterion.low <= value <= criterion.high:
            raise ValueError(
                f"{criterion.label}: a score is a whole number from {criterion.low} to {criterion.high}, not {value!r}"
            )
        weight = Decimal(criterion.weight)
        total += weight * value
        maximum += weight * criterion.high
    if maximum == 0:
        return None
    return Score(total, maximum)


@dataclass(frozen=True)
class Ranked:
    number: int
    score: Score | None
    rank: int | None  # None: not fully scored
    tied: bool = False  # shares its rank with another activity

    @property
    def rank_text(self) -> str:
        if self.rank is None:
            return "Not ranked"
        return f"={self.rank}" if self.tied else str(self.rank)


def rank(items: Iterable[tuple[int, Score | None]]) -> list[Ranked]:
    """Rank (number, score) pairs: highest score out of its maximum first; equal scores share the rank and the
    next rank skips (1, 2, 2, 4); equal scores are listed by number. Unscored items follow, by number."""
    items = list(items)
    scored = sorted((pair for pair in items if pair[1] is not None), key=lambda p: (-p[1].fraction, p[0]))
    unscored = sorted(pair for pair in items if pair[1] is None)
    counts: dict[Fraction, int] = {}
    for _, score in scored:
        counts[score.fraction] = counts.get(score.fraction, 0) + 1
    result: list[Ranked] = []
    previous: Fraction | None = None
    current_rank = 0
    for position, (number, score) in enumerate(scored, start=1):
        if score.fraction != previous:
            current_rank, previous = position, score.fraction
        result.append(Ranked(number, score, current_rank, counts[score.fraction] > 1))
    result.extend(Ranked(number, None, None) for number, _ in unscored)
    return result


@dataclass(frozen=True)
class DecaProfile:
    high: int
    medium: int
    low: int
    unrated: int

    def __str__(self) -> str:
        if self.high + self.medium + self.low == 0:
            return "Not rated"
        text = f"{self.high} high, {self.medium} medium, {self.low} low"
        return text + (f" ({self.unrated} not rated)" if self.unrated else "")


def deca_profile(ratings: Mapping[str, str], factors: Sequence[str]) -> DecaProfile:
    """How many of the DECA `factors` were rated high, medium and low, and how many not yet."""
    values = [ratings.get(code, "") for code in factors]
    return DecaProfile(
        values.count("high"),
        values.count("medium"),
        values.count("low"),
        sum(1 for value in values if value not in ("high", "medium", "low")),
    )
