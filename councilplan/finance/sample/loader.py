"""Loading the budget monitoring sample: KCC's 2017-18 budget with its May, July, August and September
positions, each reported to Cabinet (seeds 003 and 004; README.md says what was read and what was chosen).

Everything goes in through the services, month by month, as finance would enter it. Idempotent: when the
2017-18 year exists, nothing is loaded again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from councilplan.core.models import Directorate as OrganisationDirectorate
from councilplan.core.models import User
from councilplan.finance import services
from councilplan.finance.models import (
    BudgetLine,
    CapitalLine,
    CashLimitChange,
    Directorate,
    FinancialYear,
    Position,
    PositionLine,
    PositionUnit,
    ReportingUnit,
)
from councilplan.plan.models import Activity
from councilplan.risks.models import Risk

from . import build
from . import capital_2017 as capital
from . import figures_2017 as figures
from . import structure_2017 as structure

P = 100
BUDGET_MANAGER = "finance-manager"
DIRECTOR = "finance-director"


def _people() -> tuple[User, User]:
    """The demo budget manager (GET's lines) and corporate director (GET): made here without a password, so
    that `create-demo-users` gives them one."""
    manager, _ = User.objects.get_or_create(
        username=BUDGET_MANAGER, defaults={"name": "Demo Budget Manager", "role": User.Role.LEAD_OFFICER}
    )
    director, _ = User.objects.get_or_create(
        username=DIRECTOR, defaults={"name": "Demo Corporate Director", "role": User.Role.LEAD_OFFICER}
    )
    return manager, director


def _structure(year: FinancialYear, manager: User, director: User) -> None:
    organisation = {d.name: d for d in OrganisationDirectorate.objects.all()}
    directorates = {}
    for code, name, org, order in structure.DIRECTORATES:
        directorates[code] = services.create_directorate(
            code=code, name=name, organisation=organisation.get(org), order=order
        )
    services.set_corporate_director(directorates["GET"], director=director, user=None)
    units = {}
    for code, name, directorate, order, schools, label in structure.UNITS:
        units[code] = services.create_unit(
            code=code, name=name, directorate=directorates[directorate], order=order, schools=schools, label=label
        )
    divisions = {}
    for directorate, code, name, order in structure.DIVISIONS:
        divisions[code] = services.create_division(
            code=code, name=name, directorate=directorates[directorate], order=order
        )
    may = build.months()["2017-05"]
    for order, line in enumerate(may.lines, start=1):
        services.create_line(
            code=line.code,
            heading=line.heading,
            unit=units[line.unit],
            year=year,
            gross=line.gross * P,
            income=line.income * P,
            division=divisions.get(line.division),
            high_risk=line.high_risk,
            order=order,
            budget_manager=manager if line.unit == "GET" else None,
        )


def _forecasts(position: Position, month: build.Month) -> None:
    """The budget managers' forecasts, as entered (the finance team enters them for the sample)."""
    wanted = {line.code: line for line in month.lines}
    for pl in PositionLine.objects.filter(position=position).select_related("line"):
        line = wanted[pl.line.code]
        assert (pl.gross, pl.income) == (line.gross * P, line.income * P), pl.line.code
        services.save_forecast(
            pl,
            gross=line.forecast_gross * P,
            income=line.forecast_income * P,
            user=None,
            version=pl.version,
            finance=True,
        )


def _month(year: FinancialYear, key: str, reported_on: tuple[int, int, int]) -> Position:
    month = build.months()[key]
    first = dt.date.fromisoformat(f"{key}-01")
    position = services.open_position(year=year, month=first, user=None)
    _forecasts(position, month)
    units = {u.code: u for u in ReportingUnit.objects.all()}
    for unit, items in month.adjustments.items():
        for amount, reason in items:
            services.add_adjustment(position, unit=units[unit], amount=amount * P, reason=reason, user=None)
    bf = figures.SCHOOL_BROUGHT_FORWARD
    services.set_school_reserves(
        position,
        brought_forward=(bf[0] * P, bf[1] * P),
        movements=[(reason, i * P, c * P) for reason, i, c in month.school_movements],
        user=None,
    )
    _capital(position, key)
    return position


def _capital(position: Position, key: str) -> None:
    if key not in capital.LINES[0]["variances"]:
        return  # the seeds give no capital figures for May
    lines = {c.code: c for c in CapitalLine.objects.all()}
    for item in capital.LINES:
        real, rephasing = item["variances"][key]
        services.save_capital(
            position,
            line=lines[item["code"]],
            budget=item["budget"][key] * P,
            real=real * P,
            rephasing=rephasing * P,
            explanation=item["explanation"] if key == "2017-09" else "",
            later_real=item["later_real"] * P,
            user=None,
        )
    for month, code, amount, year, funding, reason in capital.CASH_LIMIT_ADJUSTMENTS:
        if month == key:
            services.add_capital_adjustment(
                position, line=lines[code], amount=amount * P, year=year, funding=funding, reason=reason, user=None
            )
    nwow = position.capital.get(line__code="SCS-NWOW")
    services.set_capital_funding(
        nwow, funding=[(source, amount * P) for _, source, amount in capital.FUNDING], user=None
    )


def _report(position: Position, on: tuple[int, int, int]) -> None:
    services.set_state(position, state=Position.State.CLOSED, user=None)
    services.report_position(position, reported_to="Cabinet", reported_on=dt.date(*on), user=None)


def _before_september(year: FinancialYear) -> None:
    """Public Health moves to S&CS; the Strategic Commissioning Division is created (two lines renamed, one
    new); budget moves from Financing Items to S&CS (a technical adjustment)."""
    units = {u.code: u for u in ReportingUnit.objects.all()}
    directorates = {d.code: d for d in Directorate.objects.all()}
    for unit, directorate, _on, reason in structure.UNIT_MOVES:
        services.move_unit(units[unit], directorate=directorates[directorate], reason=reason, user=None)
    lines = {line.code: line for line in BudgetLine.objects.all()}
    for code, (_, new) in structure.RENAMED.items():
        services.update_line(lines[code], heading=new, user=None, reason="Strategic Commissioning Division created")
    september = {line.code: line for line in build.months()["2017-09"].lines}
    august = {line.code: line for line in build.months()["2017-08"].lines}
    for code in structure.NEW_IN_SEPTEMBER:
        line = september[code]
        lines[code] = services.create_line(
            code=code,
            heading=line.heading,
            unit=units[line.unit],
            year=year,
            gross=0,
            income=0,
            order=list(september).index(code) + 1,
            reason="New line in the Strategic Commissioning Division",
        )
    entries = []
    for code, line in september.items():
        before = august.get(code)
        gross, income = (before.gross, before.income) if before else (0, 0)
        if (line.gross, line.income) != (gross, income):
            entries.append((lines[code], (line.gross - gross) * P, (line.income - income) * P))
    services.record_cash_limit_change(
        year=year,
        kind=CashLimitChange.Kind.TECHNICAL,
        made_on=dt.date(2017, 9, 1),
        reason="Creation of the Strategic Commissioning Division within S&CS, and allocation of previously "
        "unallocated budget from Financing Items to S&CS services.",
        entries=entries,
        user=None,
        approved_by="Corporate Director of Finance",
    )
    # Lines keep their order in Appendix 1.
    for code in september:
        order = list(september).index(code) + 1
        if lines[code].order != order:
            services.update_line(lines[code], order=order, user=None)


def _september_extras(position: Position) -> None:
    units = {u.unit.code: u for u in PositionUnit.objects.filter(position=position).select_related("unit")}
    for code, (reasons, headlines) in structure.NARRATIVE.items():
        services.save_narrative(
            units[code], reasons=reasons, headlines=headlines, user=None, version=units[code].version
        )
    for order, (code, name, opening, projected) in enumerate(structure.RESERVES):
        items = [(d, a * P) for d, a in structure.EARMARKED_ITEMS] if code == "earmarked" else []
        services.set_reserve(
            position,
            code=code,
            name=name,
            opening=opening * P,
            projected=projected * P,
            order=order,
            items=items,
            user=None,
        )
    for company, budget, forecast, trading, reserves in structure.COMPANIES:
        services.add_dividend(
            position,
            company=company,
            budget=budget * P,
            forecast=forecast * P,
            from_trading=trading * P,
            from_reserves=reserves * P,
            user=None,
        )
    lines = {line.code: line for line in BudgetLine.objects.all()}
    for ref, line, title, kind, measure, a_budget, a_forecast, ytd_budget, ytd_actual, start, now in structure.ACTIVITY:
        money = figures.ACTIVITY_MONEY[ref]
        fields = {
            "line": lines.get(line),
            "title": title,
            "kind": kind,
            "measure": measure,
            "budget_a": money[0] * P,
            "budget_b": money[1] * P,
            "forecast_a": money[2] * P,
            "forecast_b": money[3] * P,
            "ytd_budget_a": money[4] * P,
            "ytd_budget_b": money[5] * P,
            "ytd_actual_a": money[6] * P,
            "ytd_actual_b": money[7] * P,
            "demand": None if money[8] is None else money[8] * P,
            "unit_cost": None if money[9] is None else money[9] * P,
            "other": None if money[10] is None else money[10] * P,
        }
        if kind == "service":
            fields.update(
                activity_budget=Decimal(a_budget),
                activity_forecast=Decimal(a_forecast),
                activity_ytd_budget=Decimal(ytd_budget),
                activity_ytd_actual=Decimal(ytd_actual),
            )
        else:
            fields.update(
                staff_start_kcc=Decimal(start[0]),
                staff_start_agency=Decimal(start[1]),
                staff_now_kcc=Decimal(now[0]),
                staff_now_agency=Decimal(now[1]),
            )
        services.save_activity_table(position, ref=ref, user=None, **fields)
    services.save_asylum(
        position,
        user=None,
        costs=[[label, g * P, i * P, vg * P, vi * P] for label, g, i, vg, vi in figures.ASYLUM_ROWS],
        by_age=[list(row) for row in structure.UASC_BY_AGE],
        eligibility=[list(row) for row in structure.UASC_ELIGIBILITY],
        referrals=[list(row) for row in structure.UASC_REFERRALS],
        dispersals=[list(row) for row in structure.UASC_DISPERSALS],
    )


def _links() -> None:
    activities = {a.ref: a for a in Activity.objects.all()}
    risks = {r.code: r for r in Risk.objects.all()}
    for line in BudgetLine.objects.all():
        refs = structure.LINE_ACTIVITIES.get(line.code, [])
        codes = structure.LINE_RISKS.get(line.code, [])
        if refs or codes:
            services.link_line(
                line,
                activities=[activities[r] for r in refs if r in activities],
                risks=[risks[c] for c in codes if c in risks],
                user=None,
            )
    for scheme in CapitalLine.objects.all():
        refs = structure.CAPITAL_ACTIVITIES.get(scheme.code, [])
        project = structure.CAPITAL_PROJECTS.get(scheme.code)
        if refs or project:
            services.link_line(
                scheme,
                activities=[activities[r] for r in refs if r in activities],
                project_reference=project,
                user=None,
            )


@transaction.atomic
def load_sample() -> str:
    if FinancialYear.objects.filter(label=structure.YEAR).exists():
        return f"The sample budget {structure.YEAR} was already loaded ({Position.objects.count()} positions)."
    manager, director = _people()
    year = services.create_year(label=structure.YEAR, starts_on=dt.date(*structure.YEAR_START))
    _structure(year, manager, director)
    directorates = {d.code: d for d in Directorate.objects.all()}
    for item in capital.LINES:
        services.create_capital_line(
            code=item["code"],
            title=item["title"],
            directorate=directorates[item["directorate"]],
            division=item["division"],
        )
    for key, _, _, reported_on in structure.MONTHS:
        if key == "2017-09":
            _before_september(year)
        position = _month(year, key, reported_on)
        if key == "2017-09":
            _september_extras(position)
        _report(position, reported_on)
    lines = {line.code: line for line in BudgetLine.objects.all()}
    years = {y.label: y for y in FinancialYear.objects.all()}
    for code, label, amount, rag, slips_to, description in structure.SAVINGS:
        services.add_saving(
            line=lines[code],
            year=years[label],
            description=description,
            amount=amount * P,
            rag=rag,
            slips_to=slips_to,
        )
    _links()
    return (
        f"Loaded the sample budget {structure.YEAR}: {BudgetLine.objects.count()} budget lines, "
        f"{CapitalLine.objects.count()} capital schemes, positions for May, July, August and September 2017."
    )
