"""Reading performance data as the plain records `councilplan.analysis.performance` works on.

Every page and report reads in a fixed number of queries, whatever the number of indicators: the service
areas, the indicators, their standards and their results (one query each), and the area commentary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Prefetch, Q

from councilplan.analysis import performance as rules
from councilplan.core.models import Directorate

from .models import AreaCommentary, Indicator, Result, ServiceArea, Standard

# How far back a report reads results: the direction of travel, the previous year and a 13-month chart all
# fit well inside three years.
HISTORY_MONTHS = 36
DASHBOARD, QUARTERLY = "dashboard", "quarterly"


@dataclass(frozen=True)
class ReportScope:
    """What a dashboard or quarterly report covers: everything, one directorate, or one service area's name."""

    kind: str  # DASHBOARD or QUARTERLY
    period: dt.date
    directorate: Directorate | None = None
    area_name: str = ""

    @property
    def compare(self) -> str:
        return rules.QUARTER if self.kind == QUARTERLY else rules.MONTH

    @property
    def label(self) -> str:
        if self.area_name:
            return self.area_name
        return self.directorate.name if self.directorate else ""


@dataclass(frozen=True)
class ReportInputs:
    scope: ReportScope
    areas: tuple[rules.Area, ...]
    indicators: tuple[rules.Indicator, ...]
    performance: rules.Performance
    area_commentary: dict[str, str]  # Area.key -> text
    owners: dict[str, str]  # ref -> owner's name


def parse_period(text: str) -> dt.date | None:
    """ "2017-07" → 1 July 2017; None when it is not a real month."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return dt.date(year, month, 1) if 1900 < year < 2200 else None
    except (ValueError, TypeError):
        return None


# The indicators of the monthly dashboard and quarterly report: weekly ones and those split by a breakdown
# (delayed transfers of care) have a dashboard of their own (`dtoc.py`).
ON_DASHBOARD = Q(active=True, breakdown="") & ~Q(frequency=Indicator.Frequency.WEEKLY)


def latest_period() -> dt.date | None:
    """The latest month with a result of a dashboard indicator: the default period for the dashboard."""
    on_dashboard = Q(indicator__breakdown="") & ~Q(indicator__frequency=Indicator.Frequency.WEEKLY)
    return Result.objects.filter(on_dashboard).aggregate(latest=Max("period"))["latest"]


def directorates() -> list[Directorate]:
    """Directorates with at least one active indicator, by name (one query)."""
    return list(Directorate.objects.filter(service_areas__indicators__active=True).distinct().order_by("name"))


def find_scope_name(name: str) -> tuple[Directorate | None, str]:
    """A `--area NAME`: a directorate's name or a service area's name (either case). ("", "") when unknown."""
    wanted = name.strip()
    directorate = Directorate.objects.filter(name__iexact=wanted).first()
    if directorate is not None:
        return directorate, ""
    area = ServiceArea.objects.filter(name__iexact=wanted).order_by("pk").first()
    if area is not None:
        return None, area.name
    return None, ""


def area_names() -> list[str]:
    return list(ServiceArea.objects.values_list("name", flat=True).distinct().order_by("name"))


def _area_record(area: ServiceArea, merged: bool) -> rules.Area:
    if merged:
        return rules.Area(
            key=f"{area.directorate_id}|{area.name}",
            name=area.name,
            directorate=area.directorate.name,
            director=area.director,
            cabinet_member=area.cabinet_member,
            delivery_partner=area.delivery_partner,
        )
    return rules.Area(
        key=str(area.pk),
        name=area.name,
        directorate=area.directorate.name,
        director=area.director,
        cabinet_member=area.cabinet_member,
        delivery_partner=area.delivery_partner,
    )


def _join(values: list[str]) -> str:
    return ", ".join(dict.fromkeys(v for v in values if v))


def _merge(areas: list[tuple[ServiceArea, rules.Area]]) -> tuple[list[rules.Area], dict[int, str]]:
    """One record per area name (the quarterly report's areas), with every partner named; pk -> key."""
    grouped: dict[str, list[ServiceArea]] = {}
    keys: dict[int, str] = {}
    for area, record in areas:
        grouped.setdefault(record.key, []).append(area)
        keys[area.pk] = record.key
    merged = []
    for key, members in grouped.items():
        first = members[0]
        merged.append(
            rules.Area(
                key=key,
                name=first.name,
                directorate=first.directorate.name,
                director=_join([a.director for a in members]),
                cabinet_member=_join([a.cabinet_member for a in members]),
                delivery_partner=_join([a.delivery_partner for a in members]),
            )
        )
    return merged, keys


def indicator_record(indicator: Indicator, area_key: str) -> rules.Indicator:
    """An indicator with its prefetched standards and results as an analysis record."""
    return rules.Indicator(
        ref=indicator.ref,
        description=indicator.description,
        area=area_key,
        kind=indicator.kind,
        unit=indicator.unit,
        polarity=indicator.polarity,
        frequency=indicator.frequency,
        year_to_date=indicator.year_to_date,
        shown_as=indicator.shown_as,
        paired_with=indicator.paired_with.ref if indicator.paired_with_id else "",
        standards=tuple(rules.Standard(s.year, s.target, s.floor, s.lower, s.upper) for s in indicator.standards.all()),
        results=tuple(rules.Result(r.period, r.value, r.ytd, r.commentary) for r in indicator.results.all()),
    )


def _indicators(filters: Q, up_to: dt.date, since: dt.date | None):
    results = Result.objects.filter(period__lte=up_to).order_by("period")
    if since is not None:
        results = results.filter(period__gte=since)
    return (
        Indicator.objects.filter(filters)
        .select_related("service_area__directorate", "paired_with", "owner")
        .prefetch_related(
            Prefetch("standards", queryset=Standard.objects.order_by("year")),
            Prefetch("results", queryset=results),
        )
        .order_by("service_area__directorate__name", "service_area__order", "service_area__name", "order", "ref")
    )


def report_inputs(scope: ReportScope) -> ReportInputs:
    """Everything a dashboard or a quarterly report shows for `scope` (six queries). Weekly indicators and those
    split by a breakdown (delayed transfers of care) have a dashboard of their own (`dtoc.py`)."""
    filters = ON_DASHBOARD
    area_filters = Q()
    if scope.directorate is not None:
        filters &= Q(service_area__directorate=scope.directorate)
        area_filters &= Q(directorate=scope.directorate)
    if scope.area_name:
        filters &= Q(service_area__name__iexact=scope.area_name)
        area_filters &= Q(name__iexact=scope.area_name)
    merged = scope.kind == QUARTERLY
    service_areas = list(
        ServiceArea.objects.filter(area_filters)
        .select_related("directorate")
        .order_by("directorate__name", "order", "name", "delivery_partner")
    )
    pairs = [(a, _area_record(a, merged)) for a in service_areas]
    if merged:
        areas, keys = _merge(pairs)
    else:
        areas, keys = [record for _, record in pairs], {a.pk: record.key for a, record in pairs}
    since = rules.add_months(scope.period, -HISTORY_MONTHS)
    rows = list(_indicators(filters, scope.period, since))
    records = tuple(indicator_record(i, keys[i.service_area_id]) for i in rows)
    performance = rules.analyse(areas, records, scope.period, scope.compare)
    commentary: dict[str, list[str]] = {}
    wanted_period = scope.period
    for row in AreaCommentary.objects.filter(service_area__in=service_areas, period=wanted_period).order_by(
        "service_area__order", "service_area__name", "service_area__delivery_partner"
    ):
        if row.text.strip():
            commentary.setdefault(keys[row.service_area_id], []).append(row.text.strip())
    return ReportInputs(
        scope=scope,
        areas=tuple(areas),
        indicators=records,
        performance=performance,
        area_commentary={key: "\n\n".join(texts) for key, texts in commentary.items()},
        owners={i.ref: str(i.owner) for i in rows if i.owner_id},
    )


def get_indicator(ref: str) -> Indicator | None:
    """The indicator with this reference, in any case ("cs01" finds CS01)."""
    indicators = Indicator.objects.select_related("service_area__directorate", "paired_with", "owner")
    return indicators.filter(ref__iexact=ref).order_by("pk").first()


def indicator_page(indicator: Indicator, period: dt.date | None, user) -> dict:
    """An indicator's page: its record (all results), standards, linked activities (the exempt ones only for
    `user` cleared for them) and paired indicators."""
    activities = indicator.activities.model.objects.visible_to(user).select_related("plan")
    full = (
        Indicator.objects.filter(pk=indicator.pk)
        .select_related("service_area__directorate", "paired_with", "owner")
        .prefetch_related(
            Prefetch("standards", queryset=Standard.objects.order_by("year")),
            Prefetch("results", queryset=Result.objects.order_by("period").select_related("updated_by")),
            Prefetch("activities", queryset=activities),
            Prefetch("paired_activity_indicators", queryset=Indicator.objects.order_by("ref")),
        )
        .get()
    )
    return {"indicator": full, "record": indicator_record(full, str(full.service_area_id))}


def indicator_list():
    """Every active indicator in dashboard order, with its area, directorate and owner (one query): the list
    page searches, filters and pages it."""
    return (
        Indicator.objects.filter(active=True)
        .select_related("service_area__directorate", "owner")
        .order_by("service_area__directorate__name", "service_area__order", "service_area__name", "order", "ref")
    )


def indicator_filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The directorates and service areas that have active indicators, for the list's filters (one query)."""
    areas = (
        ServiceArea.objects.filter(indicators__active=True)
        .select_related("directorate")
        .distinct()
        .order_by("directorate__name", "order", "name", "delivery_partner")
    )
    areas = list(areas)
    directorates = {area.directorate_id: area.directorate.name for area in areas}
    return {
        "directorate": sorted(((str(pk), name) for pk, name in directorates.items()), key=lambda c: c[1]),
        "area": [
            (
                str(area.pk),
                area.name
                if not area.delivery_partner or area.delivery_partner == area.name
                else f"{area.name} ({area.delivery_partner})",
            )
            for area in areas
        ],
    }


def owned_indicators(user) -> list[Indicator]:
    """The indicators `user` enters results for, with their latest result (two queries)."""
    return list(
        Indicator.objects.filter(owner=user, active=True)
        .select_related("service_area__directorate")
        .prefetch_related(Prefetch("results", queryset=Result.objects.order_by("-period")))
        .order_by("ref")
    )


def linked_indicators(activity) -> list[rules.KpiRow]:
    """The KPIs linked to a plan activity, each at its latest result (three queries): for its page and
    scorecard."""
    rows = list(_indicators(Q(activities=activity, active=True, kind="kpi"), dt.date.max.replace(day=1), None))
    out = []
    for indicator in rows:
        record = indicator_record(indicator, "")
        latest = max((r.period for r in record.results), default=None)
        if latest is None:
            out.append(rules.kpi_row(record, dt.date.today().replace(day=1)))
        else:
            out.append(rules.kpi_row(record, latest))
    return out


@dataclass
class BreakdownInputs:
    """A weekly indicator split by a breakdown, as plain records for `analysis.dtoc` (four queries)."""

    sites: list
    weekly: dict
    monthly: dict
    targets: list
    weeks: list


def breakdown_inputs(weekly_ref: str, monthly_ref: str = "") -> BreakdownInputs:
    from councilplan.analysis import dtoc

    from .models import BreakdownTarget, BreakdownValue, ResultPart

    indicator = Indicator.objects.filter(ref=weekly_ref).first()
    if indicator is None:
        return BreakdownInputs([], {}, {}, [], [])
    sites = [
        dtoc.Site(v.code, v.name, v.trust, v.setting, v.counted_from)
        for v in BreakdownValue.objects.filter(breakdown=indicator.breakdown).order_by("order", "name")
    ]
    refs = [r for r in (weekly_ref, monthly_ref) if r]
    parts = ResultPart.objects.filter(result__indicator__ref__in=refs).values_list(
        "result__indicator__ref", "result__period", "breakdown_value__code", "responsibility", "value"
    )
    by_ref: dict[str, list] = {r: [] for r in refs}
    for ref, period, code, responsibility, value in parts:
        by_ref[ref].append(dtoc.Part(period, code, responsibility, value))
    weekly = dtoc.days_by_site_week(by_ref[weekly_ref])
    monthly = dtoc.days_by_site_week(by_ref[monthly_ref]) if monthly_ref else {}
    targets = [
        dtoc.Target(t.period, t.trust, t.responsibility, t.value, t.origin)
        for t in BreakdownTarget.objects.filter(indicator=indicator)
    ]
    return BreakdownInputs(sites, weekly, monthly, targets, sorted({w for _, w in weekly}))


@dataclass(frozen=True)
class WeekEntry:
    """One week of a weekly indicator split by a breakdown, for its form: the sites, what is stored and the
    week's version (None before the week's first figures)."""

    sites: list  # BreakdownValue, in the dashboard's order
    stored: dict  # (site code, responsibility) -> Decimal or None (not returned)
    version: int | None
    updated_by: str
    updated_at: dt.datetime | None


def week_entry(indicator: Indicator, week: dt.date) -> WeekEntry:
    """Three queries, whatever the number of sites."""
    from .models import BreakdownValue, ResultPart

    sites = list(BreakdownValue.objects.filter(breakdown=indicator.breakdown).order_by("order", "name"))
    result = Result.objects.filter(indicator=indicator, period=week).select_related("updated_by").first()
    stored = {}
    if result is not None:
        stored = {
            (code, responsibility): value
            for code, responsibility, value in ResultPart.objects.filter(result=result).values_list(
                "breakdown_value__code", "responsibility", "value"
            )
        }
    return WeekEntry(
        sites,
        stored,
        result.version if result else None,
        str(result.updated_by) if result and result.updated_by else "",
        result.updated_at if result else None,
    )


@dataclass(frozen=True)
class PartChange:
    when: dt.datetime
    who: str
    site: str
    responsibility: str
    before: object  # Decimal, None (not returned) or "" (no figure before)
    after: object
    reason: str


def week_history(indicator: Indicator, week: dt.date) -> list[PartChange]:
    """Every change to a week's figures, newest first, each with the figure before it (two queries)."""
    from .models import BreakdownValue, ResultPart

    names = dict(BreakdownValue.objects.filter(breakdown=indicator.breakdown).values_list("code", "name"))
    rows = (
        ResultPart.history.filter(result__indicator=indicator, result__period=week)
        .select_related("history_user", "breakdown_value")
        .order_by("history_date", "history_id")
    )
    changes, last = [], {}
    for row in rows:
        before = last.get(row.id, "")
        last[row.id] = row.value
        changes.append(
            PartChange(
                row.history_date,
                str(row.history_user) if row.history_user else "The system",
                names.get(row.breakdown_value.code, row.breakdown_value.code),
                row.responsibility,
                before,
                row.value,
                row.history_change_reason or "",
            )
        )
    return changes[::-1]


def indicators_for_activities(activity_ids) -> dict[int, list[rules.KpiRow]]:
    """Activity id -> the KPIs linked to it, each at its latest result (four queries however many activities):
    for an activity's page and the joined pages of an outcome, a directorate or a lead officer."""
    ids = list(activity_ids)
    pairs = list(
        Indicator.activities.through.objects.filter(
            activity_id__in=ids, indicator__active=True, indicator__kind="kpi"
        ).values_list("activity_id", "indicator_id")
    )
    rows: dict[int, rules.KpiRow] = {}
    for indicator in _indicators(Q(pk__in={i for _, i in pairs}), dt.date.max.replace(day=1), None):
        record = indicator_record(indicator, "")
        latest = max((r.period for r in record.results), default=None)
        rows[indicator.pk] = rules.kpi_row(record, latest or dt.date.today().replace(day=1))
    found: dict[int, list[rules.KpiRow]] = {}
    for activity_id, indicator_id in pairs:
        if indicator_id in rows:
            found.setdefault(activity_id, []).append(rows[indicator_id])
    for kpis in found.values():
        kpis.sort(key=lambda row: row.ref)
    return found


def kpis_at_latest() -> list[rules.KpiRow]:
    """Every active KPI at its latest result (three queries): for the exceptions page (those below floor)."""
    out = []
    for indicator in _indicators(Q(active=True, kind="kpi"), dt.date.max.replace(day=1), None):
        record = indicator_record(indicator, "")
        latest = max((r.period for r in record.results), default=None)
        if latest is not None:
            out.append(rules.kpi_row(record, latest))
    return out
