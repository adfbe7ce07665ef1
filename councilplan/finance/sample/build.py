"""The sample's monthly positions as plain data (pure Python): what the loader enters through the services, and
what the analysis tests read without a database. Amounts in whole pounds; `pence()` turns them into the
analysis's records (whole pence)."""

from __future__ import annotations

from dataclasses import dataclass, field

from councilplan.analysis import finance as f

from . import capital_2017 as capital
from . import figures_2017 as figures
from . import structure_2017 as structure

MONTHS = [month for month, *_ in structure.MONTHS]
P = 100  # pence in a pound


@dataclass
class MonthLine:
    code: str
    heading: str
    unit: str
    division: str
    high_risk: bool
    gross: int
    income: int
    forecast_gross: int
    forecast_income: int

    @property
    def net(self) -> int:
        return self.gross + self.income

    @property
    def variance(self) -> int:
        return self.forecast_gross + self.forecast_income - self.net


@dataclass
class Month:
    key: str
    units: dict[str, str]  # unit code -> directorate code that month
    lines: list[MonthLine]
    adjustments: dict[str, list[tuple[int, str]]]
    school_movements: list[tuple[str, int, int]]
    capital: list[dict] = field(default_factory=list)


def _september_lines() -> list[MonthLine]:
    asylum_gross = sum(row[3] for row in figures.ASYLUM_ROWS)
    asylum_income = sum(row[4] for row in figures.ASYLUM_ROWS)
    lines = []
    for code, heading, unit, division, high_risk, gross, income, variance, _ in figures.LINES:
        if code == structure.ASYLUM_LINE:
            # The asylum line's forecast is the sum of Appendix 3's age groups, gross and income apart.
            assert asylum_gross + asylum_income == variance
            forecast = (gross + asylum_gross, income + asylum_income)
        else:
            forecast = (gross + variance, income)
        lines.append(MonthLine(code, heading, unit, division, high_risk, gross, income, *forecast))
    return lines


def _before_september(variances: dict[str, int]) -> list[MonthLine]:
    """The lines before September: July's S&CS headings and cash limits, the line new in September absent,
    Financing Items' cash limit before the technical adjustment."""
    july = {code: (heading, net) for code, heading, net, _ in figures.JULY_SCS}
    september = {line.code: line for line in _september_lines()}
    scx_now = sum(line.net for line in september.values() if line.unit == "SCX")
    scx_then = sum(net for _, net in july.values())
    lines = []
    for line in september.values():
        if line.code in structure.NEW_IN_SEPTEMBER:
            continue
        heading, gross = line.heading, line.gross
        if line.code in july:
            heading = july[line.code][0]
            gross = line.gross - (line.net - july[line.code][1])
        elif line.code == "FIN01":
            gross = line.gross + (scx_now - scx_then)
        variance = variances[line.code]
        lines.append(
            MonthLine(
                line.code,
                heading,
                line.unit,
                line.division,
                line.high_risk,
                gross,
                line.income,
                gross + variance,
                line.income,
            )
        )
    # The S&CS lines in the order the July extract prints them (003 l.705-712).
    july_order = {code: index for index, (code, *_) in enumerate(figures.JULY_SCS)}
    scs = sorted((line for line in lines if line.code in july_order), key=lambda line: july_order[line.code])
    first = next(index for index, line in enumerate(lines) if line.code in july_order)
    others = [line for line in lines if line.code not in july_order]
    return others[:first] + scs + others[first:]


def _spread(base: dict[str, int], lines: list[MonthLine], targets: dict[str, int]) -> dict[str, int]:
    """Line variances whose unit sums are `targets`: `base`, with each unit's difference put on its largest line
    (the seeds print no line figures for these months)."""
    result = dict(base)
    by_unit: dict[str, list[MonthLine]] = {}
    for line in lines:
        by_unit.setdefault(line.unit, []).append(line)
    for unit, target in targets.items():
        members = by_unit[unit]
        difference = target - sum(result[line.code] for line in members)
        biggest = max(members, key=lambda line: (abs(line.net), line.code))
        result[biggest.code] += difference
    return result


def _schools(month: str) -> list[tuple[str, int, int]]:
    september = [tuple(item) for item in figures.SCHOOL_MOVEMENTS]
    if month == "2017-09":
        return september
    target = -figures.SCHOOLS_NFV[month]
    if month == "2017-08":
        rest = sum(i + c for reason, i, c in september if not reason.startswith("High Needs"))
        return [(r, i, c if not r.startswith("High Needs") else target - rest) for r, i, c in september]
    academies = september[0]
    start = [(academies[0], academies[1], -1500000), ("Contribution to schools broadband", 0, -1000000)]
    rest = target - sum(i + c for _, i, c in start)
    return [*start, ("Various", 0, rest)]


def months() -> dict[str, Month]:
    september = _september_lines()
    august_variance = {code: aug for code, *_, aug in figures.LINES if aug is not None}
    august_lines = _before_september(august_variance)
    july_targets = dict(figures.NFV_JULY)
    july_targets["PH"] = 0
    july_scs = {code: nfv for code, _, _, nfv in figures.JULY_SCS}
    july_base = {**august_variance, **july_scs}
    july_targets["SCX"] = sum(july_scs.values())
    july_variance = _spread(july_base, august_lines, july_targets)
    july_lines = _before_september(july_variance)
    may_targets = {unit: amount for unit, amount in figures.RNV_MAY.items() if unit != "SCJ"}
    may_targets["SCX"] = figures.RNV_MAY["SCJ"]
    may_targets["PH"] = 0
    may_variance = _spread(july_variance, july_lines, may_targets)
    may_lines = _before_september(may_variance)

    def units(month: str) -> dict[str, str]:
        found = {code: directorate for code, _, directorate, *_ in structure.UNITS}
        if month >= "2017-09":
            for unit, directorate, *_ in structure.UNIT_MOVES:
                found[unit] = directorate
        return found

    august_adjustments = {
        unit: [(amount, structure.ADJUSTMENT_REASONS_AUGUST[unit])] for unit, amount in figures.CDA_AUGUST.items()
    }
    return {
        "2017-05": Month("2017-05", units("2017-05"), may_lines, {}, _schools("2017-05")),
        "2017-07": Month(
            "2017-07", units("2017-07"), july_lines, structure.ADJUSTMENTS["2017-07"], _schools("2017-07")
        ),
        "2017-08": Month("2017-08", units("2017-08"), august_lines, august_adjustments, _schools("2017-08")),
        "2017-09": Month("2017-09", units("2017-09"), september, structure.ADJUSTMENTS["2017-09"], _schools("2017-09")),
    }


# --- as the analysis's records (whole pence) ----------------------------------------------------------------


def analysis_units(month: Month) -> tuple[f.Unit, ...]:
    names = {code: (name, order) for code, name, _, order in structure.DIRECTORATES}
    found = []
    for code, name, _, order, schools, label in structure.UNITS:
        directorate = month.units[code]
        found.append(
            f.Unit(
                code=code,
                name=name,
                directorate=directorate,
                directorate_name=names[directorate][0],
                order=order,
                directorate_order=names[directorate][1],
                schools=schools,
                label=label,
            )
        )
    return tuple(found)


def position_data(key: str) -> f.PositionData:
    month = months()[key]
    divisions = {code: (name, order) for _, code, name, order in structure.DIVISIONS}
    lines = tuple(
        f.Line(
            code=line.code,
            heading=line.heading,
            unit=line.unit,
            gross=line.gross * P,
            income=line.income * P,
            forecast_gross=line.forecast_gross * P,
            forecast_income=line.forecast_income * P,
            division=divisions[line.division][0] if line.division else "",
            division_order=divisions[line.division][1] if line.division else 0,
            high_risk=line.high_risk,
            order=index,
        )
        for index, line in enumerate(month.lines)
    )
    cda = {unit: sum(amount for amount, _ in items) * P for unit, items in month.adjustments.items()}
    schools = -sum(i + c for _, i, c in month.school_movements) * P
    return f.PositionData(
        label=key,
        units=analysis_units(month),
        lines=lines,
        cda=cda,
        adjusted=frozenset(month.adjustments),
        schools_variance=schools,
    )


def capital_lines(key: str, last: str | None) -> list[f.CapitalLine]:
    names = {code: (name, order) for code, name, _, order in structure.DIRECTORATES}
    found = []
    for line in capital.LINES:
        real, rephasing = line["variances"][key]
        last_real, last_rephasing = line["variances"][last] if last else (None, None)
        found.append(
            f.CapitalLine(
                code=line["code"],
                title=line["title"],
                directorate=line["directorate"],
                directorate_name=names[line["directorate"]][0],
                directorate_order=names[line["directorate"]][1],
                division=line["division"],
                budget=line["budget"][key] * P,
                real=real * P,
                rephasing=rephasing * P,
                last_real=None if last_real is None else last_real * P,
                last_rephasing=None if last_rephasing is None else last_rephasing * P,
            )
        )
    return found
