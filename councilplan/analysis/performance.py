"""Key performance indicators: RAG, direction of travel, activity alerts and headline counts
(spec/performance.md). Pure functions on plain records: no Django, no I/O.

The rules, as the spec words them:

- RAG. GREEN: the target has been achieved (met or exceeded); AMBER: the floor standard achieved but the target
  not met; RED: the floor standard not achieved. Polarity-aware: for a lower-is-better indicator "achieved" means
  at or below. Equal to the target is GREEN; equal to the floor is AMBER. Without a value, a target or a floor
  there is no RAG (None). A snapshot indicator's year to date has none either.
- Direction of travel, judged on performance: IMPROVED, WORSENED, SAME, or NEW when there is no earlier value.
  A lower-is-better indicator that rose has worsened. The dashboard compares with the previous month, the
  quarterly report with the previous quarter: the latest result against the latest one at least that far back.
- Activity indicators: no RAG, no direction. With thresholds, the alert is IN_RANGE (bounds inclusive), ABOVE or
  BELOW; without thresholds (or without a value) None, and the indicator is shown against the same period of the
  previous year.

Periods are the first day of a month (`datetime.date(2017, 7, 1)` is July 2017). A quarterly result is filed
under the quarter's last month (June for April–June), an annual one under March. Financial years run April to
March and are named by the year they start in (2017 is 2017/18).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "ABOVE",
    "AMBER",
    "ANNUAL",
    "ActivityRow",
    "Area",
    "AreaPerformance",
    "BELOW",
    "CUMULATIVE",
    "Counts",
    "DIRECTION_KEYS",
    "GREEN",
    "HIGHER",
    "Headline",
    "IMPROVED",
    "IN_RANGE",
    "Indicator",
    "KpiRow",
    "LATEST",
    "LOWER",
    "MONTH",
    "MONTHLY",
    "WEEKLY",
    "MONTH_NAMES",
    "NEW",
    "Performance",
    "Point",
    "QUARTER",
    "QUARTERLY",
    "RAG_KEYS",
    "RED",
    "Result",
    "SAME",
    "SNAPSHOT",
    "Standard",
    "Summary",
    "WORSENED",
    "YEAR_TO_DATE",
    "activity_row",
    "add_months",
    "alert",
    "analyse",
    "direction",
    "financial_year",
    "financial_year_name",
    "headline",
    "history",
    "kpi_row",
    "month_name",
    "months_in_period",
    "period_label",
    "quarter_of",
    "rag",
    "short_period",
    "summary",
    "valid_period",
]

HIGHER, LOWER = "higher", "lower"
GREEN, AMBER, RED = "green", "amber", "red"
IMPROVED, SAME, WORSENED, NEW = "improved", "same", "worsened", "new"
IN_RANGE, ABOVE, BELOW = "in_range", "above", "below"
MONTHLY, QUARTERLY, ANNUAL = "monthly", "quarterly", "annual"
# A weekly indicator's result is filed under the week's last day (its week-ending date), any day of the week.
WEEKLY = "weekly"
CUMULATIVE, SNAPSHOT = "cumulative", "snapshot"
LATEST, YEAR_TO_DATE = "latest", "year_to_date"
MONTH, QUARTER = "month", "quarter"  # what the direction of travel compares with

Number = Decimal | int | float

# --- the rules ------------------------------------------------------------------------------------------


def _achieves(value: Number, standard: Number, polarity: str) -> bool:
    """Whether `value` meets `standard`: at or above it, or at or below it when lower is better."""
    if polarity == LOWER:
        return value <= standard
    return value >= standard


def rag(value: Number | None, target: Number | None, floor: Number | None, polarity: str = HIGHER) -> str | None:
    """GREEN when the target is achieved, AMBER when only the floor standard is, RED when not even the floor.

    >>> rag(95, 95, 90), rag(90, 95, 90), rag(89.9, 95, 90), rag(None, 95, 90)
    ('green', 'amber', 'red', None)
    >>> rag(49, 55, 60, "lower"), rag(60, 55, 60, "lower"), rag(24, 5, 15, "lower")
    ('green', 'amber', 'red')
    """
    if value is None or target is None or floor is None:
        return None
    if _achieves(value, target, polarity):
        return GREEN
    if _achieves(value, floor, polarity):
        return AMBER
    return RED


def direction(current: Number | None, previous: Number | None, polarity: str = HIGHER) -> str | None:
    """How performance moved from `previous` to `current`; NEW without an earlier value, None without a current one.

    >>> direction(97, 98), direction(24, 20, "lower"), direction(49, 52, "lower"), direction(100, 100)
    ('worsened', 'worsened', 'improved', 'same')
    >>> direction(100, None), direction(None, 5)
    ('new', None)
    """
    if current is None:
        return None
    if previous is None:
        return NEW
    if current == previous:
        return SAME
    better = current < previous if polarity == LOWER else current > previous
    return IMPROVED if better else WORSENED


def alert(value: Number | None, lower: Number | None, upper: Number | None) -> str | None:
    """An activity indicator against its expected range, bounds included; None without thresholds or a value.

    >>> alert(196.3, 177.6, 196.3), alert(1778, 1480, 1740), alert(59, 60, 75), alert(5, None, None)
    ('in_range', 'above', 'below', None)
    """
    if value is None or lower is None or upper is None:
        return None
    if value > upper:
        return ABOVE
    if value < lower:
        return BELOW
    return IN_RANGE


# --- periods --------------------------------------------------------------------------------------------

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def add_months(period: dt.date, months: int) -> dt.date:
    index = period.year * 12 + period.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def financial_year(period: dt.date) -> int:
    """The financial year a month is in, named by the year it starts: July 2017 and March 2018 are in 2017."""
    return period.year if period.month >= 4 else period.year - 1


def financial_year_name(year: int) -> str:
    """2017 → "2017/18"."""
    return f"{year}/{(year + 1) % 100:02d}"


def quarter_of(period: dt.date) -> int:
    """The financial quarter (1 = April–June) a month is in."""
    return (period.month - 4) % 12 // 3 + 1


def months_in_period(frequency: str) -> int:
    return {MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12}.get(frequency, 1)


def valid_period(period: dt.date, frequency: str) -> bool:
    """A result's month must end a period of the indicator's frequency: a quarter ends in June, September,
    December or March; a year in March. A weekly result may end on any day (its week-ending date)."""
    if frequency == WEEKLY:
        return True
    if period.day != 1:
        return False
    if frequency == QUARTERLY:
        return period.month in (3, 6, 9, 12)
    if frequency == ANNUAL:
        return period.month == 3
    return True


def month_name(period: dt.date) -> str:
    """ "July 2017"."""
    return f"{MONTH_NAMES[period.month - 1]} {period.year}"


def period_label(period: dt.date, frequency: str = MONTHLY) -> str:
    """How a result's period is named: "July 2017", "Q1 2017/18 (April to June 2017)", "2017/18", "week ending
    23 November 2017"."""
    if frequency == WEEKLY:
        return f"week ending {period.day} {month_name(period)}"
    if frequency == QUARTERLY:
        first = add_months(period, -2)
        return (
            f"Q{quarter_of(period)} {financial_year_name(financial_year(period))} "
            f"({MONTH_NAMES[first.month - 1]} to {month_name(period)})"
        )
    if frequency == ANNUAL:
        return financial_year_name(financial_year(period))
    return month_name(period)


def short_period(period: dt.date) -> str:
    """ "Jul 2017", for chart axes."""
    return f"{MONTH_NAMES[period.month - 1][:3]} {period.year}"


# --- records in -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    period: dt.date
    value: Decimal | None = None
    ytd: Decimal | None = None
    commentary: str = ""


@dataclass(frozen=True)
class Standard:
    """An indicator's target and floor (KPIs) or thresholds (activity indicators) for one financial year."""

    year: int
    target: Decimal | None = None
    floor: Decimal | None = None
    lower: Decimal | None = None
    upper: Decimal | None = None


@dataclass(frozen=True)
class Area:
    """A service area of a directorate, as the dashboard heads its tables."""

    key: str
    name: str
    directorate: str = ""
    director: str = ""
    cabinet_member: str = ""
    delivery_partner: str = ""


@dataclass(frozen=True)
class Indicator:
    ref: str
    description: str
    area: str  # Area.key
    kind: str = "kpi"  # "kpi" or "activity"
    unit: str = "percentage"
    polarity: str = HIGHER
    frequency: str = MONTHLY
    year_to_date: str = CUMULATIVE  # or SNAPSHOT
    shown_as: str = LATEST  # activity indicators: the figure shown and checked against thresholds
    paired_with: str = ""  # an activity indicator's KPI
    standards: tuple[Standard, ...] = ()
    results: tuple[Result, ...] = ()  # any order

    @property
    def is_kpi(self) -> bool:
        return self.kind == "kpi"

    @property
    def snapshot(self) -> bool:
        return self.year_to_date == SNAPSHOT

    def standard(self, year: int) -> Standard | None:
        return next((s for s in self.standards if s.year == year), None)


# --- records out ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiRow:
    ref: str
    description: str
    unit: str
    polarity: str
    frequency: str
    period: dt.date | None  # the latest result's period; None when there is no result this year
    latest: Decimal | None
    rag: str | None
    direction: str | None
    previous: Decimal | None  # the value compared with
    previous_period: dt.date | None
    snapshot: bool
    ytd: Decimal | None  # None for a snapshot
    ytd_rag: str | None
    target: Decimal | None
    floor: Decimal | None
    previous_year: Decimal | None  # the same period a year earlier
    is_new: bool  # no result before this one at all: the dashboard prints "New" for the previous year
    commentary: str


@dataclass(frozen=True)
class ActivityRow:
    ref: str
    description: str
    unit: str
    frequency: str
    shown_as: str
    period: dt.date | None
    value: Decimal | None  # the figure shown: latest or year to date
    lower: Decimal | None
    upper: Decimal | None
    alert: str | None
    previous_year: Decimal | None  # the same figure for the same period a year earlier
    paired_with: str
    commentary: str


@dataclass(frozen=True)
class Counts:
    """How many rows have each value; keys as in the JSON (green/amber/red or improved/same/worsened/new)."""

    values: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, keys: Sequence[str], items: Iterable[str | None]) -> Counts:
        counted = Counter(item for item in items if item is not None)
        return cls(tuple((key, counted.get(key, 0)) for key in keys))

    def __getitem__(self, key: str) -> int:
        return dict(self.values)[key]

    def as_dict(self) -> dict[str, int]:
        return dict(self.values)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.values)

    def __add__(self, other: Counts) -> Counts:
        mine, theirs = self.as_dict(), other.as_dict()
        return Counts(tuple((key, mine.get(key, 0) + theirs.get(key, 0)) for key in dict.fromkeys([*mine, *theirs])))


RAG_KEYS = (GREEN, AMBER, RED)
DIRECTION_KEYS = (IMPROVED, SAME, WORSENED, NEW)


@dataclass(frozen=True)
class Headline:
    rag: Counts
    ytd_rag: Counts
    direction: Counts


def headline(rows: Iterable[KpiRow]) -> Headline:
    """G/A/R for the latest period and the year to date, and the directions of travel, over these KPIs."""
    rows = list(rows)
    return Headline(
        rag=Counts.of(RAG_KEYS, (r.rag for r in rows)),
        ytd_rag=Counts.of(RAG_KEYS, (r.ytd_rag for r in rows)),
        direction=Counts.of(DIRECTION_KEYS, (r.direction for r in rows)),
    )


@dataclass(frozen=True)
class AreaPerformance:
    area: Area
    kpis: tuple[KpiRow, ...]
    activities: tuple[ActivityRow, ...]
    headline: Headline


@dataclass(frozen=True)
class Performance:
    period: dt.date
    compare: str  # MONTH (the dashboard) or QUARTER (the quarterly report)
    areas: tuple[AreaPerformance, ...]
    headline: Headline

    @property
    def kpis(self) -> list[KpiRow]:
        return [row for area in self.areas for row in area.kpis]

    @property
    def activities(self) -> list[ActivityRow]:
        return [row for area in self.areas for row in area.activities]


@dataclass(frozen=True)
class Point:
    """One period of an indicator's chart: its figure and the lines drawn with it."""

    period: dt.date
    value: Decimal | None
    target: Decimal | None = None
    floor: Decimal | None = None
    lower: Decimal | None = None
    upper: Decimal | None = None


# --- reading an indicator at a period -------------------------------------------------------------------


def _by_period(indicator: Indicator) -> dict[dt.date, Result]:
    return {result.period: result for result in indicator.results}


def _latest(results: dict[dt.date, Result], up_to: dt.date, not_before: dt.date | None = None) -> Result | None:
    candidates = [p for p in results if p <= up_to and (not_before is None or p >= not_before)]
    return results[max(candidates)] if candidates else None


def _step(indicator: Indicator, compare: str) -> int:
    return max(3 if compare == QUARTER else 1, months_in_period(indicator.frequency))


def _figure(result: Result | None, shown_as: str) -> Decimal | None:
    if result is None:
        return None
    return result.ytd if shown_as == YEAR_TO_DATE else result.value


def kpi_row(indicator: Indicator, period: dt.date, compare: str = MONTH) -> KpiRow:
    """A KPI at `period`: its latest result this financial year (up to `period`), with RAG, direction of travel
    against the latest result at least a month (or a quarter) earlier, year to date and previous year."""
    results = _by_period(indicator)
    year_start = dt.date(financial_year(period), 4, 1)
    latest = _latest({p: r for p, r in results.items() if r.value is not None}, period, not_before=year_start)
    standard = indicator.standard(financial_year(latest.period if latest else period))
    target = standard.target if standard else None
    floor = standard.floor if standard else None
    previous = None
    previous_year = None
    is_new = False
    if latest is not None:
        earlier = {p: r for p, r in results.items() if r.value is not None and p < latest.period}
        previous = _latest(earlier, add_months(latest.period, -_step(indicator, compare)))
        is_new = not earlier
        same_period = results.get(add_months(latest.period, -12))
        previous_year = same_period.value if same_period else None
    value = latest.value if latest else None
    ytd = None if indicator.snapshot or latest is None else latest.ytd
    return KpiRow(
        ref=indicator.ref,
        description=indicator.description,
        unit=indicator.unit,
        polarity=indicator.polarity,
        frequency=indicator.frequency,
        period=latest.period if latest else None,
        latest=value,
        rag=rag(value, target, floor, indicator.polarity),
        direction=direction(value, previous.value if previous else None, indicator.polarity),
        previous=previous.value if previous else None,
        previous_period=previous.period if previous else None,
        snapshot=indicator.snapshot,
        ytd=ytd,
        ytd_rag=rag(ytd, target, floor, indicator.polarity),
        target=target,
        floor=floor,
        previous_year=previous_year,
        is_new=is_new,
        commentary=latest.commentary.strip() if latest else "",
    )


def activity_row(indicator: Indicator, period: dt.date) -> ActivityRow:
    """An activity indicator at `period`: its latest figure this financial year and the alert against that
    year's thresholds."""
    results = _by_period(indicator)
    year_start = dt.date(financial_year(period), 4, 1)
    shown = {p: r for p, r in results.items() if _figure(r, indicator.shown_as) is not None}
    latest = _latest(shown, period, not_before=year_start)
    value = _figure(latest, indicator.shown_as)
    standard = indicator.standard(financial_year(latest.period if latest else period))
    lower = standard.lower if standard else None
    upper = standard.upper if standard else None
    previous_year = _figure(results.get(add_months(latest.period, -12)), indicator.shown_as) if latest else None
    return ActivityRow(
        ref=indicator.ref,
        description=indicator.description,
        unit=indicator.unit,
        frequency=indicator.frequency,
        shown_as=indicator.shown_as,
        period=latest.period if latest else None,
        value=value,
        lower=lower,
        upper=upper,
        alert=alert(value, lower, upper),
        previous_year=previous_year,
        paired_with=indicator.paired_with,
        commentary=latest.commentary.strip() if latest else "",
    )


def analyse(
    areas: Sequence[Area], indicators: Sequence[Indicator], period: dt.date, compare: str = MONTH
) -> Performance:
    """Every indicator at `period`, grouped by area in the order given (indicators in the order given), with
    headline counts per area and in total. Areas without indicators are left out."""
    by_area: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        by_area.setdefault(indicator.area, []).append(indicator)
    shown = []
    for area in areas:
        mine = by_area.get(area.key, [])
        if not mine:
            continue
        kpis = tuple(kpi_row(i, period, compare) for i in mine if i.is_kpi)
        activities = tuple(activity_row(i, period) for i in mine if not i.is_kpi)
        shown.append(AreaPerformance(area, kpis, activities, headline(kpis)))
    return Performance(period, compare, tuple(shown), headline(row for a in shown for row in a.kpis))


def history(indicator: Indicator, period: dt.date, months: int = 13) -> list[Point]:
    """The indicator's results in the `months` months up to `period` (oldest first), each with the target and
    floor, or thresholds, of its financial year: what its chart over time draws."""
    first = add_months(period, -(months - 1))
    figure = YEAR_TO_DATE if not indicator.is_kpi and indicator.shown_as == YEAR_TO_DATE else LATEST
    points = []
    for result in sorted(indicator.results, key=lambda r: r.period):
        if not first <= result.period <= period:
            continue
        value = _figure(result, figure)
        if value is None:
            continue
        standard = indicator.standard(financial_year(result.period)) or Standard(financial_year(result.period))
        points.append(Point(result.period, value, standard.target, standard.floor, standard.lower, standard.upper))
    return points


@dataclass(frozen=True)
class Summary:
    """The quarterly report's summary table: one row of counts per area, then the total."""

    rows: tuple[tuple[str, Headline], ...] = field(default_factory=tuple)
    total: Headline | None = None


def summary(performance: Performance) -> Summary:
    return Summary(tuple((a.area.name, a.headline) for a in performance.areas), performance.headline)
