"""Budget monitoring figures (spec/finance.md): revenue positions, Table 1 and its roll-forward block, Appendix 1,
capital variances split real / rephasing with their movements and headlines, school and revenue reserves, the
activity tables of the highest-risk budgets, the committee extract in £'000 and the year's trajectory.

Pure functions on plain records: no Django, no I/O.

Money is whole pence (`int`) everywhere here; nothing is ever a float. A figure is rounded only when it is
shown, half away from zero (`rounded`, `money`), so a printed total is the rounding of the sum of the stored
parts, never the sum of the printed parts: printed parts and totals can then differ by the last digit, as the
seeds' own tables do (spec §8).

Sign convention (spec §3): a positive variance is a pressure (an overspend, or income short of its budget); a
negative one an underspend (or income over-recovered). A negative movement is an improvement. Tables print the
signed figure ("-1.361"); prose never shows a bare minus: `variance_words` and `movement_words` say "a pressure
of +£0.293m" or "an underspend of -£1.518m".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "CAPITAL_REAL_THRESHOLD",
    "CAPITAL_REPHASING_THRESHOLD",
    "FIGURES",
    "MILLION",
    "ActivityFigures",
    "ActivityRecord",
    "Appendix1",
    "Appendix1Row",
    "CapitalLine",
    "CapitalRow",
    "Headline",
    "Line",
    "PositionData",
    "ReserveAccount",
    "RollForward",
    "SchoolReserveItem",
    "SchoolReserves",
    "Table1",
    "Table1Row",
    "Unit",
    "activity_figures",
    "appendix1",
    "capital_headlines",
    "capital_table",
    "committee_extract",
    "money",
    "movement_words",
    "reserves_table",
    "roll_forward_block",
    "rounded",
    "school_reserves",
    "table1",
    "thousands",
    "trajectory",
    "variance_words",
]

PENCE = 100
MILLION = 1_000_000 * PENCE  # £1m in pence
THOUSAND = 1_000 * PENCE
# Capital headlines (004 l.426, 003 l.720): a real figure of at least £0.100m or a rephasing of at least
# £1.000m, in absolute value, inclusive.
CAPITAL_REAL_THRESHOLD = MILLION // 10
CAPITAL_REPHASING_THRESHOLD = MILLION
MINUS = "-"  # as the seeds print a negative figure in a table

# The figures, each with its definition, for the documentation and the report's Figures sheet.
FIGURES: dict[str, str] = {
    "net_cash_limit": "Cash limit gross + cash limit income (income is negative).",
    "forecast_net": "Forecast gross + forecast income, entered by the budget manager for the whole year.",
    "nfv": "Net forecast variance = forecast net − net cash limit. Positive is a pressure.",
    "cda": "Corporate director adjustment: the sum of the unit's itemised adjustments for the month.",
    "rnv": "Revised net variance = net forecast variance + corporate director adjustment.",
    "last": "Last reported position: the revised net variance of the last position reported to Cabinet, restated "
    "for today's structure (a line that moved takes its last variance with it to its new unit).",
    "movement": "Table 1: revised net variance − last reported position. Appendix 1: the line's net forecast "
    "variance − its net forecast variance in the last reported position (before adjustments).",
    "schools_variance": "Schools: −(sum of the forecast movements in the school reserves).",
    "total_excl_schools": "Every unit but Schools; TOTAL = that + Schools. Subtotals are sums of their parts.",
    "roll_forward_total": "Committed + re-phased + bids.",
    "bottom_line": "(−) uncommitted balance / (+) deficit = revised net variance (excl schools) + roll forwards.",
    "capital_variance": "Forecast − working budget for the year = real + rephasing.",
    "capital_movement": "Real and rephasing each: current − last reported.",
    "capital_headline": "A line whose real figure is at least £0.100m or rephasing at least £1.000m in absolute "
    "value (the report says whether movements or variances are tested).",
    "reserve_movement": "Projected balance at the next 31 March − balance at the last 31 March.",
    "school_reserve_forecast": "Balance brought forward + the forecast movements.",
    "activity_variance": "Forecast − budget, for gross, income, net and the activity measure.",
}


# --- rounding and words -------------------------------------------------------------------------------------


def rounded(pence: int, unit: int) -> int:
    """`pence` in whole `unit`s (e.g. unit = MILLION // 1000 for £m to 3 dp), half away from zero."""
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise TypeError(f"amounts are whole pence, not {pence!r}")
    quotient, remainder = divmod(abs(pence), unit)
    if remainder * 2 >= unit:
        quotient += 1
    return quotient if pence >= 0 else -quotient


def _grouped(units: int, dp: int) -> str:
    sign = MINUS if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**dp)
    text = f"{whole:,}"
    if dp:
        text += "." + str(fraction).rjust(dp, "0")
    return sign + text


def money(pence: int, dp: int = 3, *, sign: bool = False) -> str:
    """£m to `dp` decimal places, as the seeds' tables print it: "58.792", "-1.361", "1,529.3". Zero is "0.000",
    never "-0.000". `sign`: a "+" before a positive figure (prose)."""
    units = rounded(pence, MILLION // 10**dp)
    text = _grouped(units, dp)
    if sign and units > 0:
        text = "+" + text
    return text


def thousands(pence: int, dp: int = 1) -> str:
    """£'000 to `dp` places, as the committee extract prints it: "4,544.2", "-153.0"."""
    return _grouped(rounded(pence, THOUSAND // 10**dp), dp)


def decimal_millions(pence: int, dp: int = 3) -> Decimal:
    """The rounded figure as a Decimal (for JSON and spreadsheets that want a number)."""
    return (Decimal(pence) / MILLION).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)


def pounds_m(pence: int, dp: int = 3) -> str:
    """Prose: "+£0.293m", "-£2.896m", "£0.000m"."""
    units = rounded(pence, MILLION // 10**dp)
    text = _grouped(abs(units), dp)
    prefix = "+" if units > 0 else (MINUS if units < 0 else "")
    return f"{prefix}£{text}m"


def variance_words(pence: int, dp: int = 3) -> str:
    """A variance in words, never a bare minus: "a pressure of +£0.293m", "an underspend of -£1.518m"."""
    units = rounded(pence, MILLION // 10**dp)
    if units > 0:
        return f"a pressure of {pounds_m(pence, dp)}"
    if units < 0:
        return f"an underspend of {pounds_m(pence, dp)}"
    return "a balanced position"


def movement_words(pence: int, dp: int = 3) -> str:
    """A movement in words: "an improvement of -£2.896m" (negative), "an increase in the pressure of +£0.168m"."""
    units = rounded(pence, MILLION // 10**dp)
    if units > 0:
        return f"an increase in the pressure of {pounds_m(pence, dp)}"
    if units < 0:
        return f"an improvement of {pounds_m(pence, dp)}"
    return "no change"


# --- revenue records --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A reporting unit (a row of Table 1) in one position: its directorate then, its order."""

    code: str
    name: str  # "Education & Young People"
    directorate: str  # directorate code
    directorate_name: str  # "Children, Young People & Education"
    order: int = 0
    directorate_order: int = 0
    schools: bool = False  # Schools: reported below the line, its variance from the school reserves
    label: str = ""  # the row's label when it must differ from the rule ("Schools (CYP&E Directorate)")


@dataclass(frozen=True)
class Line:
    """A budget line in one position: its cash limit and the budget manager's forecast (whole pence)."""

    code: str
    heading: str
    unit: str  # unit code
    gross: int
    income: int
    forecast_gross: int
    forecast_income: int
    division: str = ""  # Appendix 1 groups lines by division within their directorate
    division_order: int = 0
    high_risk: bool = False  # ** in Appendix 1: activity data in Appendix 2 or 3
    order: int = 0

    @property
    def net(self) -> int:
        return self.gross + self.income

    @property
    def forecast_net(self) -> int:
        return self.forecast_gross + self.forecast_income

    @property
    def variance(self) -> int:
        """Net forecast variance: forecast net − net cash limit."""
        return self.forecast_net - self.net


@dataclass(frozen=True)
class RollForward:
    kind: str  # committed / rephased / bid
    amount: int


@dataclass(frozen=True)
class PositionData:
    """One month's whole position, as plain records."""

    label: str  # "September 2017-18"
    units: tuple[Unit, ...]
    lines: tuple[Line, ...]
    cda: Mapping[str, int] = field(default_factory=dict)  # unit code -> sum of its adjustments
    adjusted: frozenset[str] = frozenset()  # units with adjustment items (a blank CDA cell otherwise)
    schools_variance: int = 0  # −(sum of the school reserves' forecast movements)
    roll_forwards: tuple[RollForward, ...] = ()

    def unit_lines(self, unit: str) -> list[Line]:
        return [line for line in self.lines if line.unit == unit]

    def nfv_by_line(self) -> dict[str, int]:
        return {line.code: line.variance for line in self.lines}


# --- Table 1 ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table1Row:
    label: str
    kind: str  # unit, subtotal, total_excl, schools, total
    budget: int
    nfv: int
    cda: int
    rnv: int
    last: int | None
    unit: str = ""
    directorate: str = ""
    cda_blank: bool = False  # a unit without adjustments prints an empty cell, as the seed does

    @property
    def movement(self) -> int | None:
        return None if self.last is None else self.rnv - self.last


@dataclass(frozen=True)
class Table1:
    rows: tuple[Table1Row, ...]
    roll_forward: tuple[tuple[str, int, int | None], ...]  # (label, current, last)

    def row(self, label_or_unit: str) -> Table1Row:
        for row in self.rows:
            if label_or_unit in (row.unit, row.label, row.kind, row.directorate if row.kind == "subtotal" else None):
                return row
        raise KeyError(label_or_unit)

    @property
    def total_excl_schools(self) -> Table1Row:
        return self.row("total_excl")

    @property
    def total(self) -> Table1Row:
        return self.row("total")


def _unit_label(unit: Unit, siblings: int) -> str:
    if unit.label:
        return unit.label
    if siblings > 1:
        return f"{unit.directorate_name} - {unit.name}"
    return unit.directorate_name


def restated_last(current: PositionData, last: PositionData) -> dict[str, int]:
    """The last reported RNV of each of today's units, restated for today's structure: a line takes its last
    net forecast variance with it to the unit it is in now; each unit keeps its own last adjustment."""
    last_nfv = last.nfv_by_line()
    restated: dict[str, int] = {}
    for unit in current.units:
        if unit.schools:
            restated[unit.code] = last.schools_variance + last.cda.get(unit.code, 0)
            continue
        nfv = sum(last_nfv.get(line.code, 0) for line in current.unit_lines(unit.code))
        restated[unit.code] = nfv + last.cda.get(unit.code, 0)
    return restated


def _sum_rows(label: str, kind: str, rows: Sequence[Table1Row], directorate: str = "") -> Table1Row:
    lasts = [row.last for row in rows]
    return Table1Row(
        label=label,
        kind=kind,
        budget=sum(row.budget for row in rows),
        nfv=sum(row.nfv for row in rows),
        cda=sum(row.cda for row in rows),
        rnv=sum(row.rnv for row in rows),
        last=None if any(value is None for value in lasts) else sum(lasts),  # type: ignore[arg-type]
        directorate=directorate,
    )


def table1(current: PositionData, last: PositionData | None) -> Table1:
    """Table 1, directorate revenue: a row per unit, directorate subtotals where a directorate has more than
    one unit, TOTAL (excl Schools), Schools, TOTAL; then the roll-forward block."""
    previous = restated_last(current, last) if last is not None else {}
    units = sorted(current.units, key=lambda u: (u.schools, u.directorate_order, u.order, u.code))
    rows: list[Table1Row] = []
    unit_rows: list[Table1Row] = []
    schools_rows: list[Table1Row] = []
    by_directorate: dict[str, list[Unit]] = {}
    for unit in units:
        if not unit.schools:
            by_directorate.setdefault(unit.directorate, []).append(unit)
    for directorate, members in by_directorate.items():
        group: list[Table1Row] = []
        for unit in members:
            lines = current.unit_lines(unit.code)
            nfv = sum(line.variance for line in lines)
            cda = current.cda.get(unit.code, 0)
            row = Table1Row(
                label=_unit_label(unit, len(members)),
                kind="unit",
                budget=sum(line.net for line in lines),
                nfv=nfv,
                cda=cda,
                rnv=nfv + cda,
                last=previous.get(unit.code) if last is not None else None,
                unit=unit.code,
                directorate=directorate,
                cda_blank=unit.code not in current.adjusted and cda == 0,
            )
            group.append(row)
        rows.extend(group)
        unit_rows.extend(group)
        if len(members) > 1:
            rows.append(_sum_rows(f"Sub Total {members[0].directorate_name}", "subtotal", group, directorate))
    total_excl = _sum_rows("TOTAL (excl Schools)", "total_excl", unit_rows)
    rows.append(total_excl)
    for unit in units:
        if unit.schools:
            cda = current.cda.get(unit.code, 0)
            row = Table1Row(
                label=unit.label or f"Schools ({unit.directorate_name} Directorate)",
                kind="schools",
                budget=sum(line.net for line in current.unit_lines(unit.code)),
                nfv=current.schools_variance,
                cda=cda,
                rnv=current.schools_variance + cda,
                last=previous.get(unit.code) if last is not None else None,
                unit=unit.code,
                directorate=unit.directorate,
                cda_blank=unit.code not in current.adjusted and cda == 0,
            )
            rows.append(row)
            schools_rows.append(row)
    rows.append(_sum_rows("TOTAL", "total", [total_excl, *schools_rows]))
    last_block = None
    if last is not None:
        last_block = (total_excl.last, last.roll_forwards)
    return Table1(tuple(rows), roll_forward_block(total_excl.rnv, current.roll_forwards, last_block))


ROLL_FORWARD_KINDS = (("committed", "Roll forwards - committed"), ("rephased", "- re-phased"), ("bid", "- bids"))


def roll_forward_block(
    rnv_excl_schools: int,
    roll_forwards: Iterable[RollForward],
    last: tuple[int | None, Iterable[RollForward]] | None = None,
) -> tuple[tuple[str, int, int | None], ...]:
    """The block under Table 1: variance (excl schools), roll forwards by kind, their total and the bottom line
    "(-ve) uncommitted balance / (+ve) deficit" = variance + roll forwards. (label, current, last)."""

    def amounts(items: Iterable[RollForward]) -> dict[str, int]:
        found = {kind: 0 for kind, _ in ROLL_FORWARD_KINDS}
        for item in items:
            if item.kind not in found:
                raise ValueError(f"unknown roll forward kind {item.kind!r}")
            found[item.kind] += item.amount
        return found

    now = amounts(roll_forwards)
    then = amounts(last[1]) if last else None
    last_rnv = last[0] if last else None
    total_now = sum(now.values())
    total_then = sum(then.values()) if then is not None else None
    rows: list[tuple[str, int, int | None]] = [("Variance from above (excl schools)", rnv_excl_schools, last_rnv)]
    for kind, label in ROLL_FORWARD_KINDS:
        rows.append((label, now[kind], then[kind] if then is not None else None))
    rows.append(("Total roll forward requirements", total_now, total_then))
    bottom_last = None if last_rnv is None or total_then is None else last_rnv + total_then
    rows.append(("(-ve) Uncommitted balance / (+ve) Deficit", rnv_excl_schools + total_now, bottom_last))
    return tuple(rows)


# --- Appendix 1 -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appendix1Row:
    label: str
    kind: str  # heading, line, division, directorate, total
    gross: int = 0
    income: int = 0
    net: int = 0
    variance: int = 0
    movement: int = 0
    high_risk: bool = False
    code: str = ""

    @property
    def is_figures(self) -> bool:
        return self.kind != "heading"


@dataclass(frozen=True)
class Appendix1:
    rows: tuple[Appendix1Row, ...]
    directorates: tuple[Appendix1Row, ...] = ()  # every directorate's total, a one-line directorate's too

    def subtotal(self, label: str) -> Appendix1Row:
        for row in (*self.rows, *self.directorates):
            if row.kind in ("division", "directorate", "total") and label in (row.label, row.code):
                return row
        raise KeyError(label)

    @property
    def lines(self) -> list[Appendix1Row]:
        return [row for row in self.rows if row.kind == "line"]


def _sum_a1(label: str, kind: str, rows: Sequence[Appendix1Row], code: str = "") -> Appendix1Row:
    return Appendix1Row(
        label=label,
        kind=kind,
        gross=sum(r.gross for r in rows),
        income=sum(r.income for r in rows),
        net=sum(r.net for r in rows),
        variance=sum(r.variance for r in rows),
        movement=sum(r.movement for r in rows),
        code=code,
    )


def appendix1(current: PositionData, last: PositionData | None) -> Appendix1:
    """Every line (schools excluded) with its cash limit, net forecast variance and movement in it since the
    last reported position (before adjustments); division and directorate subtotals; TOTAL (Excluding
    Schools). A directorate of one line with no division prints that line alone."""
    last_nfv = last.nfv_by_line() if last is not None else {}
    units = {unit.code: unit for unit in current.units}
    directorates: dict[str, tuple[int, str]] = {}
    for unit in current.units:
        if not unit.schools:
            directorates.setdefault(unit.directorate, (unit.directorate_order, unit.directorate_name))
    rows: list[Appendix1Row] = []
    directorate_totals: list[Appendix1Row] = []
    for code, (_, name) in sorted(directorates.items(), key=lambda item: item[1]):
        lines = [line for line in current.lines if line.unit in units and units[line.unit].directorate == code]
        lines = [line for line in lines if not units[line.unit].schools]
        lines.sort(key=lambda line: (line.division_order, line.order, line.code))
        figures = [
            Appendix1Row(
                label=line.heading,
                kind="line",
                gross=line.gross,
                income=line.income,
                net=line.net,
                variance=line.variance,
                movement=line.variance - last_nfv.get(line.code, 0) if last is not None else 0,
                high_risk=line.high_risk,
                code=line.code,
            )
            for line in lines
        ]
        if len(figures) == 1 and not lines[0].division:
            only = figures[0]
            rows.append(only)
            directorate_totals.append(_sum_a1(name, "directorate", [only], code))
            continue
        rows.append(Appendix1Row(name, "heading", code=code))
        division = None
        group: list[Appendix1Row] = []
        for line, row in zip(lines, figures, strict=True):
            if line.division != division:
                if division:
                    rows.append(_sum_a1(f"Sub Total {division}", "division", group, division))
                division, group = line.division, []
                if division:
                    rows.append(Appendix1Row(division, "heading"))
            rows.append(row)
            group.append(row)
        if division:
            rows.append(_sum_a1(f"Sub Total {division}", "division", group, division))
        subtotal = _sum_a1(f"Sub Total {name}", "directorate", figures, code)
        rows.append(subtotal)
        directorate_totals.append(subtotal)
    rows.append(_sum_a1("TOTAL (Excluding Schools)", "total", directorate_totals, "TOTAL"))
    return Appendix1(tuple(rows), tuple(directorate_totals))


# --- committee extract ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractRow:
    label: str
    budget: int
    nfv: int
    cda: int
    total: bool = False

    @property
    def rnv(self) -> int:
        return self.nfv + self.cda


def committee_extract(current: PositionData, directorate: str) -> list[ExtractRow]:
    """A cabinet committee's remit, line by line (Budget Book Heading | Net Budget | NFV | CDA | RNV, shown in
    £'000): the directorate's lines, excluding ring-fenced units' lines that net to nil, with its total. CDA is
    held per unit: a unit's adjustment is shown on its total only."""
    units = {u.code: u for u in current.units if u.directorate == directorate and not u.schools}
    lines = sorted(
        (line for line in current.lines if line.unit in units), key=lambda ln: (ln.division_order, ln.order, ln.code)
    )
    rows = [ExtractRow(line.heading, line.net, line.variance, 0) for line in lines]
    cda = sum(current.cda.get(code, 0) for code in units)
    name = next(iter(units.values())).directorate_name if units else directorate
    rows.append(ExtractRow(f"Total {name}", sum(r.budget for r in rows), sum(r.nfv for r in rows), cda, total=True))
    return rows


# --- capital ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CapitalLine:
    """A capital project or programme in one position, for the year monitored (2017-18)."""

    code: str
    title: str
    directorate: str
    directorate_name: str
    budget: int  # working budget
    real: int
    rephasing: int
    last_real: int | None = None
    last_rephasing: int | None = None
    division: str = ""
    directorate_order: int = 0
    exempt: bool = False
    explanation: str = ""

    @property
    def variance(self) -> int:
        return self.real + self.rephasing

    @property
    def real_movement(self) -> int:
        return self.real - (self.last_real or 0)

    @property
    def rephasing_movement(self) -> int:
        return self.rephasing - (self.last_rephasing or 0)


@dataclass(frozen=True)
class CapitalRow:
    label: str
    budget: int
    real: int
    rephasing: int
    last_real: int
    last_rephasing: int
    total: bool = False
    directorate: str = ""

    @property
    def variance(self) -> int:
        return self.real + self.rephasing

    @property
    def real_movement(self) -> int:
        return self.real - self.last_real

    @property
    def rephasing_movement(self) -> int:
        return self.rephasing - self.last_rephasing

    @property
    def movement(self) -> int:
        return self.real_movement + self.rephasing_movement


def capital_table(lines: Sequence[CapitalLine]) -> list[CapitalRow]:
    """Table 3: a row per directorate and the TOTAL."""
    order: dict[str, tuple[int, str]] = {}
    for line in lines:
        order.setdefault(line.directorate, (line.directorate_order, line.directorate_name))
    rows = []
    for code, (_, name) in sorted(order.items(), key=lambda item: item[1]):
        mine = [line for line in lines if line.directorate == code]
        rows.append(
            CapitalRow(
                name,
                sum(line.budget for line in mine),
                sum(line.real for line in mine),
                sum(line.rephasing for line in mine),
                sum(line.last_real or 0 for line in mine),
                sum(line.last_rephasing or 0 for line in mine),
                directorate=code,
            )
        )
    rows.append(
        CapitalRow(
            "TOTAL",
            sum(r.budget for r in rows),
            sum(r.real for r in rows),
            sum(r.rephasing for r in rows),
            sum(r.last_real for r in rows),
            sum(r.last_rephasing for r in rows),
            total=True,
        )
    )
    return rows


@dataclass(frozen=True)
class Headline:
    line: CapitalLine
    kind: str  # real / rephasing
    amount: int


def capital_headlines(lines: Sequence[CapitalLine], basis: str = "movement") -> list[Headline]:
    """Every line whose real figure is at least £0.100m or rephasing at least £1.000m in absolute value
    (inclusive), tested on movements (the monthly report) or variances (the July extract). A line can give
    both a real and a rephasing headline."""
    if basis not in ("movement", "variance"):
        raise ValueError("basis is movement or variance")
    found = []
    for line in lines:
        real = line.real_movement if basis == "movement" else line.real
        rephasing = line.rephasing_movement if basis == "movement" else line.rephasing
        if abs(real) >= CAPITAL_REAL_THRESHOLD:
            found.append(Headline(line, "real", real))
        if abs(rephasing) >= CAPITAL_REPHASING_THRESHOLD:
            found.append(Headline(line, "rephasing", rephasing))
    return found


def funding_adds_up(amount: int, funding: Iterable[int]) -> bool:
    """A real overspend shows its funding, which must add up to it exactly (003 l.721)."""
    return sum(funding) == amount


# --- reserves ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolReserveItem:
    reason: str
    individual: int = 0
    central: int = 0

    @property
    def total(self) -> int:
        return self.individual + self.central


@dataclass(frozen=True)
class SchoolReserves:
    brought_forward: SchoolReserveItem
    movements: tuple[SchoolReserveItem, ...]

    @property
    def forecast(self) -> SchoolReserveItem:
        return SchoolReserveItem(
            "Forecast reserve balance",
            self.brought_forward.individual + sum(m.individual for m in self.movements),
            self.brought_forward.central + sum(m.central for m in self.movements),
        )

    @property
    def movement(self) -> int:
        return sum(m.total for m in self.movements)

    @property
    def variance(self) -> int:
        """The schools' delegated budget variance: −(sum of the forecast movements)."""
        return -self.movement


def school_reserves(brought_forward: SchoolReserveItem, movements: Iterable[SchoolReserveItem]) -> SchoolReserves:
    return SchoolReserves(brought_forward, tuple(movements))


@dataclass(frozen=True)
class ReserveAccount:
    name: str
    opening: int  # balance at 31 March
    projected: int  # projected balance at the next 31 March
    items: tuple[tuple[str, int], ...] = ()  # the itemised movement (earmarked reserves)

    @property
    def movement(self) -> int:
        return self.projected - self.opening

    @property
    def items_total(self) -> int:
        return sum(amount for _, amount in self.items)

    @property
    def items_add_up(self) -> bool:
        return not self.items or self.items_total == self.movement


def reserves_table(accounts: Sequence[ReserveAccount]) -> list[tuple[str, int, int, int]]:
    return [(a.name, a.opening, a.projected, a.movement) for a in accounts]


# --- activity data (Appendix 2) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityRecord:
    """One Appendix 2 table. `kind` "service": columns gross and income with an activity measure (clients,
    journeys, pupils, tonnes); "staffing": columns KCC staff and agency, with staff numbers."""

    ref: str
    title: str
    kind: str
    measure: str  # "Client Number", "No of journeys", "KCC FTEs"
    budget_a: int  # gross (or KCC staff)
    budget_b: int  # income (or agency)
    forecast_a: int
    forecast_b: int
    activity_budget: Decimal | None = None  # at 31 March
    activity_forecast: Decimal | None = None
    ytd_budget_a: int = 0
    ytd_budget_b: int = 0
    ytd_actual_a: int = 0
    ytd_actual_b: int = 0
    activity_ytd_budget: Decimal | None = None
    activity_ytd_actual: Decimal | None = None
    staff_start: tuple[Decimal, Decimal] | None = None  # (KCC FTEs, agency) at the start
    staff_now: tuple[Decimal, Decimal] | None = None
    demand: int | None = None  # the gross variance explained
    unit_cost: int | None = None
    other: int | None = None


@dataclass(frozen=True)
class ActivityFigures:
    budget: tuple[int, int, int]  # a, b, a+b
    forecast: tuple[int, int, int]
    variance: tuple[int, int, int]
    ytd_budget: tuple[int, int, int]
    ytd_actual: tuple[int, int, int]
    ytd_variance: tuple[int, int, int]
    activity_variance: Decimal | None
    activity_ytd_variance: Decimal | None
    staff_movement: tuple[Decimal, Decimal] | None
    explained: int | None  # demand + unit cost + other
    explained_matches: bool


def _triple(a: int, b: int) -> tuple[int, int, int]:
    return (a, b, a + b)


def activity_figures(record: ActivityRecord) -> ActivityFigures:
    budget = _triple(record.budget_a, record.budget_b)
    forecast = _triple(record.forecast_a, record.forecast_b)
    ytd_budget = _triple(record.ytd_budget_a, record.ytd_budget_b)
    ytd_actual = _triple(record.ytd_actual_a, record.ytd_actual_b)
    parts = [p for p in (record.demand, record.unit_cost, record.other) if p is not None]
    explained = sum(parts) if parts else None
    gross_variance = forecast[0] - budget[0] if record.kind == "service" else forecast[2] - budget[2]

    def minus(x, y):
        return None if x is None or y is None else x - y

    return ActivityFigures(
        budget=budget,
        forecast=forecast,
        variance=tuple(f - b for f, b in zip(forecast, budget, strict=True)),  # type: ignore[arg-type]
        ytd_budget=ytd_budget,
        ytd_actual=ytd_actual,
        ytd_variance=tuple(a - b for a, b in zip(ytd_actual, ytd_budget, strict=True)),  # type: ignore[arg-type]
        activity_variance=minus(record.activity_forecast, record.activity_budget),
        activity_ytd_variance=minus(record.activity_ytd_actual, record.activity_ytd_budget),
        staff_movement=(
            (record.staff_now[0] - record.staff_start[0], record.staff_now[1] - record.staff_start[1])
            if record.staff_now and record.staff_start
            else None
        ),
        explained=explained,
        explained_matches=explained is None or explained == gross_variance,
    )


# --- the year's trajectory --------------------------------------------------------------------------------


def trajectory(points: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The revised net variance (excl schools) of each reported month, in month order as given."""
    return [(label, amount) for label, amount in points]


# --- amounts as people type them ----------------------------------------------------------------------------


def pence_from_text(text: str) -> int:
    """Pounds as typed ("-1,361,000", "£2,127,000.50", "(0.716)m" is not accepted) in whole pence. Raises
    ValueError with a message a person can act on."""
    cleaned = str(text).strip().replace(",", "").replace("£", "").replace(" ", "")
    if cleaned.startswith("−"):
        cleaned = "-" + cleaned[1:]
    if not cleaned:
        raise ValueError("enter an amount in pounds")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        raise ValueError("must be an amount in pounds, like -1361000 or 2127000.50") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")) or abs(value) >= Decimal(10) ** 12:
        raise ValueError("must be an amount in pounds and pence, below £1,000,000,000,000")
    return int(value * 100)


def pounds_text(pence: int) -> str:
    """Whole pence as pounds for a form or a file: "-1361000" or "2127000.50"."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}{pounds}" + (f".{rest:02d}" if rest else "")


def pounds_exact(pence: int) -> str:
    """An exact amount in a sentence (an error message): thousands separated, a minus sign before the £.

    >>> pounds_exact(-100_000_000), pounds_exact(212_700_050)
    ('−£1,000,000', '£2,127,000.50')
    """
    pounds, rest = divmod(abs(pence), 100)
    return ("−" if pence < 0 else "") + f"£{pounds:,}" + (f".{rest:02d}" if rest else "")


def line_variance(gross: int, income: int, forecast_gross: int, forecast_income: int) -> int:
    """A budget line's forecast variance in pence: forecast net less budget net (income is held negative), so a
    positive variance is an overspend (a pressure).

    >>> line_variance(1_000_00, -200_00, 1_100_00, -250_00)
    5000
    """
    return (forecast_gross + forecast_income) - (gross + income)


def is_overspend(variance: int, threshold_pence: int) -> bool:
    """An overspend worth raising: a pressure strictly over the threshold.

    >>> is_overspend(500_001_00, 500_000_00), is_overspend(500_000_00, 500_000_00), is_overspend(-9_000_000_00, 0)
    (True, False, False)
    """
    return variance > threshold_pence
