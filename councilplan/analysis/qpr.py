"""The Quarterly Performance Report's figures (spec/qpr.md): every KPI's RAG and direction of travel against the
previous quarter, the counts per area and in total (G, A, R, ↑, ↔, ↓), and the cover's and the executive
summary's sentences derived from the counts. Pure functions on plain records: no Django, no I/O.

The rules are performance's (`analysis.performance`: RAG from value, target and floor; direction judged on
performance, a lower-is-better KPI that rose has worsened), with the report's choices:

- The period is a financial quarter, filed under its last month (Q2 2017/18 is September 2017); the direction
  compares the quarter's result with the latest one at least a quarter earlier (the previous quarter).
- The counts have no "New" column: a KPI without an earlier result, or without a result or a rating, is left out
  of the arrow or RAG counts and counted as `unrated` / `no_direction` instead (the seed's 38 all have both).
- The cover lists the arrows ↑, ↓, ↔ (as the seed's cover does), the table ↑, ↔, ↓ (as its table does). Net
  direction of travel is ↑ − ↓: positive, negative or level.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from councilplan.analysis import performance as rules

__all__ = [
    "AreaInput",
    "AreaReport",
    "Counts",
    "Qpr",
    "analyse",
    "counts",
    "cover_sentences",
    "headline_sentence",
    "net_direction",
    "parse_quarter",
    "quarter_label",
    "quarter_name",
    "summary_rows",
]

# The summary table's columns, in the seed's order (1136): key, heading.
COLUMNS = (
    ("green", "G"),
    ("amber", "A"),
    ("red", "R"),
    ("improved", "↑"),
    ("same", "↔"),
    ("worsened", "↓"),
)

_QUARTER = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*Q([1-4])\s*$", re.IGNORECASE)


def parse_quarter(text: str) -> dt.date | None:
    """ "2017-Q2" (Quarter 2 of 2017/18) → 1 September 2017, the month its results are filed under; None when
    it is not a quarter. Q1 is April–June, Q4 January–March of the following calendar year.

    >>> parse_quarter("2017-Q2"), parse_quarter("2017-q4"), parse_quarter("2017-Q5")
    (datetime.date(2017, 9, 1), datetime.date(2018, 3, 1), None)
    """
    found = _QUARTER.match(text or "")
    if not found:
        return None
    year, number = int(found.group(1)), int(found.group(2))
    if not 1900 < year < 2200:
        return None
    month = 3 + 3 * number
    return dt.date(year + 1, month - 12, 1) if month > 12 else dt.date(year, month, 1)


def quarter_name(period: dt.date) -> str:
    """1 September 2017 → "2017-Q2" (the inverse of parse_quarter; the period must end a quarter)."""
    if period.month not in (3, 6, 9, 12):
        raise ValueError(f"{period} does not end a quarter")
    year = rules.financial_year(period)
    return f"{year}-Q{rules.quarter_of(period)}"


def quarter_label(period: dt.date) -> str:
    """1 September 2017 → "Quarter 2, 2017/18"."""
    quarter_name(period)  # checks it ends a quarter
    return f"Quarter {rules.quarter_of(period)}, {rules.financial_year_name(rules.financial_year(period))}"


@dataclass(frozen=True)
class AreaInput:
    """One of the report's areas, in the report's order: its name, Cabinet Member(s) and director."""

    key: str
    name: str
    cabinet_members: tuple[str, ...] = ()
    director: str = ""
    director_title: str = "Corporate Director"


@dataclass(frozen=True)
class Counts:
    green: int = 0
    amber: int = 0
    red: int = 0
    improved: int = 0
    same: int = 0
    worsened: int = 0
    kpis: int = 0
    unrated: int = 0  # no RAG: no result this year, or no target and floor
    no_direction: int = 0  # no result, or no earlier one to compare with

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self._values(), other._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (
            self.green,
            self.amber,
            self.red,
            self.improved,
            self.same,
            self.worsened,
            self.kpis,
            self.unrated,
            self.no_direction,
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "green": self.green,
            "amber": self.amber,
            "red": self.red,
            "improved": self.improved,
            "same": self.same,
            "worsened": self.worsened,
            "kpis": self.kpis,
            "unrated": self.unrated,
            "no_direction": self.no_direction,
        }

    @property
    def net_direction(self) -> int:
        return self.improved - self.worsened


def counts(rows: Sequence[rules.KpiRow]) -> Counts:
    """G, A, R, ↑, ↔, ↓ over these KPI rows, with how many had no rating or no direction."""
    rags = [r.rag for r in rows]
    directions = [r.direction for r in rows]
    return Counts(
        green=rags.count(rules.GREEN),
        amber=rags.count(rules.AMBER),
        red=rags.count(rules.RED),
        improved=directions.count(rules.IMPROVED),
        same=directions.count(rules.SAME),
        worsened=directions.count(rules.WORSENED),
        kpis=len(rows),
        unrated=sum(1 for r in rags if r is None),
        no_direction=sum(1 for d in directions if d in (None, rules.NEW)),
    )


@dataclass(frozen=True)
class AreaReport:
    area: AreaInput
    kpis: tuple[rules.KpiRow, ...]
    activities: tuple[rules.ActivityRow, ...]
    counts: Counts


@dataclass(frozen=True)
class Qpr:
    period: dt.date  # the quarter's last month
    areas: tuple[AreaReport, ...]
    total: Counts

    @property
    def kpis(self) -> list[rules.KpiRow]:
        return [row for area in self.areas for row in area.kpis]

    @property
    def label(self) -> str:
        return quarter_label(self.period)


def analyse(areas: Sequence[AreaInput], indicators: Sequence[rules.Indicator], period: dt.date) -> Qpr:
    """Every area's KPIs (and activity indicators) at the quarter ending in `period`'s month, in the areas' order
    and the indicators' order given, with each area's counts and the total. Every area is kept, with or without
    indicators (the report prints each of its fixed areas)."""
    quarter_name(period)
    mine: dict[str, list[rules.Indicator]] = {}
    for indicator in indicators:
        mine.setdefault(indicator.area, []).append(indicator)
    reports = []
    for area in areas:
        found = mine.get(area.key, [])
        kpis = tuple(rules.kpi_row(i, period, rules.QUARTER) for i in found if i.is_kpi)
        activities = tuple(rules.activity_row(i, period) for i in found if not i.is_kpi)
        reports.append(AreaReport(area, kpis, activities, counts(kpis)))
    total = sum((r.counts for r in reports), Counts())
    return Qpr(period, tuple(reports), total)


def summary_rows(qpr: Qpr) -> list[tuple[str, ...]]:
    """The executive summary's table as printed: a row per area then TOTAL, columns G A R ↑ ↔ ↓, zero an empty
    cell (seed 004 lines 1136–1144)."""

    def cells(c: Counts) -> tuple[str, ...]:
        values = c.as_dict()
        return tuple(str(values[key]) if values[key] else "" for key, _ in COLUMNS)

    return [(a.area.name, *cells(a.counts)) for a in qpr.areas] + [("TOTAL", *cells(qpr.total))]


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def net_direction(c: Counts) -> str:
    """ "positive", "negative" or "level": improving (↑) less falling (↓)."""
    if c.net_direction > 0:
        return "positive"
    if c.net_direction < 0:
        return "negative"
    return "level"


def _arrows(c: Counts) -> str:
    return (
        f"{_n(c.improved, 'indicator', 'indicators')} improving, "
        f"{c.worsened} showing a fall in performance and {c.same} with no change"
    )


def cover_sentences(c: Counts) -> dict[str, object]:
    """The cover paper's figures in words (seed 004 lines 1049, 1054–1058): the KPI count, one line per RAG
    rating with its gloss, and the net direction of travel."""
    net = net_direction(c)
    if net == "level":
        direction = (
            "Net Direction of Travel in the quarter was level, with as many indicators improving as falling: "
            f"{_arrows(c)}."
        )
    else:
        direction = f"Net Direction of Travel in the quarter was {net} with {_arrows(c)}."
    rated = c.green + c.amber + c.red
    lines = [
        f"{c.green} {'is' if c.green == 1 else 'are'} rated Green – target achieved or exceeded",
        f"{c.amber} {'is' if c.amber == 1 else 'are'} rated Amber – below target but above floor standard",
        f"{c.red} {'is' if c.red == 1 else 'are'} rated Red – below floor standard",
    ]
    if c.unrated:
        lines.append(f"{c.unrated} {'has' if c.unrated == 1 else 'have'} no rating this quarter")
    return {
        "count": (
            f"The report includes {_n(c.kpis, 'Key Performance Indicator (KPI)', 'Key Performance Indicators (KPIs)')} "
            "where results are assessed against targets set out in Directorate Business Plans at the start of the year."
        ),
        "rag_intro": (
            f"Of the {_n(c.kpis, 'Key Performance Indicator', 'Key Performance Indicators')} included in the "
            f"report, the latest RAG status{' is' if rated == 1 else 'es are'} as follows:"
        ),
        "rag_lines": lines,
        "direction": direction,
    }


def headline_sentence(c: Counts, quarter: int) -> str:
    """The executive summary's opening sentence (seed 004 line 1134), derived from the counts."""
    rated = c.green + c.amber + c.red
    if rated and c.green * 2 > rated:
        first = f"A majority of indicators for Quarter {quarter} are rated as Green, on or ahead of target"
    elif rated and c.green >= max(c.amber, c.red):
        first = f"More indicators for Quarter {quarter} are rated Green than any other rating, but not a majority"
    elif rated:
        first = f"Fewer indicators for Quarter {quarter} are rated Green than Amber or Red"
    else:
        first = f"No indicator for Quarter {quarter} has a rating yet"
    net = net_direction(c)
    if net == "positive":
        second = "Net Direction of Travel was positive with more indicators showing improvement than showing decline"
    elif net == "negative":
        second = "Net Direction of Travel was negative with more indicators showing decline than showing improvement"
    else:
        second = "Net Direction of Travel was level with as many indicators showing improvement as showing decline"
    return f"{first} and {second}."
