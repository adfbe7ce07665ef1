"""Gathering a report's records (through the selectors) and making its document: one place for the pages and
the `finance-report` command."""

from __future__ import annotations

import dataclasses

from councilplan.analysis import finance as f
from councilplan.core.permissions import can_see_exempt
from councilplan.documents.formats import render

from . import selectors
from .documents import ReportData, build_committee_extract, build_report
from .models import Position

EXEMPT_TITLE = "A scheme exempt under Schedule 12A"


def gather(position: Position, user, *, public: bool = False) -> ReportData:
    """Everything the report of `position` needs, for `user` (None: the public, who see nothing exempt)."""
    cleared = not public and user is not None and can_see_exempt(user)
    last = selectors.last_reported(position)
    current = selectors.position_bundle(position)
    previous = selectors.position_bundle(last) if last is not None else None
    capital = []
    for record in selectors.capital_records(position, last, user):
        line = record.line
        if line.exempt and not cleared:
            line = dataclasses.replace(line, title=EXEMPT_TITLE, explanation="")
        elif line.exempt:
            line = dataclasses.replace(line, exempt=False)
        capital.append(dataclasses.replace(record, line=line))
    adjustments = [
        (
            a.line.directorate.code,
            EXEMPT_TITLE if a.line.exempt and not cleared else a.line.title,
            a.amount,
            a.year,
            a.funding,
            a.reason,
        )
        for a in position.capital_adjustments.select_related("line", "line__directorate")
    ]
    series = []
    for item in selectors.reported_series(position):
        bundle = current if item.pk == position.pk else selectors.position_bundle(item)
        table = f.table1(bundle.data, None)
        series.append((f"{item.month:%B %Y}", table.total_excl_schools.rnv))
    companies = [
        (c.company, c.budget, c.forecast, c.from_trading, c.from_reserves)
        for c in selectors.dividends(position, None if public else user)
    ]
    return ReportData(
        current=current,
        last=previous,
        capital=capital,
        capital_adjustments=adjustments,
        reserves=selectors.reserve_accounts(position, current.school_reserves),
        companies=companies,
        activity=selectors.activity_records(position),
        asylum=selectors.asylum(position),
        series=series,
    )


def cabinet_report(position: Position, user, *, public: bool = False):
    return build_report(gather(position, user, public=public))


def committee_extract(position: Position, user, directorate):
    data = gather(position, user)
    return build_committee_extract(data, directorate.code, directorate.name)


def render_report(position: Position, user, fmt: str, *, directorate=None, public: bool = False) -> tuple[bytes, str]:
    document = (
        committee_extract(position, user, directorate) if directorate else cabinet_report(position, user, public=public)
    )
    return render(document, fmt), document.file_stem
