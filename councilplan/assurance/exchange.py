"""The projects register in and out (docs/data-format.md, "Corporate assurance projects"): the same columns
for the list's download (CSV, Excel, JSON) and the import. The import reads the whole file, names every bad row,
column and value, and writes nothing unless every row is right. A new reference adds a project; a known one
changes its details (a tier, a closure or a variation is a decision of its own, made on the project's page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from councilplan.analysis import assurance as rules
from councilplan.core.exchange import ImportFailed, ImportResult, RowError, file_error, parse_date
from councilplan.core.identifiers import is_gss_column
from councilplan.core.lists import Column
from councilplan.core.tabular import TableError, read_table, unguard

from . import services
from .models import Portfolio, Project, Theme


def _pounds(pence: int | None):
    if pence is None:
        return None
    value = Decimal(pence) / 100
    return int(value) if value == value.to_integral_value() else float(value)


COLUMNS = [
    Column("Reference", lambda p: p.reference),
    Column("Name", lambda p: p.name),
    Column("Portfolio", lambda p: p.portfolio.code),
    Column("State", lambda p: p.state),
    Column("Current from", lambda p: p.approved_on),
    Column("Stage", lambda p: p.stage),
    Column("Tier", lambda p: p.tier),
    Column("Theme", lambda p: p.theme.code if p.theme_id else ""),
    Column("Senior responsible owner", lambda p: p.senior_responsible_owner),
    Column("Sponsor", lambda p: p.sponsor),
    Column("Project manager", lambda p: p.project_manager),
    Column("Start date", lambda p: p.start_date),
    Column("Forecast end", lambda p: p.forecast_end),
    Column("Forecast cost (£)", lambda p: _pounds(p.cost), numeric=True),
    Column("Benefit kind", lambda p: p.benefit_kind),
    Column("Financial benefit (£)", lambda p: _pounds(p.benefit), numeric=True),
    Column("Next key milestones", lambda p: p.milestones),
]
REQUIRED = ["Reference", "Name", "Portfolio"]
# The tier is the latest decision's: exported to be read, ignored on import.
READ_ONLY = {"Tier"}


@dataclass
class _Row:
    number: int
    reference: str
    create: dict
    state: str
    approved_on: dt.date | None
    cost: int | None
    benefit: int | None


def _money(text: str, row: int, column: str, name: str, errors: list) -> int | None:
    text = text.replace(",", "").replace("£", "").strip()
    if not text:
        return None
    try:
        return int((Decimal(text) * 100).to_integral_value())
    except InvalidOperation:
        errors.append(RowError(name, row, column, text, "not a sum of money in pounds, like 125000.50"))
        return None


def read_projects(path: str | Path) -> tuple[list[_Row], list[RowError]]:
    name = Path(path).name
    try:
        table = read_table(path)
    except TableError as error:
        return [], [file_error(path, str(error))]
    by_lower = {h.strip().lower(): h for h in table.header}
    known = {c.heading.lower(): c.heading for c in COLUMNS}
    errors = [
        file_error(path, f"unknown column {h!r}")
        for h in table.header
        if h.strip().lower() not in known and not is_gss_column(h)  # the GSS code every export adds
    ]
    errors += [file_error(path, f"missing column {c!r}") for c in REQUIRED if c.lower() not in by_lower]
    if errors:
        return [], errors
    portfolios = {p.code: p for p in Portfolio.objects.all()}
    themes = {t.code: t for t in Theme.objects.all()}
    rows, seen = [], {}
    for number, raw in table.rows:
        values = {
            known[h.strip().lower()]: unguard(str(v if v is not None else "")).strip()
            for h, v in raw.items()
            if not is_gss_column(h)
        }

        def bad(column: str, message: str, number=number, values=values) -> None:
            errors.append(RowError(name, number, column, values.get(column, ""), message))

        reference = values.get("Reference", "")
        if not reference:
            bad("Reference", "every project needs a reference")
            continue
        if reference.lower() in seen:
            bad("Reference", f"the same reference as row {seen[reference.lower()]}")
        seen[reference.lower()] = number
        if not values.get("Name"):
            bad("Name", "every project needs a name")
        portfolio = portfolios.get(values.get("Portfolio", ""))
        if portfolio is None:
            bad("Portfolio", f"not a portfolio code ({', '.join(sorted(portfolios))})")
        state = values.get("State") or "potential"
        if state not in ("potential", "current"):
            bad("State", "an import adds potential or current projects (close them on their page)")
        stage = rules.STAGE_ALIASES.get(values.get("Stage", "").lower(), values.get("Stage", "").lower())
        if stage and stage not in rules.STAGES:
            bad("Stage", f"not a stage ({', '.join(rules.STAGES)})")
        theme = values.get("Theme", "")
        if theme and theme not in themes:
            bad("Theme", f"not a theme code ({', '.join(sorted(themes))})")
        kind = values.get("Benefit kind") or "tbc"
        if kind not in rules.BENEFIT_KINDS:
            bad("Benefit kind", f"not a kind of benefit ({', '.join(rules.BENEFIT_KINDS)})")
        dates = {}
        for column in ("Current from", "Start date", "Forecast end"):
            text = values.get(column, "")
            dates[column] = parse_date(text) if text else None
            if text and dates[column] is None:
                bad(column, "not a date (2017-08-31 or 31/08/2017)")
        if state == "current" and dates["Current from"] is None:
            bad("Current from", "a current project needs the date it became current")
        rows.append(
            _Row(
                number,
                reference,
                {
                    "name": values.get("Name", ""),
                    "portfolio": portfolio,
                    "stage": stage,
                    "theme": themes.get(theme),
                    "senior_responsible_owner": values.get("Senior responsible owner", ""),
                    "sponsor": values.get("Sponsor", ""),
                    "project_manager": values.get("Project manager", ""),
                    "start_date": dates["Start date"],
                    "forecast_end": dates["Forecast end"],
                    "benefit_kind": kind,
                    "milestones": values.get("Next key milestones", ""),
                },
                state,
                dates["Current from"],
                _money(values.get("Forecast cost (£)", ""), number, "Forecast cost (£)", name, errors),
                _money(values.get("Financial benefit (£)", ""), number, "Financial benefit (£)", name, errors),
            )
        )
    return rows, errors


def import_projects(path: str | Path, *, user) -> ImportResult:
    rows, errors = read_projects(path)
    if errors:
        raise ImportFailed(errors)
    existing = {p.reference.lower(): p for p in Project.objects.select_related("portfolio")}
    created = updated = 0
    name = Path(path).name
    with transaction.atomic():
        for row in rows:
            try:
                found = existing.get(row.reference.lower())
                if found is None:
                    services.create_project(
                        reference=row.reference,
                        state=row.state,
                        approved_on=row.approved_on,
                        cost=row.cost,
                        benefit=row.benefit,
                        user=user,
                        **row.create,
                    )
                    created += 1
                else:
                    services.update_project(found, user=user, reason="import", **row.create)
                    updated += 1
            except ValidationError as error:
                errors.extend(RowError(name, row.number, "", "", m) for m in error.messages)
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ImportFailed(errors)
    return ImportResult(created, updated, [])
