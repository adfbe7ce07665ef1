"""Changing weekly and split indicators' data (spec/qpr.md §3): a period's parts by breakdown value and
responsibility, the breakdown's values, and targets per cell. Each write is saved with its history and a reason;
a result's value is kept equal to the sum of its parts.

A week's delayed days are entered on the week's form (`save_week`, refused with `StaleWeek` when someone saved
the week after the form was opened) or from a CSV/XLSX file (`import_weeks`: every row right or nothing written,
each bad row, column and value named). `week_file_rows` is the same file's layout for one week, to download,
fill in and load again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import IntegrityError, transaction

from councilplan.analysis import performance as rules
from councilplan.analysis.vocabulary import BOTH, NHS, RESPONSIBILITIES, SOCIAL_CARE
from councilplan.core.exchange import ImportFailed, Mapping, RowReader, check_header, file_error, mapped_rows
from councilplan.core.tabular import TableError, read_table

from .models import BreakdownTarget, BreakdownValue, Indicator, Result, ResultPart
from .services import parse_number

# The weekly file: one row per site and week, a column per responsibility; an empty cell is "not returned".
WEEK_COLUMNS = ["week_ending", "site", "site_name", "trust", NHS, SOCIAL_CARE, BOTH]
REQUIRED_WEEK_COLUMNS = ["week_ending", "site", NHS, SOCIAL_CARE, BOTH]
RESPONSIBILITY_NAMES = {NHS: "NHS", SOCIAL_CARE: "social care", BOTH: "both"}
HALF_DAYS = "a number of whole or half days, like 21 or 3.5"


class StaleWeek(Exception):
    """Someone saved this week's figures after the form was opened: nothing was written."""


@dataclass(frozen=True)
class WeeksImported:
    weeks: int  # weeks in the file
    changed: int  # figures (site × responsibility) added or changed
    unchanged: int


def days_problem(value: Decimal) -> str | None:
    """Why `value` cannot be a number of delayed days (None if it can): days are whole or half, never negative."""
    if value < 0:
        return "cannot be negative"
    if (value * 2) != (value * 2).to_integral_value():
        return f"must be {HALF_DAYS}"
    return None


def week_problem(week: dt.date, weeks: list[dt.date], today: dt.date | None = None) -> str | None:
    """Why `week` cannot be a week-ending date (None if it can): every week ends on the same day of the week as
    those already entered (the months are the sums of the weeks ending in them), and not after today."""
    today = today or dt.date.today()
    if week > today:
        return "is in the future: enter a week that has ended"
    if weeks and week.weekday() != weeks[-1].weekday():
        return f"is not a {weeks[-1]:%A}: the weeks end on a {weeks[-1]:%A} (like {weeks[-1]:%d/%m/%Y})"
    return None


def _save(obj, user, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


def save_breakdown_value(breakdown: str, code: str, user=None, reason: str = "", **fields) -> BreakdownValue:
    value = BreakdownValue.objects.filter(breakdown=breakdown, code=code).first() or BreakdownValue(
        breakdown=breakdown, code=code
    )
    changed = value.pk is None or any(getattr(value, k) != v for k, v in fields.items())
    for key, item in fields.items():
        setattr(value, key, item)
    if changed:
        value.full_clean()
        _save(value, user, reason or "Breakdown value saved")
    return value


@transaction.atomic
def save_parts(
    indicator: Indicator,
    period: dt.date,
    parts: dict[tuple[str, str], Decimal | None],
    user=None,
    reason: str = "",
) -> Result:
    """A period's parts, {(breakdown value code, responsibility): value or None for not returned}; the result's
    value becomes the sum of the parts returned. Unchanged parts are not saved again (no history row)."""
    if not rules.valid_period(period, indicator.frequency):
        raise ValueError(f"{period} is not a {indicator.frequency} period")
    values = {v.code: v for v in BreakdownValue.objects.filter(breakdown=indicator.breakdown)}
    for code, responsibility in parts:
        if code not in values:
            raise ValueError(f"{code} is not a value of the breakdown {indicator.breakdown}")
        if responsibility not in RESPONSIBILITIES:
            raise ValueError(f"{responsibility} is not a responsibility")
    reason = reason or "Figures entered"
    result = Result.objects.filter(indicator=indicator, period=period).first()
    created = result is None
    if result is None:
        result = Result(indicator=indicator, period=period, updated_by=user)
        _save(result, user, reason)
    existing = {(p.breakdown_value.code, p.responsibility): p for p in result.parts.select_related("breakdown_value")}
    changed = False
    for key, value in parts.items():
        part = existing.get(key)
        if part is None:
            part = ResultPart(result=result, breakdown_value=values[key[0]], responsibility=key[1], value=value)
            _save(part, user, reason)
            existing[key] = part
            changed = True
        elif part.value != value:
            part.value = value
            _save(part, user, reason)
            changed = True
    returned = [p.value for p in existing.values() if p.value is not None]
    total = sum(returned, Decimal(0)) if returned else None
    if result.value != total or (changed and not created):
        # Any change of a part is a new version of the week (the optimistic lock of `save_week`), even when the
        # total stays the same (a day moved from the NHS to social care).
        result.value = total
        result.version += 1
        result.updated_by = user
        _save(result, user, reason)
    return result


def save_target(indicator, period, trust, responsibility, value, origin, user=None, reason="") -> BreakdownTarget:
    target, created = BreakdownTarget.objects.get_or_create(
        indicator=indicator,
        period=period,
        trust=trust,
        responsibility=responsibility,
        origin=origin,
        defaults={"value": value},
    )
    if not created and target.value != value:
        target.value = value
        _save(target, user, reason or "Target saved")
    return target


@transaction.atomic
def save_week(
    indicator: Indicator,
    week: dt.date,
    parts: dict[tuple[str, str], Decimal | None],
    *,
    user,
    expected_version: int | None,
    reason: str = "",
) -> Result:
    """One week's figures from its form, {(site code, responsibility): days or None for not returned}.
    `expected_version` is the week's version the form showed (None for a week not yet entered); a save based on
    an older version is refused with `StaleWeek` rather than overwriting what the other person saved."""
    for value in parts.values():
        if value is not None and days_problem(value):
            raise ValueError(f"{value} is not a number of delayed days")
    result = Result.objects.select_for_update().filter(indicator=indicator, period=week).first()
    if (result.version if result else None) != expected_version:
        raise StaleWeek
    if result is not None:  # an empty box for a figure never stored is still not returned: nothing to write
        present = set(result.parts.values_list("breakdown_value__code", "responsibility"))
        parts = {key: value for key, value in parts.items() if value is not None or key in present}
    else:
        parts = {key: value for key, value in parts.items() if value is not None}
    if result is None:  # the week's first figures: whoever creates the week first wins, the other is told
        try:
            with transaction.atomic():
                _save(Result(indicator=indicator, period=week, updated_by=user), user, reason or "Week created")
        except IntegrityError:
            raise StaleWeek from None
    return save_parts(indicator, week, parts, user=user, reason=reason or "Week's figures entered")


def week_file_rows(indicator: Indicator, week: dt.date) -> tuple[list[str], list[list]]:
    """(header, rows) of the weekly file for `week`: every site, with its stored days (blank: not returned or
    not yet entered), ready to fill in and import. Two queries."""
    sites = list(BreakdownValue.objects.filter(breakdown=indicator.breakdown).order_by("order", "name"))
    stored = {
        (code, responsibility): value
        for code, responsibility, value in ResultPart.objects.filter(
            result__indicator=indicator, result__period=week
        ).values_list("breakdown_value__code", "responsibility", "value")
    }
    rows = [
        [week.isoformat(), s.code, s.name, s.trust, *(plain(stored.get((s.code, r))) for r in RESPONSIBILITIES)]
        for s in sites
    ]
    return list(WEEK_COLUMNS), rows


def plain(value: Decimal | None) -> str:
    """A stored number as typed: 21, 3.5, 0; "" for none."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


def import_weeks(path: str | Path, indicator: Indicator, *, user=None, today: dt.date | None = None) -> WeeksImported:
    """Weeks' delayed days from CSV/XLSX (the columns of `WEEK_COLUMNS`; `site_name` and `trust` are for people
    and are not read): all rows or none. A site's week already entered is replaced by the file's figures (the
    history keeps the old ones); an empty cell is "not returned", 0 a returned zero."""
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    mapping = Mapping()
    columns, errors = check_header(table, mapping, WEEK_COLUMNS, REQUIRED_WEEK_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    sites = {v.code.lower(): v.code for v in BreakdownValue.objects.filter(breakdown=indicator.breakdown)}
    known_weeks = sorted(Result.objects.filter(indicator=indicator).values_list("period", flat=True))
    weeks: dict[dt.date, dict[tuple[str, str], Decimal | None]] = {}
    seen: dict[tuple[dt.date, str], int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        week = read.date("week_ending", required=True)
        if week is not None:
            problem = week_problem(week, known_weeks or sorted(weeks), today)
            if problem:
                read.error("week_ending", read.raw("week_ending"), problem)
                week = None
        raw_site = str(read.raw("site"))
        code = sites.get(raw_site.lower()) if raw_site else None
        if not raw_site:
            read.error("site", raw_site, "is required (the site's code, like DVH)")
        elif code is None:
            read.error("site", raw_site, "is not a known site code; the sites are: " + ", ".join(sites.values()))
        values = {}
        for responsibility in RESPONSIBILITIES:
            raw = read.raw(responsibility)
            text = str(raw).strip()
            if text == "":
                values[responsibility] = None  # not returned
                continue
            value = None if any(sign in text for sign in "%£") else parse_number(text)
            problem = "is not a number" if value is None else days_problem(value)
            if problem:
                read.error(responsibility, raw, f"{problem} (delayed days: {HALF_DAYS}; empty if not returned)")
            values[responsibility] = value
        if week is not None and code is not None:
            if (week, code) in seen:
                read.error("site", raw_site, f"has figures for this week already (row {seen[(week, code)]})")
            else:
                seen[(week, code)] = number
        if read.ok:
            parts = weeks.setdefault(week, {})
            for responsibility, value in values.items():
                parts[(code, responsibility)] = value
    if not weeks and not errors:
        raise ImportFailed([file_error(path, "has no rows of figures under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write_weeks(indicator, weeks, user)


@transaction.atomic
def _write_weeks(indicator: Indicator, weeks: dict, user) -> WeeksImported:
    stored = {
        (period, code, responsibility): value
        for period, code, responsibility, value in ResultPart.objects.filter(
            result__indicator=indicator, result__period__in=list(weeks)
        ).values_list("result__period", "breakdown_value__code", "responsibility", "value")
    }
    changed = unchanged = 0
    for week, parts in sorted(weeks.items()):
        for (code, responsibility), value in parts.items():
            key = (week, code, responsibility)
            if key in stored and stored[key] == value:
                unchanged += 1
            else:
                changed += 1
        save_parts(indicator, week, parts, user=user, reason="Imported from a file")
    return WeeksImported(len(weeks), changed, unchanged)
