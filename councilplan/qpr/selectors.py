"""Every read of the QPR, as plain records, in a fixed number of queries whatever the number of areas, KPIs or
results: the areas and their KPIs (performance's records), the executive paragraphs, the cover, the corporate
risk register (the risks system's selectors) and the complaints figures (the feedback system's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Prefetch

from councilplan.analysis import feedback as feedback_rules
from councilplan.analysis import performance as rules
from councilplan.analysis import qpr as figures
from councilplan.feedback import selectors as feedback_selectors
from councilplan.feedback.services import get_settings as feedback_settings
from councilplan.performance.models import AreaCommentary, Indicator, Result, Standard
from councilplan.performance.selectors import indicator_record
from councilplan.risks import selectors as risk_selectors
from councilplan.risks.models import Register

from .models import Area, Cover

HISTORY_QUARTERS = 8  # the charts: two years of quarters up to the report's


@dataclass(frozen=True)
class CoverRecord:
    from_member: str = ""
    from_director: str = ""
    to: str = "Cabinet"
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class QprInputs:
    qpr: figures.Qpr
    indicators: dict[str, rules.Indicator]  # ref -> record (for the charts)
    executive: dict[str, str]  # area key -> the executive summary's paragraph
    cover: CoverRecord


def area_records() -> list[tuple[Area, figures.AreaInput]]:
    return [
        (a, figures.AreaInput(str(a.pk), a.name, tuple(a.members), a.director, a.director_title))
        for a in Area.objects.select_related("service_area").order_by("order", "name")
    ]


def qpr_inputs(period: dt.date) -> QprInputs:
    """The report for the quarter ending in `period`'s month (five queries)."""
    pairs = area_records()
    keys = {area.service_area_id: record.key for area, record in pairs}
    since = rules.add_months(period, -3 * HISTORY_QUARTERS)
    indicators = list(
        Indicator.objects.filter(active=True, service_area_id__in=keys)
        .select_related("service_area__directorate", "paired_with")
        .prefetch_related(
            Prefetch("standards", queryset=Standard.objects.order_by("year")),
            Prefetch(
                "results", queryset=Result.objects.filter(period__lte=period, period__gt=since).order_by("period")
            ),
        )
        .order_by("order", "ref")
    )
    records = [indicator_record(i, keys[i.service_area_id]) for i in indicators]
    executive = {
        keys[c.service_area_id]: c.text.strip()
        for c in AreaCommentary.objects.filter(service_area_id__in=keys, period=period)
        if c.text.strip()
    }
    cover = Cover.objects.order_by("pk").first()
    cover_record = (
        CoverRecord(
            cover.from_member,
            cover.from_director,
            cover.to,
            tuple(line.strip() for line in cover.contacts.splitlines() if line.strip()),
        )
        if cover
        else CoverRecord()
    )
    return QprInputs(
        qpr=figures.analyse([record for _, record in pairs], records, period),
        indicators={r.ref: r for r in records},
        executive=executive,
        cover=cover_record,
    )


def latest_quarter() -> dt.date | None:
    """The latest quarter with a result for a QPR KPI: the page's default."""
    found = Result.objects.filter(indicator__service_area__qpr_area__isnull=False).aggregate(latest=Max("period"))
    latest = found["latest"]
    if latest is None:
        return None
    while latest.month not in (3, 6, 9, 12):
        latest = rules.add_months(latest, -1)
    return latest


def quarters() -> list[dt.date]:
    """Every quarter with a result for a QPR KPI, latest first (one query)."""
    periods = (
        Result.objects.filter(indicator__service_area__qpr_area__isnull=False, period__month__in=(3, 6, 9, 12))
        .values_list("period", flat=True)
        .distinct()
        .order_by("-period")
    )
    return list(periods)


def corporate_register() -> Register | None:
    found = risk_selectors.find_registers(None)  # the corporate level, the highest
    return found[0] if found else None


def risk_data(include_exempt: bool) -> risk_selectors.RegisterData | None:
    """The corporate risk register as the risks system reads it; without `include_exempt`, not its exempt risks."""
    register = corporate_register()
    if register is None:
        return None
    return risk_selectors.register_data([register], include_exempt=include_exempt)


@dataclass(frozen=True)
class Complaints:
    quarterly: feedback_rules.QuarterlyReturn


def complaints(period: dt.date) -> Complaints | None:
    """The customer-feedback figures of the quarter (complaints received by service over the four periods, and
    answered in time), counted from the feedback log; None when the log is empty."""
    points = feedback_selectors.case_points()
    if not points:
        return None
    quarter_end = feedback_rules.quarter_of(period).end
    quarterly = feedback_rules.quarterly_return(
        points,
        quarter_end,
        feedback_selectors.service_names(),
        feedback_settings().extension_counts_in_time,
        feedback_selectors.held_from(),
    )
    return Complaints(quarterly)
