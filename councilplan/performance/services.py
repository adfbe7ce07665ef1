"""Changing performance data: entering a result, importing results, and loading indicator definitions.

Imports read the whole file first and write nothing unless every row is right (`ImportFailed` lists each bad
cell: file, row, column and value), with the foundation's CSV/XLSX machinery (`councilplan.core.tabular`,
`councilplan.core.exchange`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from councilplan.analysis import performance as rules
from councilplan.core.exchange import (
    ImportFailed,
    Mapping,
    RowError,
    RowReader,
    check_header,
    file_error,
    mapped_rows,
)
from councilplan.core.services import directorates_by_name, find_or_create_person
from councilplan.core.tabular import TableError, read_table

from .models import Indicator, Result, ServiceArea, Standard, standard_errors

Progress = Callable[[int], None]

RESULT_COLUMNS = ["ref", "period", "value", "year_to_date", "commentary"]
REQUIRED_RESULT_COLUMNS = ["ref", "period"]
INDICATOR_COLUMNS = [
    "ref",
    "kind",
    "description",
    "directorate",
    "service_area",
    "director",
    "cabinet_member",
    "delivery_partner",
    "unit",
    "polarity",
    "frequency",
    "year_to_date",
    "shown_as",
    "paired_with",
    "owner",
]
REQUIRED_INDICATOR_COLUMNS = ["ref", "kind", "description", "directorate", "service_area"]
STANDARD_COLUMNS = ["ref", "year", "target", "floor", "lower", "upper"]
REQUIRED_STANDARD_COLUMNS = ["ref", "year"]
MAX_COMMENTARY = 10_000
RESULT_FIELDS = ["value", "ytd", "commentary"]
PERIOD = re.compile(r"^(\d{4})-(\d{1,2})(?:-01)?$")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class StaleResult(Exception):
    """Someone saved this result after the form was opened: nothing was written."""


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0


# --- reading cells --------------------------------------------------------------------------------------


def parse_number(text: str) -> Decimal | None:
    """ "1,778", "95%", "£23,445", "99.5" → a Decimal; None when it is not a number. An empty cell is None too,
    so callers check emptiness first."""
    cleaned = text.strip().replace(",", "").removeprefix("£").removesuffix("%").strip()
    if not NUMBER.match(cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if abs(value) >= Decimal(10) ** 12 or value.as_tuple().exponent < -4:
        return None
    return value


def parse_period_cell(value: object) -> dt.date | None:
    """ "2017-07" (or a date in that month's first day, as Excel may store it) → 1 July 2017."""
    if isinstance(value, dt.date):
        return value.replace(day=1) if value.day == 1 else None
    match = PERIOD.match(str(value).strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 < year < 2200):
        return None
    return dt.date(year, month, 1)


def _number(read: RowReader, column: str) -> Decimal | None:
    raw = read.raw(column)
    text = str(raw).strip()
    if text == "":
        return None
    value = parse_number(text)
    if value is None:
        read.error(column, raw, "is not a number (for example 95, 99.5 or 1,778; at most 4 decimal places)")
    return value


def _choice(read: RowReader, column: str, choices, default: str) -> str:
    text = str(read.raw(column)).strip()
    if text == "":
        return default
    for value, label in choices:
        if text.lower() in (value.lower(), str(label).lower()):
            return value
    read.error(column, text, "must be one of: " + ", ".join(v for v, _ in choices))
    return default


def _table(path):
    try:
        return read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None


# --- results ---------------------------------------------------------------------------------------------


def import_results(
    path: str | Path, mapping: Mapping | None = None, progress: Progress | None = None, user=None
) -> ImportResult:
    """Results from CSV/XLSX (columns ref, period, value, year_to_date, commentary): all rows or none.

    A result for a period that already has one replaces it (the history keeps the old numbers)."""
    mapping = mapping or Mapping()
    table = _table(path)
    columns, errors = check_header(table, mapping, RESULT_COLUMNS, REQUIRED_RESULT_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    indicators = {i.ref.lower(): i for i in Indicator.objects.all()}
    rows: list[dict] = []
    seen: dict[tuple[int, dt.date], int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        ref = read.text("ref", required=True, max_length=20)
        indicator = indicators.get(ref.lower()) if ref else None
        if ref and indicator is None:
            read.error("ref", ref, "is not a known indicator reference")
        raw_period = read.raw("period")
        period = parse_period_cell(raw_period)
        if str(raw_period).strip() == "":
            read.error("period", raw_period, "is required (a month: YYYY-MM)")
        elif period is None:
            read.error("period", raw_period, "is not a month (use YYYY-MM, for example 2017-07)")
        elif indicator is not None and not rules.valid_period(period, indicator.frequency):
            read.error("period", raw_period, _period_rule(indicator.frequency))
        value = _number(read, "value")
        ytd = _number(read, "year_to_date")
        if value is None and ytd is None and not read.is_blank("ref") and read.ok:
            read.error("value", "", "give a value or a year-to-date figure (or both)")
        commentary = read.text("commentary", max_length=MAX_COMMENTARY)
        if indicator is not None and period is not None:
            key = (indicator.pk, period)
            if key in seen:
                read.error(
                    "period", raw_period, f"{indicator.ref} has a result for this month already (row {seen[key]})"
                )
            else:
                seen[key] = number
        if read.ok:
            rows.append(
                {"indicator": indicator, "period": period, "value": value, "ytd": ytd, "commentary": commentary}
            )
        if progress and number % 1000 == 0:
            progress(number)
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no rows of results under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write_results(rows, user)


def _period_rule(frequency: str) -> str:
    if frequency == rules.QUARTERLY:
        return (
            "is not the last month of a quarter: a quarterly indicator's results are for June, September, "
            "December or March"
        )
    return "is not March: an annual indicator's result is for the year ending in March"


@transaction.atomic
def _write_results(rows: list[dict], user) -> ImportResult:
    wanted = {(r["indicator"].pk, r["period"]) for r in rows}
    existing = {
        (r.indicator_id, r.period): r
        for r in Result.objects.filter(
            indicator__in={r["indicator"].pk for r in rows}, period__in={r["period"] for r in rows}
        )
        if (r.indicator_id, r.period) in wanted
    }
    to_create, to_update, unchanged = [], [], 0
    for row in rows:
        result = existing.get((row["indicator"].pk, row["period"]))
        if result is None:
            to_create.append(Result(**row, updated_by=user))
            continue
        if (result.value, result.ytd, result.commentary) == (row["value"], row["ytd"], row["commentary"]):
            unchanged += 1
            continue
        result.value, result.ytd, result.commentary = row["value"], row["ytd"], row["commentary"]
        result.version += 1
        result.updated_by = user
        to_update.append(result)
    if to_create:
        bulk_create_with_history(to_create, Result, batch_size=500, default_user=user)
    if to_update:
        bulk_update_with_history(
            to_update,
            Result,
            ["value", "ytd", "commentary", "version", "updated_by"],
            batch_size=500,
            default_user=user,
        )
    return ImportResult(created=len(to_create), updated=len(to_update), unchanged=unchanged)


@transaction.atomic
def save_result(
    indicator: Indicator,
    period: dt.date,
    *,
    value: Decimal | None,
    ytd: Decimal | None,
    commentary: str,
    user,
    expected_version: int | None,
) -> Result:
    """Enter or correct one period's result. `expected_version`: the version the form showed (None for a new
    result); a save based on an older version is refused with `StaleResult` rather than overwriting."""
    if not rules.valid_period(period, indicator.frequency):
        raise ValueError(f"{period} is not a {indicator.frequency} period")
    result = Result.objects.select_for_update().filter(indicator=indicator, period=period).first()
    if result is None:
        if expected_version is not None:
            raise StaleResult
        result = Result(indicator=indicator, period=period)
    elif expected_version != result.version:
        raise StaleResult
    else:
        result.version += 1
    result.value, result.ytd, result.commentary = value, ytd, commentary.strip()
    result.updated_by = user
    result._history_user = user
    result.save()
    return result


# --- indicator definitions -------------------------------------------------------------------------------


def import_indicators(
    path: str | Path, standards_path: str | Path | None = None, mapping: Mapping | None = None, user=None
) -> ImportResult:
    """Indicators (and, from a second file, their targets, floors and thresholds per year): all rows or none.

    Service areas and directorates are created when new; owners are matched by e-mail or name, or created
    without a password, as the plan import does for lead officers."""
    mapping = mapping or Mapping()
    table = _table(path)
    columns, errors = check_header(table, mapping, INDICATOR_COLUMNS, REQUIRED_INDICATOR_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    known = {i.ref.lower(): i for i in Indicator.objects.all()}
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        ref = read.text("ref", required=True, max_length=20)
        if ref.lower() in seen:
            read.error("ref", ref, f"appears twice (also row {seen[ref.lower()]})")
        elif ref:
            seen[ref.lower()] = number
        row = {
            "ref": ref,
            "kind": _choice(read, "kind", Indicator.Kind.choices, Indicator.Kind.KPI),
            "description": read.text("description", required=True, max_length=500),
            "directorate": read.text("directorate", required=True, max_length=200),
            "service_area": read.text("service_area", required=True, max_length=200),
            "director": read.text("director", max_length=200),
            "cabinet_member": read.text("cabinet_member", max_length=200),
            "delivery_partner": read.text("delivery_partner", max_length=200),
            "unit": _choice(read, "unit", Indicator.Unit.choices, Indicator.Unit.PERCENTAGE),
            "polarity": _choice(read, "polarity", Indicator.Polarity.choices, Indicator.Polarity.HIGHER),
            "frequency": _choice(read, "frequency", Indicator.Frequency.choices, Indicator.Frequency.MONTHLY),
            "year_to_date": _choice(
                read, "year_to_date", Indicator.YearToDate.choices, Indicator.YearToDate.CUMULATIVE
            ),
            "shown_as": _choice(read, "shown_as", Indicator.ShownAs.choices, Indicator.ShownAs.LATEST),
            "paired_with": read.text("paired_with", max_length=20),
            "owner": read.text("owner", max_length=200),
            "order": number,
        }
        if read.ok:
            rows.append(row)
    kinds = {ref: i.kind for ref, i in known.items()} | {r["ref"].lower(): r["kind"] for r in rows}
    for row in rows:
        paired = row["paired_with"]
        if not paired:
            continue
        kind = kinds.get(paired.lower())
        if kind is None:
            errors.append(
                RowError(table.name, row["order"], "paired_with", paired, "is not a known indicator reference")
            )
        elif row["kind"] != Indicator.Kind.ACTIVITY or kind != Indicator.Kind.KPI:
            message = "only an activity indicator pairs, and only with a KPI"
            errors.append(RowError(table.name, row["order"], "paired_with", paired, message))
    standards = []
    if standards_path:
        polarities = {ref: i.polarity for ref, i in known.items()} | {r["ref"].lower(): r["polarity"] for r in rows}
        standards = _read_standards(standards_path, mapping, polarities, errors)
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no rows of indicators under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write_indicators(rows, standards, user)


def _read_standards(path, mapping: Mapping, polarities: dict[str, str], errors: list) -> list[dict]:
    table = _table(path)
    columns, header_errors = check_header(table, mapping, STANDARD_COLUMNS, REQUIRED_STANDARD_COLUMNS)
    if header_errors:
        errors.extend(header_errors)
        return []
    rows = []
    seen: dict[tuple[str, int], int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        ref = read.text("ref", required=True, max_length=20)
        if ref and ref.lower() not in polarities:
            read.error("ref", ref, "is not a known indicator reference")
        year = read.integer("year", 1990, 2100)
        if year is None and read.is_blank("year"):
            read.error("year", "", "is required (the year the financial year starts: 2017 for 2017/18)")
        values = {name: _number(read, name) for name in ("target", "floor", "lower", "upper")}
        if read.ok:
            for column, message in standard_errors(polarities[ref.lower()], **values).items():
                read.error(column, values[column] if values[column] is not None else "", message)
        if ref and year is not None:
            key = (ref.lower(), year)
            if key in seen:
                read.error("year", year, f"{ref} has standards for this year already (row {seen[key]})")
            else:
                seen[key] = number
        if read.ok:
            rows.append({"ref": ref, "year": year, **values})
    return rows


@transaction.atomic
def _write_indicators(rows: list[dict], standards: list[dict], user) -> ImportResult:
    directorates = directorates_by_name(list(dict.fromkeys(r["directorate"] for r in rows)))
    areas: dict[tuple, ServiceArea] = {}
    for order, row in enumerate(rows):
        key = (row["directorate"], row["service_area"], row["delivery_partner"])
        if key in areas:
            continue
        area, _ = ServiceArea.objects.get_or_create(
            directorate=directorates[row["directorate"]],
            name=row["service_area"],
            delivery_partner=row["delivery_partner"],
            defaults={"order": order},
        )
        changed = False
        for name in ("director", "cabinet_member"):
            if row[name] and getattr(area, name) != row[name]:
                setattr(area, name, row[name])
                changed = True
        if changed:
            area.save()
        areas[key] = area
    existing = {i.ref.lower(): i for i in Indicator.objects.all()}
    people: dict = {}
    created = updated = unchanged = 0
    fields = ["kind", "description", "unit", "polarity", "frequency", "year_to_date", "shown_as", "order"]
    saved: dict[str, Indicator] = {}
    for row in rows:
        indicator = existing.get(row["ref"].lower()) or Indicator(ref=row["ref"])
        values = {name: row[name] for name in fields}
        values["service_area"] = areas[(row["directorate"], row["service_area"], row["delivery_partner"])]
        if row["owner"]:
            values["owner"] = find_or_create_person(row["owner"], people)
        is_new = indicator.pk is None
        if is_new or any(getattr(indicator, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator._history_user = user
            indicator.save()
            created += is_new
            updated += not is_new
        else:
            unchanged += 1
        saved[row["ref"].lower()] = indicator
        existing[row["ref"].lower()] = indicator
    for row in rows:
        paired = existing.get(row["paired_with"].lower()) if row["paired_with"] else None
        indicator = saved[row["ref"].lower()]
        if indicator.paired_with_id != (paired.pk if paired else None):
            indicator.paired_with = paired
            indicator.save(update_fields=["paired_with"])
    _write_standards(standards, existing, user)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _write_standards(rows: list[dict], indicators: dict[str, Indicator], user) -> None:
    if not rows:
        return
    current = {(s.indicator_id, s.year): s for s in Standard.objects.filter(indicator__in=list(indicators.values()))}
    to_create, to_update = [], []
    names = ["target", "floor", "lower", "upper"]
    for row in rows:
        indicator = indicators[row["ref"].lower()]
        standard = current.get((indicator.pk, row["year"]))
        if standard is None:
            to_create.append(Standard(indicator=indicator, year=row["year"], **{n: row[n] for n in names}))
        elif any(getattr(standard, n) != row[n] for n in names):
            for n in names:
                setattr(standard, n, row[n])
            to_update.append(standard)
    if to_create:
        bulk_create_with_history(to_create, Standard, default_user=user)
    if to_update:
        bulk_update_with_history(to_update, Standard, names, default_user=user)


@transaction.atomic
def create_indicator(
    *,
    ref: str,
    description: str,
    service_area: ServiceArea,
    user=None,
    kind: str = Indicator.Kind.KPI,
    unit: str = Indicator.Unit.PERCENTAGE,
    polarity: str = Indicator.Polarity.HIGHER,
    frequency: str = Indicator.Frequency.MONTHLY,
    year_to_date: str = Indicator.YearToDate.CUMULATIVE,
    owner=None,
    standards: list[dict] | tuple = (),
) -> Indicator:
    """One new indicator (for another system that defines its own KPIs, such as a contract's), with its yearly
    standards ({"year", "target", "floor", "lower", "upper"}). A reference in use, or standards that break the
    rules, are refused with a ValidationError naming the field."""
    from django.core.exceptions import ValidationError

    ref = ref.strip()
    if Indicator.objects.filter(ref__iexact=ref).exists():
        raise ValidationError({"ref": f"{ref} is already an indicator's reference."})
    indicator = Indicator(
        ref=ref,
        kind=kind,
        description=description.strip(),
        service_area=service_area,
        unit=unit,
        polarity=polarity,
        frequency=frequency,
        year_to_date=year_to_date,
        owner=owner,
        order=Indicator.objects.filter(service_area=service_area).count(),
    )
    indicator.full_clean()
    indicator._history_user = user
    indicator.save()
    for values in standards:
        values = {"target": None, "floor": None, "lower": None, "upper": None, **values}
        errors = standard_errors(polarity, values["target"], values["floor"], values["lower"], values["upper"])
        if errors:
            raise ValidationError(errors)
        standard = Standard(indicator=indicator, **values)
        standard._history_user = user
        standard.save()
    return indicator


def service_area_for(directorate_name: str, name: str) -> ServiceArea:
    """The directorate's service area of this name (with no delivery partner), made when missing."""
    directorate = directorates_by_name([directorate_name])[directorate_name]
    area, _ = ServiceArea.objects.get_or_create(directorate=directorate, name=name, delivery_partner="")
    return area
