"""Reading budget monitoring as plain records, in a fixed number of queries whatever the number of lines.

The pages, the reports and the commands read through here; the figures are then worked out by
`councilplan.analysis.finance`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from councilplan.analysis import finance as f
from councilplan.core.exempt import visible
from councilplan.core.permissions import can_see_exempt
from councilplan.monitoring.models import Return

from .models import (
    ActivityTable,
    Adjustment,
    BudgetLine,
    CapitalPosition,
    CompanyDividend,
    Position,
    PositionLine,
    PositionUnit,
    ReserveItem,
)

# --- positions --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PositionRecord:
    id: int
    month: dt.date
    version: int
    state: str
    state_label: str
    year: str
    reported_to: str = ""
    reported_on: dt.date | None = None
    opens_at: dt.datetime | None = None
    closes_at: dt.datetime | None = None
    summary: str = ""
    capital_headline_basis: str = "movement"
    superseded: bool = False

    @property
    def label(self) -> str:
        return f"{self.month:%B} {self.year}" + (f" (version {self.version})" if self.version > 1 else "")

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def frozen(self) -> bool:
        return self.state == Position.State.REPORTED


def _record(position: Position) -> PositionRecord:
    return PositionRecord(
        id=position.pk,
        month=position.month,
        version=position.version,
        state=position.state,
        state_label=position.get_state_display(),
        year=position.year.label,
        reported_to=position.reported_to,
        reported_on=position.reported_on,
        opens_at=position.opens_at,
        closes_at=position.closes_at,
        summary=position.summary,
        capital_headline_basis=position.capital_headline_basis,
        superseded=hasattr(position, "superseded_by"),
    )


def position_list() -> list[PositionRecord]:
    return [_record(p) for p in Position.objects.select_related("year", "superseded_by").order_by("-month", "-version")]


def find_position(month: str | None) -> Position | None:
    """The latest version of a month ("2017-09"), or the latest month when None."""
    queryset = Position.objects.select_related("year").order_by("-month", "-version")
    if month:
        try:
            first = dt.date.fromisoformat(f"{month}-01")
        except ValueError:
            return None
        queryset = queryset.filter(month=first)
    return queryset.first()


def last_reported(position: Position) -> Position | None:
    """The last position reported to Cabinet before this month (its latest version)."""
    return (
        Position.objects.filter(month__lt=position.month, state=Position.State.REPORTED)
        .select_related("year")
        .order_by("-month", "-version")
        .first()
    )


def reported_series(position: Position) -> list[Position]:
    """Every reported month of the position's year up to it (latest versions), in month order, for the
    trajectory; the position itself included whatever its state."""
    found: dict[dt.date, Position] = {}
    for item in (
        Position.objects.filter(year=position.year, month__lte=position.month)
        .select_related("year")
        .order_by("month", "version")
    ):
        if item.state == Position.State.REPORTED or item.pk == position.pk:
            found[item.month] = item
    return [found[month] for month in sorted(found)]


@dataclass(frozen=True)
class LineRow:
    """A line in a position, for the pages (with who may forecast it)."""

    id: int  # PositionLine id
    line_id: int
    code: str
    heading: str
    unit: str
    unit_name: str
    directorate: str
    gross: int
    income: int
    forecast_gross: int
    forecast_income: int
    version: int
    budget_manager_id: int | None
    budget_manager: str
    high_risk: bool
    forecast_by: str = ""
    forecast_at: dt.datetime | None = None
    forecast_note: str = ""

    @property
    def net(self) -> int:
        return self.gross + self.income

    @property
    def forecast_net(self) -> int:
        return self.forecast_gross + self.forecast_income

    @property
    def variance(self) -> int:
        return self.forecast_net - self.net


@dataclass(frozen=True)
class UnitNarrative:
    id: int
    unit: str
    name: str
    directorate: str
    directorate_name: str
    reasons: str
    headlines: str
    version: int
    adjustments: tuple[tuple[int, int, str], ...] = ()  # (id, amount, reason)


@dataclass
class PositionBundle:
    """A position read whole: its analysis data and the records the pages show."""

    record: PositionRecord
    data: f.PositionData
    lines: list[LineRow]
    narrative: list[UnitNarrative]
    school_reserves: f.SchoolReserves | None
    roll_forwards: list = field(default_factory=list)


def position_bundle(position: Position) -> PositionBundle:
    """Everything of a position in a fixed number of queries."""
    lines = list(
        PositionLine.objects.filter(position=position)
        .select_related("line", "line__budget_manager", "unit", "division", "forecast_by")
        .order_by("order", "id")
    )
    units = list(PositionUnit.objects.filter(position=position).select_related("unit", "directorate"))
    adjustments = list(Adjustment.objects.filter(position=position).order_by("id"))
    reserves = list(position.school_reserves.all())
    roll_forwards = list(position.roll_forwards.all())
    by_unit: dict[int, list[Adjustment]] = {}
    for adjustment in adjustments:
        by_unit.setdefault(adjustment.unit_id, []).append(adjustment)
    unit_codes = {u.unit_id: u.unit.code for u in units}
    analysis_units = tuple(
        f.Unit(
            code=u.unit.code,
            name=u.unit.name,
            directorate=u.directorate.code,
            directorate_name=u.directorate.name,
            order=u.unit.order,
            directorate_order=u.directorate.order,
            schools=u.unit.schools,
            label=u.unit.label,
        )
        for u in units
    )
    analysis_lines = tuple(
        f.Line(
            code=pl.line.code,
            heading=pl.heading,
            unit=unit_codes.get(pl.unit_id, ""),
            gross=pl.gross,
            income=pl.income,
            forecast_gross=pl.forecast_gross,
            forecast_income=pl.forecast_income,
            division=pl.division.name if pl.division else "",
            division_order=pl.division.order if pl.division else 0,
            high_risk=pl.line.high_risk,
            order=pl.order,
        )
        for pl in lines
    )
    school = None
    if reserves:
        brought = [r for r in reserves if r.brought_forward]
        school = f.school_reserves(
            f.SchoolReserveItem("Balance b fwd", brought[0].individual, brought[0].central)
            if brought
            else f.SchoolReserveItem("Balance b fwd"),
            [f.SchoolReserveItem(r.reason, r.individual, r.central) for r in reserves if not r.brought_forward],
        )
    data = f.PositionData(
        label=str(position),
        units=analysis_units,
        lines=analysis_lines,
        cda={unit_codes[k]: sum(a.amount for a in v) for k, v in by_unit.items() if k in unit_codes},
        adjusted=frozenset(unit_codes[k] for k in by_unit if k in unit_codes),
        schools_variance=school.variance if school else 0,
        roll_forwards=tuple(f.RollForward(r.kind, r.amount) for r in roll_forwards),
    )
    unit_by_code = {u.unit.code: u for u in units}
    rows = [
        LineRow(
            id=pl.pk,
            line_id=pl.line_id,
            code=pl.line.code,
            heading=pl.heading,
            unit=unit_codes.get(pl.unit_id, ""),
            unit_name=pl.unit.name,
            directorate=unit_by_code[unit_codes[pl.unit_id]].directorate.code if pl.unit_id in unit_codes else "",
            gross=pl.gross,
            income=pl.income,
            forecast_gross=pl.forecast_gross,
            forecast_income=pl.forecast_income,
            version=pl.version,
            budget_manager_id=pl.line.budget_manager_id,
            budget_manager=str(pl.line.budget_manager or ""),
            high_risk=pl.line.high_risk,
            forecast_by=str(pl.forecast_by or ""),
            forecast_at=pl.forecast_at,
            forecast_note=pl.forecast_note,
        )
        for pl in lines
    ]
    narrative = [
        UnitNarrative(
            id=u.pk,
            unit=u.unit.code,
            name=u.unit.name,
            directorate=u.directorate.code,
            directorate_name=u.directorate.name,
            reasons=u.reasons,
            headlines=u.headlines,
            version=u.version,
            adjustments=tuple((a.pk, a.amount, a.reason) for a in by_unit.get(u.unit_id, [])),
        )
        for u in units
    ]
    return PositionBundle(_record(position), data, rows, narrative, school, roll_forwards)


# --- capital, reserves, companies, activity ---------------------------------------------------------------


@dataclass(frozen=True)
class CapitalRecord:
    line: f.CapitalLine
    id: int
    line_id: int
    version: int
    funding: tuple[tuple[str, int], ...] = ()
    later_real: int = 0


def capital_records(position: Position, last: Position | None, user) -> list[CapitalRecord]:
    """The schemes in a position with their last reported figures; exempt schemes only for people cleared."""
    last_figures = {}
    if last is not None:
        last_figures = {c.line_id: (c.real, c.rephasing) for c in CapitalPosition.objects.filter(position=last)}
    found = []
    for c in (
        CapitalPosition.objects.filter(position=position)
        .select_related("line", "line__directorate")
        .prefetch_related("funding")
        .order_by("line__directorate__order", "id")
    ):
        previous = last_figures.get(c.line_id, (0, 0) if last is not None else (None, None))
        found.append(
            CapitalRecord(
                line=f.CapitalLine(
                    code=c.line.code,
                    title=c.line.title,
                    directorate=c.line.directorate.code,
                    directorate_name=c.line.directorate.name,
                    directorate_order=c.line.directorate.order,
                    division=c.line.division,
                    budget=c.budget,
                    real=c.real,
                    rephasing=c.rephasing,
                    last_real=previous[0],
                    last_rephasing=previous[1],
                    exempt=c.line.exempt,
                    explanation=c.explanation,
                ),
                id=c.pk,
                line_id=c.line_id,
                version=c.version,
                funding=tuple((x.source, x.amount) for x in c.funding.all()),
                later_real=c.later_real,
            )
        )
    return found


def visible_capital(records: list[CapitalRecord], user) -> list[CapitalRecord]:
    if user is not None and can_see_exempt(user):
        return records
    return [r for r in records if not r.line.exempt]


def reserve_accounts(position: Position, school: f.SchoolReserves | None) -> list[f.ReserveAccount]:
    accounts = [
        f.ReserveAccount(r.name, r.opening, r.projected, tuple((i.description, i.amount) for i in r.items.all()))
        for r in position.reserves.prefetch_related(Prefetch("items", queryset=ReserveItem.objects.order_by("order")))
    ]
    if accounts and school is not None:
        accounts.append(f.ReserveAccount("School Reserves", school.brought_forward.total, school.forecast.total))
    return accounts


def dividends(position: Position, user) -> list[CompanyDividend]:
    return visible(list(CompanyDividend.objects.filter(position=position)), user)


def activity_records(position: Position) -> list[f.ActivityRecord]:
    found = []
    for t in ActivityTable.objects.filter(position=position).order_by("id"):
        staff = None, None
        if t.staff_start_kcc is not None:
            staff = (t.staff_start_kcc, t.staff_start_agency), (t.staff_now_kcc, t.staff_now_agency)
        found.append(
            f.ActivityRecord(
                ref=t.ref,
                title=t.title,
                kind=t.kind,
                measure=t.measure,
                budget_a=t.budget_a,
                budget_b=t.budget_b,
                forecast_a=t.forecast_a,
                forecast_b=t.forecast_b,
                activity_budget=t.activity_budget,
                activity_forecast=t.activity_forecast,
                ytd_budget_a=t.ytd_budget_a,
                ytd_budget_b=t.ytd_budget_b,
                ytd_actual_a=t.ytd_actual_a,
                ytd_actual_b=t.ytd_actual_b,
                activity_ytd_budget=t.activity_ytd_budget,
                activity_ytd_actual=t.activity_ytd_actual,
                staff_start=staff[0],
                staff_now=staff[1],
                demand=t.demand,
                unit_cost=t.unit_cost,
                other=t.other,
            )
        )
    return found


def asylum(position: Position) -> dict | None:
    found = getattr(position, "asylum", None)
    if found is None:
        return None
    return {
        "costs": found.costs,
        "by_age": found.by_age,
        "eligibility": found.eligibility,
        "referrals": found.referrals,
        "dispersals": found.dispersals,
    }


# --- lines and their links --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FinancialIssue:
    """A monitoring return flagging the financial issue themes for an activity a line funds."""

    activity_id: int
    activity: str
    round: str
    themes: tuple[str, ...]
    detail: str

    @property
    def themes_text(self) -> str:
        return " and ".join(theme.replace("_", " ") for theme in self.themes)


FINANCIAL_THEMES = ("financial", "financial_benefits")


def financial_issues(activity_ids) -> dict[int, FinancialIssue]:
    """Each activity's latest return that flags a financial or financial-benefits issue (one query)."""
    found: dict[int, FinancialIssue] = {}
    for ret in (
        Return.objects.filter(activity_id__in=list(activity_ids))
        .select_related("round", "activity")
        .order_by("activity_id", "-round__label")
    ):
        if ret.activity_id in found:
            continue
        themes = tuple(t for t in (ret.issues or []) if t in FINANCIAL_THEMES)
        if themes:
            found[ret.activity_id] = FinancialIssue(
                ret.activity_id, str(ret.activity), ret.round.label, themes, ret.issue_detail
            )
    return found


def line_with_links(code: str) -> BudgetLine | None:
    return (
        BudgetLine.objects.filter(code=code)
        .select_related("unit", "unit__directorate", "division", "budget_manager")
        .prefetch_related("activities", "risks", "savings", "cash_limits__year")
        .first()
    )


def line_positions(line: BudgetLine) -> list[tuple[Position, PositionLine]]:
    return [
        (pl.position, pl)
        for pl in PositionLine.objects.filter(line=line)
        .select_related("position", "position__year", "unit")
        .order_by("-position__month", "-position__version")
    ]


def to_decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)
