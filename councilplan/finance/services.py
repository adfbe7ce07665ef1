"""Changing budget monitoring. Every change goes through here and is saved with who made it (the history says
who changed what and when); the admin's actions call these too.

- Cash limits change only by a recorded change (`record_cash_limit_change`): a virement moves budget between
  lines and must net to nil; a technical adjustment may change the total.
- A month's position is opened with a snapshot of every line (where it is, its cash limit) and forecasts start
  at the last position's; budget managers forecast while it is open; corporate directors adjust and finance
  writes the narrative until it is reported. Reported, it is frozen: `restate_position` makes a new version.
- Saves that people make on forms carry the version they read: a save based on an older version is refused
  (one conditional UPDATE), never silently overwriting someone else's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models import Max as models_max
from django.utils import timezone

from councilplan.analysis.finance import pence_from_text, pounds_exact
from councilplan.core.exchange import (
    ImportFailed,
    ImportResult,
    Mapping,
    RowError,
    RowReader,
    check_header,
    mapped_rows,
)
from councilplan.core.tabular import TableError, read_table

from .models import (
    ActivityTable,
    Adjustment,
    AsylumStatistics,
    BudgetLine,
    CapitalAdjustment,
    CapitalFunding,
    CapitalLine,
    CapitalPosition,
    CashLimit,
    CashLimitChange,
    CashLimitEntry,
    CompanyDividend,
    Directorate,
    Division,
    FinancialYear,
    Position,
    PositionLine,
    PositionUnit,
    ReportingUnit,
    Reserve,
    ReserveItem,
    RollForward,
    Saving,
    SchoolReserveMovement,
)

STALE = "Someone else saved this since you opened it. Your changes were not saved: reload to see theirs."


def _save(instance, user, reason: str = ""):
    instance.full_clean()
    instance._history_user = user
    if reason:
        instance._change_reason = reason[:100]  # the history's reason holds 100 characters
    instance.save()
    return instance


def _frozen(position: Position) -> None:
    if position.frozen:
        raise ValidationError(
            f"The {position} position was reported to {position.reported_to or 'Cabinet'} and is frozen. "
            "Make a new version of it to change it."
        )


# --- the budget -------------------------------------------------------------------------------------------


@transaction.atomic
def create_year(*, label: str, starts_on: dt.date, user=None) -> FinancialYear:
    return _save(FinancialYear(label=label, starts_on=starts_on), user)


@transaction.atomic
def create_directorate(*, code: str, name: str, user=None, **fields) -> Directorate:
    return _save(Directorate(code=code, name=name, **fields), user)


@transaction.atomic
def set_corporate_director(directorate: Directorate, *, director, user) -> Directorate:
    directorate.corporate_director = director
    return _save(directorate, user, "Corporate director set")


@transaction.atomic
def create_unit(*, code: str, name: str, directorate: Directorate, user=None, **fields) -> ReportingUnit:
    return _save(ReportingUnit(code=code, name=name, directorate=directorate, **fields), user)


@transaction.atomic
def move_unit(unit: ReportingUnit, *, directorate: Directorate, reason: str, user) -> ReportingUnit:
    """A unit moves to another directorate (Public Health to S&CS): from the next position it opens there."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the unit moves"})
    unit.directorate = directorate
    return _save(unit, user, reason.strip())


@transaction.atomic
def create_division(*, code: str, name: str, directorate: Directorate, user=None, order: int = 0) -> Division:
    return _save(Division(code=code, name=name, directorate=directorate, order=order), user)


@transaction.atomic
def create_line(
    *,
    code: str,
    heading: str,
    unit: ReportingUnit,
    year: FinancialYear,
    gross: int,
    income: int,
    user=None,
    reason: str = "Budget set by County Council",
    **fields,
) -> BudgetLine:
    """A new line with its cash limit for the year (recorded as a change, so that every pound of the budget has
    its history)."""
    if BudgetLine.objects.filter(code=code).exists():
        raise ValidationError({"code": f"{code} is already used. A line's code is never given to another line."})
    line = _save(BudgetLine(code=code, heading=heading.strip(), unit=unit, **fields), user)
    _save(CashLimit(line=line, year=year, gross=0, income=0), user)
    record_cash_limit_change(
        year=year,
        kind=CashLimitChange.Kind.BUDGET,
        made_on=year.starts_on,
        reason=reason,
        entries=[(line, gross, income)],
        user=user,
    )
    return line


LINE_FIELDS = ("heading", "unit", "division", "high_risk", "budget_manager", "order", "active", "project_reference")


@transaction.atomic
def update_line(line: BudgetLine, *, user, reason: str = "", **fields) -> BudgetLine:
    """Rename or move a line (it keeps its code and history), or change its budget manager."""
    for name, value in fields.items():
        if name not in LINE_FIELDS:
            raise TypeError(f"update_line() got an unexpected field {name!r}")
        setattr(line, name, value.strip() if isinstance(value, str) else value)
    if line.division and line.division.directorate_id != line.unit.directorate_id:
        raise ValidationError({"division": "The division must be in the line's directorate."})
    return _save(line, user, reason)


@transaction.atomic
def link_line(line: BudgetLine | CapitalLine, *, activities=None, risks=None, project_reference=None, user):
    """The plan activities a line or scheme funds, the risks it bears on and its assurance project."""
    if activities is not None:
        line.activities.set(activities)
    if risks is not None:
        line.risks.set(risks)
    if project_reference is not None:
        line.project_reference = project_reference.strip()
    return _save(line, user, "Links changed")


@transaction.atomic
def record_cash_limit_change(
    *,
    year: FinancialYear,
    kind: str,
    made_on: dt.date,
    reason: str,
    entries: Sequence[tuple[BudgetLine, int, int]],
    user,
    approved_by: str = "",
) -> CashLimitChange:
    """A virement or technical adjustment: each entry adds (gross, income) pence to a line's cash limit."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the cash limits change"})
    if not entries:
        raise ValidationError("A change needs at least one line.")
    if kind == CashLimitChange.Kind.VIREMENT and sum(g + i for _, g, i in entries):
        raise ValidationError("A virement moves budget between lines: its entries must net to nil.")
    change = _save(
        CashLimitChange(
            year=year, kind=kind, made_on=made_on, reason=reason.strip(), approved_by=approved_by, recorded_by=user
        ),
        user,
    )
    for line, gross, income in entries:
        _save(CashLimitEntry(change=change, line=line, gross=gross, income=income), user)
        limit, _ = CashLimit.objects.get_or_create(line=line, year=year, defaults={"gross": 0, "income": 0})
        limit.gross += gross
        limit.income += income
        _save(limit, user, f"{change.get_kind_display()}: {reason.strip()[:80]}")
    return change


@transaction.atomic
def add_saving(
    *, line: BudgetLine, year: FinancialYear, description: str, amount: int, rag: str, user=None, slips_to: str = ""
) -> Saving:
    return _save(Saving(line=line, year=year, description=description, amount=amount, rag=rag, slips_to=slips_to), user)


# --- positions --------------------------------------------------------------------------------------------


def latest_version(month: dt.date) -> Position | None:
    return Position.objects.filter(month=month).order_by("-version").first()


@transaction.atomic
def open_position(
    *, year: FinancialYear, month: dt.date, user, opens_at=None, closes_at=None, state: str = Position.State.OPEN
) -> Position:
    """A new month: every active line as it is now (unit, division, heading, cash limit), its forecast starting
    at the last position's (or at the cash limit), every unit with its directorate now."""
    month = month.replace(day=1)
    if Position.objects.filter(month=month).exists():
        raise ValidationError({"month": f"There is already a position for {month:%B %Y}."})
    position = _save(
        Position(year=year, month=month, opens_at=opens_at, closes_at=closes_at, state=state), user, "Opened"
    )
    previous = Position.objects.filter(month__lt=month).order_by("-month", "-version").first()
    earlier = {}
    if previous is not None:
        earlier = {
            pl.line_id: pl
            for pl in PositionLine.objects.filter(position=previous).only(
                "line", "forecast_gross", "forecast_income", "gross", "income"
            )
        }
    limits = {c.line_id: c for c in CashLimit.objects.filter(year=year)}
    lines = BudgetLine.objects.filter(active=True).select_related("unit")
    for order, line in enumerate(lines):
        limit = limits.get(line.pk)
        gross, income = (limit.gross, limit.income) if limit else (0, 0)
        before = earlier.get(line.pk)
        if before is not None:
            # Keep last month's variance on the new cash limit.
            forecast = (
                gross + (before.forecast_gross - before.gross),
                income + (before.forecast_income - before.income),
            )
        else:
            forecast = (gross, income)
        _save(
            PositionLine(
                position=position,
                line=line,
                heading=line.heading,
                unit=line.unit,
                division=line.division,
                order=line.order or order,
                gross=gross,
                income=income,
                forecast_gross=forecast[0],
                forecast_income=forecast[1],
            ),
            user,
        )
    for unit in ReportingUnit.objects.select_related("directorate"):
        _save(PositionUnit(position=position, unit=unit, directorate=unit.directorate), user)
    return position


TRANSITIONS = {
    Position.State.DRAFT: (Position.State.OPEN,),
    Position.State.OPEN: (Position.State.CLOSED,),
    Position.State.CLOSED: (Position.State.OPEN,),
}


@transaction.atomic
def set_state(position: Position, *, state: str, user) -> Position:
    """Open for forecasts, close for adjustment and narrative, or reopen. Reporting has its own service."""
    _frozen(position)
    if state not in TRANSITIONS.get(position.state, ()):
        raise ValidationError(f"A position that is {position.get_state_display().lower()} cannot become {state}.")
    position.state = state
    return _save(position, user, f"State: {state}")


@transaction.atomic
def report_position(position: Position, *, reported_to: str, reported_on: dt.date, user) -> Position:
    """Reported to Cabinet: frozen from now on."""
    _frozen(position)
    if position.state == Position.State.DRAFT:
        raise ValidationError("Open the position for forecasts before reporting it.")
    if not reported_to.strip():
        raise ValidationError({"reported_to": "Say where it was reported, e.g. Cabinet"})
    position.state = Position.State.REPORTED
    position.reported_to = reported_to.strip()
    position.reported_on = reported_on
    return _save(position, user, f"Reported to {reported_to.strip()}")


@transaction.atomic
def restate_position(position: Position, *, reason: str, user) -> Position:
    """A frozen position cannot change: a new version of the month copies it whole, to be changed and reported
    again. The reported one stays as it was, with its history."""
    if not position.frozen:
        raise ValidationError("Only a reported position needs a new version: change this one directly.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the reported position must change"})
    if hasattr(position, "superseded_by"):
        raise ValidationError("This position already has a newer version.")
    copy = _save(
        Position(
            year=position.year,
            month=position.month,
            version=position.version + 1,
            supersedes=position,
            state=Position.State.CLOSED,
            capital_headline_basis=position.capital_headline_basis,
            summary=position.summary,
        ),
        user,
        reason.strip(),
    )

    def clone(queryset, **changes):
        for item in queryset:
            item.pk = None
            item.id = None
            for name, value in changes.items():
                setattr(item, name, value)
            _save(item, user, f"Copied from version {position.version}")

    clone(position.lines.all(), position=copy)
    clone(position.units.all(), position=copy)
    clone(position.adjustments.all(), position=copy)
    clone(position.roll_forwards.all(), position=copy)
    clone(position.school_reserves.all(), position=copy)
    clone(position.dividends.all(), position=copy)
    for reserve in position.reserves.prefetch_related("items"):
        items = list(reserve.items.all())
        reserve.pk = reserve.id = None
        reserve.position = copy
        _save(reserve, user)
        clone(items, reserve=reserve)
    clone(position.activity_tables.all(), position=copy)
    if hasattr(position, "asylum"):
        clone([position.asylum], position=copy)
    for capital in position.capital.prefetch_related("funding"):
        funding = list(capital.funding.all())
        capital.pk = capital.id = None
        capital.position = copy
        _save(capital, user)
        clone(funding, capital=capital)
    clone(position.capital_adjustments.all(), position=copy)
    return copy


def _claim(instance, version: int) -> None:
    """One conditional UPDATE: it claims the next version only if nobody saved since `version` was read (two
    saves racing cannot both pass it); the save that follows records the change in the history."""
    claimed = type(instance).objects.filter(pk=instance.pk, version=version).update(version=F("version") + 1)
    if not claimed:
        raise ValidationError(STALE)
    instance.version = version + 1


@transaction.atomic
def save_forecast(
    position_line: PositionLine, *, gross: int, income: int, user, version: int, note: str = "", finance: bool
) -> PositionLine:
    """The budget manager's forecast outturn for the year (gross and income). Budget managers while the position
    is open; the finance team until it is reported."""
    position = position_line.position
    _frozen(position)
    if not finance and position.state != Position.State.OPEN:
        raise ValidationError("Forecasts are entered while the position is open. Ask the finance team.")
    _claim(position_line, version)
    position_line.forecast_gross, position_line.forecast_income = gross, income
    position_line.forecast_note = note.strip()
    position_line.forecast_by, position_line.forecast_at = user, timezone.now()
    return _save(position_line, user, "Forecast saved")


FORECAST_COLUMNS = ["line", "heading", "forecast_gross", "forecast_income", "note"]
REQUIRED_FORECAST_COLUMNS = ["line", "forecast_gross", "forecast_income"]


@transaction.atomic
def import_forecasts(
    position: Position,
    path: str | Path,
    *,
    user,
    may_forecast: Callable[[PositionLine], bool],
    finance: bool,
    mapping: Mapping | None = None,
) -> ImportResult:
    """The budget managers' spreadsheet: a row per line (line code, forecast gross and income in pounds).
    Atomic: every bad row, column and value is named and nothing is written unless every row is good."""
    _frozen(position)
    if not finance and position.state != Position.State.OPEN:
        raise ImportFailed([RowError(Path(path).name, 0, "", "", "forecasts are entered while the position is open")])
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([RowError(Path(path).name, 0, "", "", str(error))]) from None
    columns, errors = check_header(table, mapping, FORECAST_COLUMNS, REQUIRED_FORECAST_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    lines = {pl.line.code: pl for pl in position.lines.select_related("line", "line__budget_manager")}

    seen: dict[str, int] = {}
    changes = []
    for number, cells in mapped_rows(table, columns, errors):
        row = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            row.error("", cells[""], "is a value under no heading")
        code = row.text("line", required=True)
        found = lines.get(code)
        if code and found is None:
            row.error("line", code, f"is not a line of the {position} position")
        elif found is not None and not may_forecast(found):
            row.error("line", code, "is not one of your lines")
        if code in seen:
            row.error("line", code, f"appears twice (also row {seen[code]})")
        seen.setdefault(code, number)
        amounts = []
        for column in ("forecast_gross", "forecast_income"):
            text = row.text(column, required=True)
            try:
                amounts.append(pence_from_text(text) if text else None)
            except ValueError as error:
                row.error(column, text, str(error))
                amounts.append(None)
        note = row.text("note", max_length=2000)
        if row.ok and found is not None:
            changes.append((found, amounts[0], amounts[1], note))
    if errors:
        raise ImportFailed(errors)
    for found, gross, income, note in changes:
        found.forecast_gross, found.forecast_income = gross, income
        found.forecast_note = note.strip() or found.forecast_note
        found.forecast_by, found.forecast_at = user, timezone.now()
        found.version += 1
        _save(found, user, "Forecast imported")
    return ImportResult(created=0, updated=len(changes), warnings=[])


@transaction.atomic
def add_adjustment(position: Position, *, unit: ReportingUnit, amount: int, reason: str, user) -> Adjustment:
    """A corporate director's adjustment, itemised with its reason."""
    _frozen(position)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the forecast is adjusted"})
    if amount == 0:
        raise ValidationError({"amount": "Enter an amount other than nil"})
    return _save(Adjustment(position=position, unit=unit, amount=amount, reason=reason.strip(), entered_by=user), user)


@transaction.atomic
def remove_adjustment(adjustment: Adjustment, *, user) -> None:
    _frozen(adjustment.position)
    adjustment._history_user = user
    adjustment.delete()


@transaction.atomic
def save_narrative(position_unit: PositionUnit, *, reasons: str, headlines: str, user, version: int) -> PositionUnit:
    """Finance's narrative for a unit: the reasons for the movement and the headlines."""
    _frozen(position_unit.position)
    _claim(position_unit, version)
    position_unit.reasons, position_unit.headlines = reasons.strip(), headlines.strip()
    return _save(position_unit, user, "Narrative saved")


@transaction.atomic
def save_summary(position: Position, *, summary: str, user) -> Position:
    _frozen(position)
    position.summary = summary.strip()
    return _save(position, user, "Summary saved")


@transaction.atomic
def add_roll_forward(position: Position, *, line: BudgetLine, kind: str, amount: int, reason: str, user):
    _frozen(position)
    return _save(RollForward(position=position, line=line, kind=kind, amount=amount, reason=reason), user)


@transaction.atomic
def set_school_reserves(
    position: Position, *, brought_forward: tuple[int, int], movements: Iterable[tuple[str, int, int]], user
) -> None:
    """The school reserves' balance brought forward and forecast movements (replacing what was entered)."""
    _frozen(position)
    position.school_reserves.all().delete()
    _save(
        SchoolReserveMovement(
            position=position,
            brought_forward=True,
            reason="Balance b fwd",
            individual=brought_forward[0],
            central=brought_forward[1],
        ),
        user,
    )
    for order, (reason, individual, central) in enumerate(movements, start=1):
        _save(
            SchoolReserveMovement(
                position=position, reason=reason, individual=individual, central=central, order=order
            ),
            user,
        )


@transaction.atomic
def set_reserve(
    position: Position,
    *,
    code: str,
    name: str,
    opening: int,
    projected: int,
    order: int = 0,
    items: Iterable[tuple[str, int]] = (),
    user,
) -> Reserve:
    _frozen(position)
    reserve, _ = Reserve.objects.get_or_create(position=position, code=code, defaults={"name": name})
    reserve.name, reserve.opening, reserve.projected, reserve.order = name, opening, projected, order
    _save(reserve, user)
    reserve.items.all().delete()
    for index, (description, amount) in enumerate(items):
        _save(ReserveItem(reserve=reserve, description=description, amount=amount, order=index), user)
    return reserve


@transaction.atomic
def add_dividend(
    position: Position,
    *,
    company: str,
    budget: int,
    forecast: int,
    from_trading: int,
    from_reserves: int,
    user,
    **exempt,
) -> CompanyDividend:
    _frozen(position)
    return _save(
        CompanyDividend(
            position=position,
            company=company,
            budget=budget,
            forecast=forecast,
            from_trading=from_trading,
            from_reserves=from_reserves,
            **exempt,
        ),
        user,
    )


@transaction.atomic
def save_activity_table(position: Position, *, ref: str, user, **fields) -> ActivityTable:
    _frozen(position)
    table = ActivityTable.objects.filter(position=position, ref=ref).first() or ActivityTable(
        position=position, ref=ref
    )
    for name, value in fields.items():
        setattr(table, name, value)
    return _save(table, user, "Activity data saved")


@transaction.atomic
def save_asylum(position: Position, *, user, **tables) -> AsylumStatistics:
    _frozen(position)
    found = AsylumStatistics.objects.filter(position=position).first() or AsylumStatistics(position=position)
    for name, value in tables.items():
        setattr(found, name, value)
    return _save(found, user)


# --- capital ----------------------------------------------------------------------------------------------


@transaction.atomic
def create_capital_line(*, code: str, title: str, directorate: Directorate, user=None, **fields) -> CapitalLine:
    if CapitalLine.objects.filter(code=code).exists():
        raise ValidationError({"code": f"{code} is already used."})
    return _save(CapitalLine(code=code, title=title.strip(), directorate=directorate, **fields), user)


@transaction.atomic
def save_capital(
    position: Position,
    *,
    line: CapitalLine,
    budget: int,
    real: int,
    rephasing: int,
    user,
    explanation: str = "",
    later_real: int = 0,
    version: int | None = None,
) -> CapitalPosition:
    """A scheme's working budget and its variance split real / rephasing, entered by capital finance."""
    _frozen(position)
    found = CapitalPosition.objects.filter(position=position, line=line).first()
    if found is not None and version is not None:
        _claim(found, version)
    found = found or CapitalPosition(position=position, line=line)
    found.budget, found.real, found.rephasing = budget, real, rephasing
    found.explanation, found.later_real = explanation.strip(), later_real
    return _save(found, user, "Capital forecast saved")


@transaction.atomic
def set_capital_funding(capital: CapitalPosition, *, funding: Iterable[tuple[str, int]], user) -> None:
    """The funding of a real overspend: it must add up to the real variance."""
    _frozen(capital.position)
    funding = list(funding)
    if funding and sum(amount for _, amount in funding) != capital.real:
        raise ValidationError("The funding must add up to the real variance.")
    capital.funding.all().delete()
    for source, amount in funding:
        _save(CapitalFunding(capital=capital, source=source, amount=amount), user)


@transaction.atomic
def add_capital_adjustment(
    position: Position, *, line: CapitalLine, amount: int, year: str, funding: str, reason: str, user
) -> CapitalAdjustment:
    _frozen(position)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the cash limit changes"})
    return _save(
        CapitalAdjustment(
            position=position, line=line, amount=amount, year=year, funding=funding, reason=reason.strip()
        ),
        user,
    )


# --- forms' saves: capital, reserves, activity data ---------------------------------------------------------
#
# Each carries the version the person read (a save on an older version is refused, never overwriting someone
# else's), is refused once the position is reported (frozen: a change makes a new version of the position), and
# writes a reason in the history.

YEAR_FORMAT = "A financial year such as 2017-18"


def _check_year(year: str) -> str:
    year = year.strip()
    first, _, second = year.partition("-")
    if not (len(first) == 4 and first.isdigit() and len(second) == 2 and second.isdigit()):
        raise ValidationError({"year": f"Enter {YEAR_FORMAT[0].lower()}{YEAR_FORMAT[1:]}"})
    if (int(first) + 1) % 100 != int(second):
        raise ValidationError({"year": f"{year} is not a financial year: the second part follows the first"})
    return year


@transaction.atomic
def save_capital_forecast(
    position: Position,
    *,
    line: CapitalLine,
    budget: int,
    forecast: int,
    real: int,
    rephasing: int,
    user,
    version: int | None,
    explanation: str = "",
    later_real: int = 0,
    funding: Sequence[tuple[str, int]] = (),
) -> CapitalPosition:
    """A scheme's month: the year's working budget and forecast, and the variance (forecast − budget) split into
    real (the scheme's total cost changes) and rephasing (spend moving between years at the same total). The two
    parts must add up to the variance; the funding of a real variance, when given, must add up to it."""
    _frozen(position)
    errors = {}
    if real + rephasing != forecast - budget:
        errors["rephasing"] = (
            f"Real and rephasing must add up to the variance (forecast − working budget = "
            f"{_pounds(forecast - budget)}); they add up to {_pounds(real + rephasing)}"
        )
    funding = [(source.strip(), amount) for source, amount in funding if source.strip() or amount]
    if any(not source for source, _ in funding):
        errors["funding"] = "Name the source of each funding amount"
    elif funding and sum(amount for _, amount in funding) != real:
        errors["funding"] = (
            f"The funding must add up to the real variance ({_pounds(real)}); it adds up to "
            f"{_pounds(sum(amount for _, amount in funding))}"
        )
    if real and not explanation.strip():
        errors["explanation"] = "Say why the scheme's total cost changes (a real variance needs its reason)"
    if errors:
        raise ValidationError(errors)
    existing = CapitalPosition.objects.filter(position=position, line=line).first()
    if existing is not None and version is None:
        raise ValidationError(STALE)
    if existing is None and version is not None:
        raise ValidationError(STALE)
    capital = save_capital(
        position,
        line=line,
        budget=budget,
        real=real,
        rephasing=rephasing,
        user=user,
        explanation=explanation,
        later_real=later_real,
        version=version,
    )
    capital.funding.all().delete()
    for source, amount in funding:
        _save(CapitalFunding(capital=capital, source=source, amount=amount), user, "Funding of the real variance")
    return capital


@transaction.atomic
def record_capital_adjustment(
    position: Position,
    *,
    line: CapitalLine,
    amount: int,
    year: str,
    funding: str,
    reason: str,
    user,
    agreed_on: dt.date | None = None,
) -> CapitalAdjustment:
    """A cash limit adjustment to the capital programme (scheme, amount, year, funding, reason), for Cabinet."""
    _frozen(position)
    errors = {}
    if amount == 0:
        errors["amount"] = "Enter an amount other than nil"
    try:
        year = _check_year(year)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not funding.strip():
        errors["funding"] = "Say which funding the adjustment changes, for example grant"
    if not reason.strip():
        errors["reason"] = "Say why the cash limit changes"
    if errors:
        raise ValidationError(errors)
    adjustment = CapitalAdjustment(
        position=position,
        line=line,
        amount=amount,
        year=year,
        funding=funding.strip(),
        reason=reason.strip(),
        agreed_on=agreed_on,
    )
    return _save(adjustment, user, f"Cash limit adjustment: {reason.strip()}")


@transaction.atomic
def remove_capital_adjustment(adjustment: CapitalAdjustment, *, reason: str, user) -> None:
    _frozen(adjustment.position)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the adjustment is removed"})
    adjustment._history_user = user
    adjustment._change_reason = f"Removed: {reason.strip()}"[:100]
    adjustment.delete()


@transaction.atomic
def create_reserve(
    position: Position, *, code: str, name: str, opening: int, projected: int, user, order: int | None = None
) -> Reserve:
    """A reserve account in a position's half-year projection."""
    _frozen(position)
    if position.reserves.filter(code=code).exists():
        raise ValidationError({"code": f"The {position} position already has a reserve {code}."})
    if order is None:
        order = position.reserves.count() + 1
    reserve = Reserve(position=position, code=code, name=name.strip(), opening=opening, projected=projected)
    reserve.order = order
    return _save(reserve, user, "Reserve added")


@transaction.atomic
def save_reserve(reserve: Reserve, *, name: str, opening: int, projected: int, version: int, user, reason: str):
    """A reserve's balance at 31 March and its projected balance at the next: its movement is the difference."""
    _frozen(reserve.position)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the balances change"})
    _claim(reserve, version)
    reserve.name, reserve.opening, reserve.projected = name.strip(), opening, projected
    return _save(reserve, user, reason.strip())


@transaction.atomic
def add_reserve_item(reserve: Reserve, *, description: str, amount: int, user) -> ReserveItem:
    """One item of a reserve's movement (a drawdown is negative). The items are to add up to the movement:
    the reserve's page says by how much they do not while they are being entered."""
    _frozen(reserve.position)
    errors = {}
    if not description.strip():
        errors["description"] = "Describe the movement"
    if amount == 0:
        errors["amount"] = "Enter an amount other than nil"
    if errors:
        raise ValidationError(errors)
    order = (reserve.items.aggregate(m=models_max("order"))["m"] or 0) + 1
    item = ReserveItem(reserve=reserve, description=description.strip(), amount=amount, order=order)
    return _save(item, user, "Movement added")


@transaction.atomic
def remove_reserve_item(item: ReserveItem, *, user) -> None:
    _frozen(item.reserve.position)
    item._history_user = user
    item._change_reason = "Movement removed"
    item.delete()


ACTIVITY_MONEY_FIELDS = (
    "budget_a",
    "budget_b",
    "forecast_a",
    "forecast_b",
    "ytd_budget_a",
    "ytd_budget_b",
    "ytd_actual_a",
    "ytd_actual_b",
)
ACTIVITY_NUMBER_FIELDS = (
    "activity_budget",
    "activity_forecast",
    "activity_ytd_budget",
    "activity_ytd_actual",
    "staff_start_kcc",
    "staff_start_agency",
    "staff_now_kcc",
    "staff_now_agency",
)
ACTIVITY_FIELDS = (*ACTIVITY_MONEY_FIELDS, *ACTIVITY_NUMBER_FIELDS, "demand", "unit_cost", "other", "reasons")


@transaction.atomic
def update_activity_table(table: ActivityTable, *, user, version: int, finance: bool, **fields) -> ActivityTable:
    """A month's activity data for a high-risk budget, beside its money. Its budget manager while the position
    is open, finance until it is reported. The gross variance, when explained, is demand + unit cost + other
    exactly; the activity measures cannot be negative."""
    position = table.position
    _frozen(position)
    if not finance and position.state != Position.State.OPEN:
        raise ValidationError("Activity data is entered while the position is open. Ask the finance team.")
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"update_activity_table() got unexpected fields {sorted(unknown)}")
    errors = {}
    for name in ACTIVITY_NUMBER_FIELDS:
        value = fields.get(name)
        if value is not None and value < 0:
            errors[name] = "Enter a number of nil or more"
    parts = [fields.get(name) for name in ("demand", "unit_cost", "other")]
    if any(part is not None for part in parts):
        variance = fields.get("forecast_a", table.forecast_a) - fields.get("budget_a", table.budget_a)
        if table.kind == ActivityTable.Kind.SERVICE and sum(p or 0 for p in parts) != variance:
            errors["other"] = (
                f"Demand, unit cost and other must add up to the gross variance (forecast − budget = "
                f"{_pounds(variance)}); they add up to {_pounds(sum(p or 0 for p in parts))}"
            )
    if errors:
        raise ValidationError(errors)
    _claim(table, version)
    for name, value in fields.items():
        setattr(table, name, value.strip() if isinstance(value, str) else value)
    return _save(table, user, "Activity data saved")


def _pounds(pence: int) -> str:
    return pounds_exact(pence)
