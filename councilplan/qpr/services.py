"""Every change of state the QPR makes: its areas and cover, an area's executive paragraph for a quarter, and the
complaints KPI read from the feedback log. Each change is recorded with who made it and why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from councilplan.analysis import feedback as feedback_rules
from councilplan.feedback import selectors as feedback_selectors
from councilplan.feedback.services import get_settings as feedback_settings
from councilplan.performance.models import AreaCommentary, Indicator, Result, ServiceArea

from .models import Area, Cover


def _save(instance, user, reason: str) -> None:
    instance._history_user = user
    instance._change_reason = reason
    instance.save()


@transaction.atomic
def save_area(
    *,
    name: str,
    order: int,
    service_area: ServiceArea,
    cabinet_members: str,
    director: str,
    director_title: str,
    user=None,
    reason: str = "",
) -> Area:
    """Create or update the area called `name` (unchanged fields are not written again)."""
    area = Area.objects.filter(name=name).first() or Area(name=name)
    values = {
        "order": order,
        "service_area": service_area,
        "cabinet_members": cabinet_members,
        "director": director,
        "director_title": director_title,
    }
    if area.pk and all(getattr(area, k) == v for k, v in values.items()):
        return area
    for key, value in values.items():
        setattr(area, key, value)
    _save(area, user, reason or ("Area updated" if area.pk else "Area added"))
    return area


@transaction.atomic
def save_cover(*, from_member: str, from_director: str, to: str, contacts: str = "", user=None, reason="") -> Cover:
    cover = Cover.objects.order_by("pk").first() or Cover()
    values = {"from_member": from_member, "from_director": from_director, "to": to, "contacts": contacts}
    if cover.pk and all(getattr(cover, k) == v for k, v in values.items()):
        return cover
    for key, value in values.items():
        setattr(cover, key, value)
    _save(cover, user, reason or "Cover updated")
    return cover


@transaction.atomic
def save_executive_paragraph(area: Area, quarter_end: dt.date, text: str, *, user=None, reason: str = "") -> None:
    """The executive summary's paragraph on `area` for the quarter ending in `quarter_end`'s month (kept as the
    service area's commentary for that month, which the performance reports show too)."""
    period = quarter_end.replace(day=1)
    found = AreaCommentary.objects.filter(service_area=area.service_area, period=period).first()
    if found is not None and found.text == text.strip():
        return
    found = found or AreaCommentary(service_area=area.service_area, period=period)
    found.text = text.strip()
    _save(found, user, reason or "Executive summary paragraph")


@transaction.atomic
def feed_complaints_kpi(ref: str, quarter_ends: list[dt.date], *, user=None) -> list[tuple[dt.date, int | None]]:
    """Write a quarterly KPI's results as the percentage of complaints received in each quarter that were answered
    within timescale, counted from the feedback log (the feedback system's rules): not typed a second time.
    Returns each quarter's percentage (None when the log holds no complaint for it: nothing is written)."""
    indicator = Indicator.objects.get(ref=ref)
    points = feedback_selectors.case_points()
    extension = feedback_settings().extension_counts_in_time
    written = []
    for end in quarter_ends:
        counted = feedback_rules.answered_in_time(points, feedback_rules.quarter_of(end), extension)
        written.append((end, counted.percent))
        if counted.percent is None:
            continue
        period = end.replace(day=1)
        value = Decimal(counted.percent)
        result = Result.objects.filter(indicator=indicator, period=period).first() or Result(
            indicator=indicator, period=period
        )
        if result.pk and result.value == value:
            continue
        if result.pk:
            result.version += 1
        result.value = value
        if not result.commentary:
            result.commentary = ""
        result.updated_by = user
        _save(result, user, f"Counted from the feedback log: {counted.in_time} of {counted.received} in time")
    return written
