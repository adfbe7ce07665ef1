"""The delayed transfers of care sample: seed 004 item 7 (README.md says what was read and chosen). Loaded with
the performance sample; idempotent."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from councilplan.performance import weekly
from councilplan.performance.models import Indicator
from councilplan.performance.services import service_area_for

HERE = Path(__file__).resolve().parent
BREAKDOWN = "dtoc_site"
WEEKLY_REF, MONTHLY_REF = "DTOC", "DTOC-M"
REASON = "Sample: seed 004 item 7 (Cabinet, 11 December 2017)"


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def _month(text: str) -> dt.date:
    return dt.date.fromisoformat(f"{text}-01")


def _indicator(ref: str, description: str, frequency: str) -> Indicator:
    area = service_area_for("Adult Social Care and Health", "Adult Social Care")
    indicator, _ = Indicator.objects.get_or_create(
        ref=ref,
        defaults={
            "kind": Indicator.Kind.ACTIVITY,
            "description": description,
            "service_area": area,
            "unit": Indicator.Unit.DAYS,
            "polarity": Indicator.Polarity.LOWER,
            "frequency": frequency,
            "year_to_date": Indicator.YearToDate.SNAPSHOT,
            "breakdown": BREAKDOWN,
        },
    )
    return indicator


@transaction.atomic
def load_dtoc() -> str:
    for order, row in enumerate(_rows("sites.csv")):
        weekly.save_breakdown_value(
            BREAKDOWN,
            row["code"],
            reason=REASON,
            name=row["name"],
            trust=row["trust"],
            setting=row["setting"],
            counted_from=dt.date.fromisoformat(row["counted_from"]) if row["counted_from"] else None,
            order=order,
        )
    week_ind = _indicator(WEEKLY_REF, "Delayed transfers of care: delayed days (local, weekly)", "weekly")
    month_ind = _indicator(
        MONTHLY_REF, "Delayed transfers of care: delayed days (local, monthly as returned)", "monthly"
    )
    by_period: dict[tuple[Indicator, dt.date], dict] = {}
    for row in _rows("weeks.csv"):
        key = (week_ind, dt.date.fromisoformat(row["week_ending"]))
        for responsibility in ("nhs", "social_care", "both"):
            by_period.setdefault(key, {})[(row["site"], responsibility)] = _number(row[responsibility])
    for row in _rows("months.csv"):
        key = (month_ind, _month(row["month"]))
        for responsibility in ("nhs", "social_care", "both"):
            by_period.setdefault(key, {})[(row["site"], responsibility)] = _number(row[responsibility])
    for (indicator, period), parts in by_period.items():
        weekly.save_parts(indicator, period, parts, reason=REASON)
    targets = _rows("targets.csv")
    for row in targets:
        weekly.save_target(
            week_ind,
            _month(row["month"]),
            row["trust"],
            row["responsibility"],
            Decimal(row["target"]),
            row["origin"],
            reason=REASON,
        )
    weeks = sum(1 for indicator, _ in by_period if indicator == week_ind)
    months = len(by_period) - weeks
    return f"Delayed transfers of care: {weeks} weeks, {months} months as returned, {len(targets)} targets."
