"""Small, exact building blocks for the analysis report (spec/monitoring.md §5).

- `percent` and `Figure`: a count, what it is out of, and the whole-number percentage, rounded half up
  with integer arithmetic (Python's `round` rounds half to even, which the report must not do).
- `compare`: the words that set a figure against the previous round ("up from 7 in Q1").
- Financial-year helpers for round labels of the form ``YYYY-YY Qn`` (``2019-20 Q2``): the financial year
  runs 1 April YYYY to 31 March YYYY+1; Q1 = April–June, Q2 = July–September, Q3 = October–December,
  Q4 = January–March.

Pure functions: no Django, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

__all__ = [
    "Figure",
    "RoundLabel",
    "average",
    "compare",
    "financial_year_bounds",
    "financial_year_name",
    "long_date",
    "parse_round_label",
    "percent",
    "quarter_bounds",
    "quarter_months",
    "quarter_name",
]


def percent(count: int, of: int) -> int | None:
    """100 × count / of, rounded half up to a whole number; None when `of` is 0.

    >>> percent(1, 40), percent(1, 8), percent(5, 13), percent(3, 0)
    (3, 13, 38, None)
    """
    if count < 0 or of < 0:
        raise ValueError(f"percent() needs non-negative numbers, got {count} out of {of}")
    if of == 0:
        return None
    # floor(100·count/of + 1/2) == floor((200·count + of) / (2·of)), all in integers.
    return (200 * count + of) // (2 * of)


def average(total: int, n: int, places: int = 2) -> float | None:
    """total / n rounded half up to `places` decimal places (as a float); None when n is 0."""
    if n == 0:
        return None
    quantum = Decimal(1).scaleb(-places)
    return float((Decimal(total) / Decimal(n)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Figure:
    """One figure of the report: `count` out of `of`, and the rounded `percent` (None when of = 0)."""

    count: int
    of: int
    percent: int | None

    @classmethod
    def from_counts(cls, count: int, of: int) -> Figure:
        return cls(count, of, percent(count, of))

    def as_dict(self) -> dict[str, int | None]:
        return {"count": self.count, "of": self.of, "percent": self.percent}


def compare(current: int | Figure, previous: int | Figure | None, quarter: str) -> str:
    """Word a count against the previous round's.

    >>> compare(10, 7, "Q1"), compare(3, 5, "Q1"), compare(4, 4, "Q1"), compare(4, None, "Q1")
    ('up from 7 in Q1', 'down from 5 in Q1', 'the same as in Q1', '')
    """
    if previous is None:
        return ""
    now = current.count if isinstance(current, Figure) else current
    before = previous.count if isinstance(previous, Figure) else previous
    if now > before:
        return f"up from {before} in {quarter}"
    if now < before:
        return f"down from {before} in {quarter}"
    return f"the same as in {quarter}"


# --- financial years and round labels -----------------------------------------------------------------

_LABEL = re.compile(r"(\d{4})-(\d{2}) Q(\d+)")

_MONTHS = (
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


class RoundLabel(NamedTuple):
    """A parsed round label: ``2019-20 Q2`` is RoundLabel(start_year=2019, quarter=2)."""

    start_year: int
    quarter: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d} Q{self.quarter}"


def parse_round_label(label: str) -> RoundLabel:
    """Parse ``YYYY-YY Qn``; raise ValueError saying what is wrong and what is expected."""
    match = _LABEL.fullmatch(label.strip()) if isinstance(label, str) else None
    if match is None:
        raise ValueError(f"Round label {label!r} is not in the form 'YYYY-YY Qn', for example '2019-20 Q2'.")
    start, end, quarter = int(match[1]), int(match[2]), int(match[3])
    if end != (start + 1) % 100:
        raise ValueError(
            f"Round label {label!r} is not a financial year: the year after {start} is "
            f"'{start}-{(start + 1) % 100:02d}', not '{match[1]}-{match[2]}'."
        )
    if not 1 <= quarter <= 4:
        raise ValueError(f"Round label {label!r} has quarter Q{quarter}: a quarter is Q1, Q2, Q3 or Q4.")
    return RoundLabel(start, quarter)


def financial_year_bounds(label: str) -> tuple[date, date]:
    """First and last day of the round's financial year: (1 April YYYY, 31 March YYYY+1)."""
    start_year = parse_round_label(label).start_year
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def financial_year_name(label: str) -> str:
    """``2019-20 Q2`` → ``2019/20``."""
    start_year = parse_round_label(label).start_year
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def quarter_name(label: str) -> str:
    """``2019-20 Q2`` → ``Q2``."""
    return f"Q{parse_round_label(label).quarter}"


def _quarter_first_month(parsed: RoundLabel) -> tuple[int, int]:
    """(year, month) of the quarter's first month."""
    month = 4 + 3 * (parsed.quarter - 1)  # Q1 → April … Q4 → 13 (January next year)
    if month > 12:
        return parsed.start_year + 1, month - 12
    return parsed.start_year, month


def quarter_bounds(label: str) -> tuple[date, date]:
    """First and last day of the round's quarter."""
    parsed = parse_round_label(label)
    year, month = _quarter_first_month(parsed)
    last_month = month + 2
    next_first = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
    return date(year, month, 1), date.fromordinal(next_first.toordinal() - 1)


def quarter_months(label: str) -> str:
    """``2019-20 Q2`` → ``July – September 2019``; ``2019-20 Q4`` → ``January – March 2020``."""
    year, month = _quarter_first_month(parse_round_label(label))
    return f"{_MONTHS[month - 1]} – {_MONTHS[month + 1]} {year}"


def long_date(value: date) -> str:
    """``date(2020, 10, 1)`` → ``1 October 2020`` (GOV.UK style)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
