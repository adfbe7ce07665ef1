"""Changing weekly and split indicators' data (spec/qpr.md §3): a period's parts by breakdown value and
responsibility, the breakdown's values, and targets per cell. Each write is saved with its history and a reason;
a result's value is kept equal to the sum of its parts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from councilplan.analysis import performance as rules
from councilplan.analysis.vocabulary import RESPONSIBILITIES

from .models import BreakdownTarget, BreakdownValue, Indicator, Result, ResultPart


def _save(obj, user, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason
    obj.save()


def save_breakdown_value(breakdown: str, code: str, user=None, reason: str = "", **fields) -> BreakdownValue:
    value = BreakdownValue.objects.filter(breakdown=breakdown, code=code).first() or BreakdownValue(
        breakdown=breakdown, code=code
    )
    changed = value.pk is None or any(getattr(value, k) != v for k, v in fields.items())
    for key, item in fields.items():
        setattr(value, key, item)
    if changed:
        value.full_clean()
        _save(value, user, reason or "Breakdown value saved")
    return value


@transaction.atomic
def save_parts(
    indicator: Indicator,
    period: dt.date,
    parts: dict[tuple[str, str], Decimal | None],
    user=None,
    reason: str = "",
) -> Result:
    """A period's parts, {(breakdown value code, responsibility): value or None for not returned}; the result's
    value becomes the sum of the parts returned. Unchanged parts are not saved again (no history row)."""
    if not rules.valid_period(period, indicator.frequency):
        raise ValueError(f"{period} is not a {indicator.frequency} period")
    values = {v.code: v for v in BreakdownValue.objects.filter(breakdown=indicator.breakdown)}
    for code, responsibility in parts:
        if code not in values:
            raise ValueError(f"{code} is not a value of the breakdown {indicator.breakdown}")
        if responsibility not in RESPONSIBILITIES:
            raise ValueError(f"{responsibility} is not a responsibility")
    reason = reason or "Figures entered"
    result = Result.objects.filter(indicator=indicator, period=period).first()
    if result is None:
        result = Result(indicator=indicator, period=period, updated_by=user)
        _save(result, user, reason)
    existing = {(p.breakdown_value.code, p.responsibility): p for p in result.parts.select_related("breakdown_value")}
    for key, value in parts.items():
        part = existing.get(key)
        if part is None:
            part = ResultPart(result=result, breakdown_value=values[key[0]], responsibility=key[1], value=value)
            _save(part, user, reason)
            existing[key] = part
        elif part.value != value:
            part.value = value
            _save(part, user, reason)
    returned = [p.value for p in existing.values() if p.value is not None]
    total = sum(returned, Decimal(0)) if returned else None
    if result.value != total:
        result.value = total
        result.version += 1
        result.updated_by = user
        _save(result, user, reason)
    return result


def save_target(indicator, period, trust, responsibility, value, origin, user=None, reason="") -> BreakdownTarget:
    target, created = BreakdownTarget.objects.get_or_create(
        indicator=indicator,
        period=period,
        trust=trust,
        responsibility=responsibility,
        origin=origin,
        defaults={"value": value},
    )
    if not created and target.value != value:
        target.value = value
        _save(target, user, reason or "Target saved")
    return target
