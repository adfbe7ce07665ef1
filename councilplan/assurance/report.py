"""Finding the report for a period: the one recorded, or (for any other span of months) one made for the asking
with the latest issued report before it as the previous one. Used by the command and the pages."""

from __future__ import annotations

import datetime as dt
import re

from councilplan.analysis import assurance as rules

from .models import AnalysisReport

PERIOD = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")


class BadPeriod(ValueError):
    pass


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """'2017-03..2017-08' → (1 March 2017, 31 August 2017)."""
    found = PERIOD.match((text or "").strip())
    if not found:
        raise BadPeriod(f"Give the period as YYYY-MM..YYYY-MM (for example 2017-03..2017-08), not {text!r}.")
    y1, m1, y2, m2 = (int(x) for x in found.groups())
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        raise BadPeriod(f"{text!r} has a month that is not 01 to 12.")
    start, last = dt.date(y1, m1, 1), dt.date(y2, m2, 1)
    if last < start:
        raise BadPeriod(f"{text!r} ends before it starts.")
    return start, rules.month_end(last)


def report_for(start: dt.date, end: dt.date) -> AnalysisReport:
    found = AnalysisReport.objects.filter(period_start=start, period_end=end).select_related("previous").first()
    if found is not None:
        return found
    previous = (
        AnalysisReport.objects.filter(issued_on__isnull=False, period_end__lt=start).order_by("-period_end").first()
    )
    return AnalysisReport(
        title=f"Corporate Assurance analysis: {start:%B %Y} to {end:%B %Y}",
        period_start=start,
        period_end=end,
        previous=previous,
    )
