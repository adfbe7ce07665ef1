"""What performance shows on other pages: an activity's KPIs with their latest RAG (and the same for an outcome's,
a directorate's or a lead officer's activities), and the KPIs below their floor standard for the exceptions page."""

from __future__ import annotations

from django.urls import reverse

from councilplan.analysis import performance as rules
from councilplan.core.systems import ExceptionItem, Link, LinkGroup

from . import permissions, selectors
from .documents import DIRECTION_WORDS, RAG_WORDS, format_value


def _detail(row: rules.KpiRow) -> str:
    if row.period is None:
        return "no result yet"
    parts = [
        f"{format_value(row.latest, row.unit)} in {rules.period_label(row.period, row.frequency)}",
        RAG_WORDS.get(row.rag or "", "no RAG (target or floor not set)"),
    ]
    if row.direction:
        parts.append(DIRECTION_WORDS.get(row.direction, "").lower())
    return ", ".join(p for p in parts if p)


def _group(activity_ids, user) -> list[LinkGroup]:
    if not permissions.can_read_performance(user):
        return []
    seen: dict[str, rules.KpiRow] = {}
    for rows in selectors.indicators_for_activities(activity_ids).values():
        for row in rows:
            seen.setdefault(row.ref, row)
    links = tuple(
        Link(f"{row.ref} {row.description}", reverse("performance:indicator", args=[row.ref]), _detail(row))
        for row in sorted(seen.values(), key=lambda r: r.ref)
    )
    return [LinkGroup("Key performance indicators", links, "No KPI measures this activity.")]


def activity_links(activity, user) -> list[LinkGroup]:
    return _group([activity.pk], user)


def scope_links(scope, user) -> list[LinkGroup]:
    return _group(scope.activity_ids, user)


def exceptions(user) -> list[ExceptionItem]:
    """KPIs whose latest result is worse than the floor standard (RED): below it, or above it where lower is better."""
    if not permissions.can_read_performance(user):
        return []
    return [
        ExceptionItem(
            "Performance",
            f"{row.ref} {row.description}",
            f"{format_value(row.latest, row.unit)} in {rules.period_label(row.period, row.frequency)}, "
            f"{'above' if row.polarity == rules.LOWER else 'below'} the floor standard of "
            f"{format_value(row.floor, row.unit)} (target {format_value(row.target, row.unit)})",
            reverse("performance:indicator", args=[row.ref]),
        )
        for row in selectors.kpis_at_latest()
        if row.rag == rules.RED
    ]
