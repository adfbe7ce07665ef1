"""Delayed transfers of care (DToC): the weekly dashboard's figures (spec/qpr.md §3, seed 004 item 7). Pure
functions on plain records: no Django, no I/O.

The rules, as the spec gives them (each checked on the seed's own figures):

- A delay is the **NHS's**, **social care's** or **both**'s responsibility. "Attributed to social care" is social
  care's days plus half the joint days (Darent Valley, week ending 09/11/2017: 21 + 7/2 = 24.5). "Attributed to
  the NHS" is the NHS's days alone, as the dashboard prints it (the other half of the joint days is in neither
  table), so NHS + social care (attributed) + ½ both = the total.
- "% attributable to social care" is the attributed days ÷ all days (Darent Valley 07/09: 109/214 = 50.9%).
- A dashboard **month is the sum of the weeks ending in it** (September 2017: the acute sites' weeks
  685 + 770 + 759 + 788 = 3,002), so a month has four or five weeks; it is **partial** when a week that ends in
  it has no figures yet ("November", weeks to 23/11 only). For a month without weekly figures (before weekly
  counting began, or a site that returns only monthly), the month's figures as returned are used.
- The **12-week share** of an acute site is its social-care-attributed days over the 12 weeks ÷ all the acute
  sites' (Darent Valley 518.5 / 1,731 = 30.0%), not a mean of weekly percentages.
- **Direction**, week on week, on delayed days (lower is better): ↑ decreased, ↔ the same, ↓ increased (the
  dashboard's key).
- **Against target**: each trust's month by responsibility (social care's own days, joint days apart, as the
  Better Care Fund table has them) less its target; a trust above its total target is a pressure, the largest
  first. The item defines no escalation levels, thresholds or owners, so none are invented here.

A missing value (not returned) is None, and differs from a returned zero: a sum of nothing returned is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from councilplan.analysis.vocabulary import BOTH, NHS, RESPONSIBILITIES, SOCIAL_CARE

__all__ = [
    "ACUTE",
    "DECREASED",
    "INCREASED",
    "SAME",
    "Days",
    "MonthCell",
    "Part",
    "Site",
    "Target",
    "TrustRow",
    "add",
    "days_by_site_week",
    "direction",
    "month_cell",
    "month_summary",
    "pressures",
    "share",
    "trust_months",
    "trusts_against_target",
    "twelve_week_shares",
    "week_end_dates",
    "weeks_ending_in",
]

ACUTE = "acute"
DECREASED, SAME, INCREASED = "decreased", "same", "increased"
SYMBOLS = {DECREASED: "↑", SAME: "↔", INCREASED: "↓"}
WORDS = {DECREASED: "Decreased", SAME: "Remained the same", INCREASED: "Increased"}
HALF = Decimal("0.5")
HUNDRED = Decimal(100)

Number = Decimal | None


def _plus(a: Number, b: Number) -> Number:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


@dataclass(frozen=True)
class Days:
    """Delayed days by responsibility for one site (or a group) and one week (or month)."""

    nhs: Number = None
    social_care: Number = None
    both: Number = None

    @property
    def returned(self) -> bool:
        return any(v is not None for v in (self.nhs, self.social_care, self.both))

    @property
    def total(self) -> Number:
        if not self.returned:
            return None
        return (self.nhs or 0) + (self.social_care or 0) + (self.both or 0)

    @property
    def attributed_nhs(self) -> Number:
        """The NHS's own days (the joint days' other half is in neither attributed figure)."""
        return (self.nhs or Decimal(0)) if self.returned else None

    @property
    def attributed_social_care(self) -> Number:
        """Social care's days and half the joint days."""
        if not self.returned:
            return None
        return (self.social_care or 0) + (self.both or 0) * HALF

    @property
    def share_social_care(self) -> Number:
        """% of all days attributable to social care; None without days."""
        return share(self.attributed_social_care, self.total)

    def get(self, responsibility: str) -> Number:
        return {NHS: self.nhs, SOCIAL_CARE: self.social_care, BOTH: self.both}[responsibility]


def add(days: Iterable[Days]) -> Days:
    total = Days()
    for d in days:
        total = Days(_plus(total.nhs, d.nhs), _plus(total.social_care, d.social_care), _plus(total.both, d.both))
    return total


def share(part: Number, whole: Number) -> Number:
    """part ÷ whole as a percentage (unrounded); None when either is missing or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)


def direction(current: Number, previous: Number) -> str | None:
    """Week on week, on delayed days: DECREASED (↑, better), SAME (↔) or INCREASED (↓); None without both."""
    if current is None or previous is None:
        return None
    if current < previous:
        return DECREASED
    if current > previous:
        return INCREASED
    return SAME


# --- records in ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A value of the breakdown: a hospital site or service, its trust and setting."""

    code: str
    name: str
    trust: str = ""
    setting: str = ACUTE
    counted_from: dt.date | None = None


@dataclass(frozen=True)
class Part:
    """One stored part: a site's days of one responsibility in one period (a week-ending date, or for monthly
    figures as returned the month's first day)."""

    period: dt.date
    site: str
    responsibility: str
    value: Number


@dataclass(frozen=True)
class Target:
    """A month's target for a trust ("" for the whole area) and a responsibility ("" for all delays)."""

    month: dt.date
    trust: str
    responsibility: str
    value: Decimal
    origin: str = "bcf"


def days_by_site_week(parts: Iterable[Part]) -> dict[tuple[str, dt.date], Days]:
    """Each (site, period)'s Days from its parts."""
    found: dict[tuple[str, dt.date], dict[str, Number]] = {}
    for part in parts:
        if part.responsibility not in RESPONSIBILITIES:
            raise ValueError(f"unknown responsibility {part.responsibility!r}")
        found.setdefault((part.site, part.period), {})[part.responsibility] = part.value
    return {key: Days(v.get(NHS), v.get(SOCIAL_CARE), v.get(BOTH)) for key, v in found.items()}


# --- months --------------------------------------------------------------------------------------------------


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def week_end_dates(month: dt.date, weekday: int) -> list[dt.date]:
    """Every date in `month` falling on `weekday` (Monday 0 … Thursday 3): the weeks that end in it."""
    first = month_start(month)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    dates = []
    while day.month == first.month:
        dates.append(day)
        day += dt.timedelta(days=7)
    return dates


def weeks_ending_in(month: dt.date, weeks: Iterable[dt.date]) -> list[dt.date]:
    return sorted(w for w in weeks if w.year == month.year and w.month == month.month)


@dataclass(frozen=True)
class MonthCell:
    """A site's (or a group's) month: its days, whether they are the sum of its weeks ("weeks") or the month as
    returned ("returned"), and whether weeks ending in the month are still missing."""

    days: Days
    basis: str = "weeks"
    weeks: tuple[dt.date, ...] = ()
    missing_weeks: tuple[dt.date, ...] = ()

    @property
    def partial(self) -> bool:
        return bool(self.missing_weeks)


def month_cell(
    site: str,
    month: dt.date,
    weekly: dict[tuple[str, dt.date], Days],
    monthly: dict[tuple[str, dt.date], Days],
    weekday: int,
) -> MonthCell:
    """A site's month: the sum of its weeks ending in the month when it has any, else the month as returned."""
    due = week_end_dates(month, weekday)
    present = tuple(w for w in due if (site, w) in weekly)
    if present:
        missing = tuple(w for w in due if w not in present)
        return MonthCell(add(weekly[(site, w)] for w in present), "weeks", present, missing)
    returned = monthly.get((site, month_start(month)))
    if returned is not None:
        return MonthCell(returned, "returned")
    return MonthCell(Days(), "none")


def month_summary(
    sites: Sequence[Site],
    months: Sequence[dt.date],
    weekly: dict[tuple[str, dt.date], Days],
    monthly: dict[tuple[str, dt.date], Days],
    weekday: int,
) -> dict[str, dict[dt.date, MonthCell]]:
    """Every site's month cells, and the area's ("" key: the sum of the sites)."""
    table: dict[str, dict[dt.date, MonthCell]] = {}
    for site in sites:
        table[site.code] = {m: month_cell(site.code, m, weekly, monthly, weekday) for m in months}
    table[""] = {}
    for m in months:
        cells = [table[s.code][m] for s in sites]
        missing = tuple(sorted({w for c in cells for w in c.missing_weeks}))
        table[""][m] = MonthCell(add(c.days for c in cells), "sum", (), missing)
    return table


# --- trusts against their targets -------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustRow:
    """One trust's (or the area's, trust "") month for one responsibility ("" for all delays): local days, its
    target and the difference (local less target; positive is above target)."""

    trust: str
    responsibility: str
    local: Number
    target: Number

    @property
    def difference(self) -> Number:
        if self.local is None or self.target is None:
            return None
        return self.local - self.target


def trust_months(sites: Sequence[Site], cells: dict[str, MonthCell]) -> dict[str, Days]:
    """Each trust's month (the sum of its sites), in the order the trusts first appear."""
    trusts: dict[str, list[Days]] = {}
    for site in sites:
        trusts.setdefault(site.trust, []).append(cells[site.code].days)
    return {trust: add(days) for trust, days in trusts.items()}


def trusts_against_target(
    sites: Sequence[Site], cells: dict[str, MonthCell], targets: Iterable[Target], month: dt.date
) -> list[TrustRow]:
    """Per responsibility (NHS, social care, both, then all), each trust with a figure or a target, then the area."""
    by_trust = trust_months(sites, cells)
    wanted = {(t.trust, t.responsibility): t.value for t in targets if month_start(t.month) == month_start(month)}
    trusts = list(by_trust) + sorted({t for t, _ in wanted if t and t not in by_trust})
    area = add(by_trust.values())
    rows = []
    for responsibility in (*RESPONSIBILITIES, ""):
        for trust in [*trusts, ""]:
            days = area if trust == "" else by_trust.get(trust, Days())
            local = days.total if responsibility == "" else days.get(responsibility)
            rows.append(TrustRow(trust, responsibility, local, wanted.get((trust, responsibility))))
    return rows


def pressures(rows: Iterable[TrustRow]) -> list[TrustRow]:
    """Trusts above their target for all delays, the largest difference first."""
    above = [r for r in rows if r.trust and r.responsibility == "" and (r.difference or 0) > 0]
    return sorted(above, key=lambda r: (-r.difference, r.trust))


# --- shares across sites -----------------------------------------------------------------------------------


def twelve_week_shares(
    sites: Sequence[Site], weekly: dict[tuple[str, dt.date], Days], weeks: Sequence[dt.date]
) -> dict[str, Number]:
    """Each site's share of the group's social-care-attributed days over `weeks` (the dashboard's 12-week column)."""
    totals = {s.code: add(weekly.get((s.code, w), Days()) for w in weeks).attributed_social_care for s in sites}
    whole = sum((v for v in totals.values() if v is not None), Decimal(0))
    return {code: share(value, whole) for code, value in totals.items()}
