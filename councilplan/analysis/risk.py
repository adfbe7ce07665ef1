"""Risk figures (spec/risk.md): scores, bands, direction of travel, the 5×5 heat map, counts by band and
actions due by period and status.

Pure functions on plain records: no Django, no I/O. The scale (band edges and labels, likelihood and
impact labels) is passed in, so an organisation's own configuration is used everywhere alike; `DEFAULT_SCALE`
is KCC's (seed 004).

A score is likelihood × impact, each 1 to 5, so only 14 scores can happen: 1, 2, 3, 4, 5, 6, 8, 9, 10, 12,
15, 16, 20 and 25 (7, 11, 13, 14, 17, 18, 19, 21, 22, 23 and 24 cannot). A scale's bands must cover every
possible score exactly once; a gap between bands that holds no possible score (KCC's Low 1–6 / Medium 8–15
leaves 7) is fine, a gap or an overlap on a possible score is refused (`validate_bands`).

Direction of travel: in a risk register ↓ means the risk score FELL (the risk reduced). In the KPI report
↓ means performance worsened. So every label here carries words as well as the arrow.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ACTION_STATUSES",
    "DEFAULT_SCALE",
    "DIRECTIONS",
    "POSSIBLE_SCORES",
    "ActionDue",
    "ActionPoint",
    "Band",
    "Direction",
    "HeatCell",
    "Position",
    "RegisterFigures",
    "ReviewPoint",
    "Scale",
    "actions_due",
    "approximate_date",
    "band_for",
    "counts_by_band",
    "direction",
    "heat_map",
    "heat_map_rows",
    "register_figures",
    "score",
    "validate_bands",
]

LEVELS = (1, 2, 3, 4, 5)
POSSIBLE_SCORES: tuple[int, ...] = tuple(sorted({likelihood * impact for likelihood in LEVELS for impact in LEVELS}))


def score(likelihood: int, impact: int) -> int:
    """likelihood × impact, each a whole number from 1 to 5."""
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
            raise ValueError(f"{name} must be a whole number from 1 to 5, not {value!r}")
    return likelihood * impact


# --- the scale: bands and labels -------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """A risk level. `code` is fixed (files and the JSON use it), `label` is what people read."""

    code: str
    label: str
    lowest: int
    highest: int

    def __contains__(self, value: int) -> bool:
        return self.lowest <= value <= self.highest

    @property
    def range_text(self) -> str:
        """ "1–6", as the seed prints a band."""
        return f"{self.lowest}–{self.highest}"


@dataclass(frozen=True)
class Scale:
    """The organisation's risk scale: bands lowest first, and a label for each likelihood and impact 1–5."""

    bands: tuple[Band, ...]
    likelihood_labels: dict[int, str] = field(default_factory=dict)
    impact_labels: dict[int, str] = field(default_factory=dict)

    def __post_init__(self):
        validate_bands(self.bands)

    def band(self, value: int) -> Band:
        return band_for(value, self.bands)

    def likelihood(self, value: int) -> str:
        """ "Possible (3)", as the seed prints it; just "3" without a label."""
        return _level_text(self.likelihood_labels, value)

    def impact(self, value: int) -> str:
        return _level_text(self.impact_labels, value)


def _level_text(labels: dict[int, str], value: int) -> str:
    label = labels.get(value, "")
    return f"{label} ({value})" if label else str(value)


def validate_bands(bands: Sequence[Band]) -> None:
    """Refuse a set of bands that leaves a possible score without a band or gives it two, or whose codes
    repeat. Gaps on impossible scores (7, 11, 13 …) are allowed: nothing can fall in them."""
    if not bands:
        raise ValueError("a risk scale needs at least one band")
    problems = []
    codes = [band.code for band in bands]
    if len(set(codes)) != len(codes):
        problems.append("two bands have the same code")
    for band in bands:
        if band.lowest > band.highest:
            problems.append(f"{band.label} starts at {band.lowest}, after its end {band.highest}")
    for value in POSSIBLE_SCORES:
        holding = [band.label for band in bands if value in band]
        if not holding:
            problems.append(f"a score of {value} is in no band")
        elif len(holding) > 1:
            problems.append(f"a score of {value} is in more than one band ({', '.join(holding)})")
    if problems:
        raise ValueError("; ".join(problems))


def band_for(value: int, bands: Sequence[Band]) -> Band:
    """The band holding `value`. A value in no band (only an impossible score, once the bands are
    validated: 7 with KCC's bands) is an error rather than a guess."""
    for band in bands:
        if value in band:
            return band
    raise ValueError(f"a score of {value} is in no band ({', '.join(f'{b.label} {b.range_text}' for b in bands)})")


DEFAULT_SCALE = Scale(
    bands=(
        Band("low", "Low", 1, 6),
        Band("medium", "Medium", 8, 15),
        Band("high", "High", 16, 25),
    ),
    # Seed 004 prints levels 2 to 5; the level 1 labels are chosen (councilplan/risks/sample/README.md).
    likelihood_labels={1: "Very unlikely", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Very Likely"},
    impact_labels={1: "Minor", 2: "Moderate", 3: "Significant", 4: "Serious", 5: "Major"},
)


# --- direction of travel ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    """`code`: down, same, up, context_changed or new. `previous`: the score compared with (down, same, up)."""

    code: str
    previous: int | None = None

    @property
    def symbol(self) -> str:
        return DIRECTIONS[self.code][0]

    @property
    def label(self) -> str:
        """Unambiguous words with the arrow: "↓ Risk score fell (was 20)"."""
        symbol, words = DIRECTIONS[self.code]
        if self.previous is not None and self.code != "same":
            return f"{symbol} {words} (was {self.previous})"
        return f"{symbol} {words}"


# code -> (the seed's symbol, words that cannot be read the KPI report's way)
DIRECTIONS: dict[str, tuple[str, str]] = {
    "down": ("↓", "Risk score fell"),
    "same": ("↔", "Risk score unchanged"),
    "up": ("↑", "Risk score rose"),
    "context_changed": ("**", "Context changed: no comparison"),
    "new": ("NEW", "New risk"),
}


@dataclass(frozen=True)
class ReviewPoint:
    """One review of one risk: the current scores it recorded and whether the risk's context changed."""

    reviewed_on: date
    likelihood: int
    impact: int
    context_changed: bool = False

    @property
    def score(self) -> int:
        return score(self.likelihood, self.impact)


def direction(reviews: Iterable[ReviewPoint]) -> Direction:
    """Direction of travel at the latest review, since the review before it.

    No review before it: new. The latest review says the risk's context changed: no comparison (`**`).
    Otherwise the current score fell (down), stayed (same) or rose (up). Reviews on the same day keep the
    order given (the later one is the latest). No reviews at all: new."""
    ordered = sorted(reviews, key=lambda review: review.reviewed_on)  # stable: same-day order kept
    if len(ordered) < 2:
        return Direction("new")
    latest, previous = ordered[-1], ordered[-2]
    if latest.context_changed:
        return Direction("context_changed")
    now, then = latest.score, previous.score
    if now < then:
        return Direction("down", then)
    if now > then:
        return Direction("up", then)
    return Direction("same", then)


# --- positions, heat map and counts ----------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    """A risk's place on the heat map: its code and a likelihood and impact (current or target)."""

    code: str
    likelihood: int
    impact: int

    @property
    def score(self) -> int:
        return score(self.likelihood, self.impact)


def heat_map(positions: Iterable[Position]) -> dict[tuple[int, int], tuple[str, ...]]:
    """(likelihood, impact) -> the codes there, in the order given, for all 25 cells (empty ones too)."""
    cells: dict[tuple[int, int], list[str]] = {(lk, im): [] for lk in LEVELS for im in LEVELS}
    for position in positions:
        score(position.likelihood, position.impact)  # refuses a position off the grid
        cells[(position.likelihood, position.impact)].append(position.code)
    return {key: tuple(codes) for key, codes in cells.items()}


@dataclass(frozen=True)
class HeatCell:
    likelihood: int
    impact: int
    score: int
    band: Band
    codes: tuple[str, ...]


def heat_map_rows(cells: dict[tuple[int, int], tuple[str, ...]], scale: Scale) -> list[list[HeatCell]]:
    """The heat map laid out for a page: a row per likelihood, most likely first, a cell per impact, each
    with its score and band (so a page can colour and name it without working anything out)."""
    return [
        [HeatCell(lk, im, lk * im, scale.band(lk * im), cells.get((lk, im), ())) for im in LEVELS]
        for lk in reversed(LEVELS)
    ]


def counts_by_band(scores: Iterable[int], bands: Sequence[Band]) -> dict[str, int]:
    """Band code -> how many of the scores fall in it, every band present, lowest band first."""
    counts = {band.code: 0 for band in bands}
    for value in scores:
        counts[band_for(value, bands).code] += 1
    return counts


# --- actions ---------------------------------------------------------------------------------------------

ACTION_STATUSES: dict[str, str] = {
    "completed": "Completed / closed",
    "outstanding": "Outstanding or partially complete",
    "regular_review": "Regular review",
}

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTH_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{4})\b")


def approximate_date(text: str) -> date | None:
    """The date an approximate planned completion date stands for: the last day of the month it names.

    "March 2018", "January 2018 (review)" and "Up to March 2018" all give 31 March / 31 January 2018; the
    last month named wins ("November 2017 to February 2018" → 28 February 2018). None when no month and
    year are named ("Ongoing")."""
    found = None
    for word, year in _MONTH_YEAR.findall(text or ""):
        month = _MONTHS.get(word.lower())
        if month:
            found = (int(year), month)
    if found is None:
        return None
    year, month = found
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ActionPoint:
    """One mitigating action: when it is due (None: no date) and its status code (ACTION_STATUSES)."""

    due: date | None
    status: str


@dataclass(frozen=True)
class ActionDue:
    """One row of "actions due by period": the period's label and its counts by status code."""

    label: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def actions_due(actions: Iterable[ActionPoint], up_to: Sequence[tuple[str, date]]) -> list[ActionDue]:
    """Actions by due period and status, as the quarterly report prints them.

    `up_to`: (label, last day) pairs, earliest first; each row counts the actions due after the previous
    row's last day and on or before its own ("September 2017" = everything due up to 30 September 2017).
    Then a row "<later label>" for actions due after the last day, and "No date" for actions without one
    (both always present). An unknown status is an error."""
    ends = [end for _, end in up_to]
    if ends != sorted(ends) or len(set(ends)) != len(ends):
        raise ValueError("periods must be given earliest first, each ending on a different day")
    labels = [label for label, _ in up_to]
    after = f"After {up_to[-1][0]}" if up_to else "Dated"
    rows = {label: dict.fromkeys(ACTION_STATUSES, 0) for label in [*labels, after, "No date"]}
    for action in actions:
        if action.status not in ACTION_STATUSES:
            raise ValueError(f"unknown action status {action.status!r}")
        due = action.due
        label = "No date" if due is None else next((lab for lab, end in up_to if due <= end), after)
        rows[label][action.status] += 1
    return [ActionDue(label, counts) for label, counts in rows.items()]


# --- a register's figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterFigures:
    """What a register document prints: counts by band, the two heat maps, each risk's direction."""

    current_counts: dict[str, int]
    target_counts: dict[str, int]
    current_map: dict[tuple[int, int], tuple[str, ...]]
    target_map: dict[tuple[int, int], tuple[str, ...]]
    directions: dict[str, Direction]


def register_figures(
    current: Sequence[Position],
    target: Sequence[Position],
    reviews: dict[str, Sequence[ReviewPoint]],
    scale: Scale,
) -> RegisterFigures:
    """The figures of one register: `current` and `target` hold one position per risk, `reviews` each
    risk's reviews by code (a risk without reviews is new)."""
    return RegisterFigures(
        current_counts=counts_by_band((p.score for p in current), scale.bands),
        target_counts=counts_by_band((p.score for p in target), scale.bands),
        current_map=heat_map(current),
        target_map=heat_map(target),
        directions={p.code: direction(reviews.get(p.code, ())) for p in current},
    )
