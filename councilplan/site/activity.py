"""An activity's page across every system: what each system holds about it (its returns, KPIs, risks, budget
lines, project, contracts, decisions, policies, complaints), each system answering for itself through its
`SystemConfig.activity_links` hook, so the page grows as systems are added without anyone editing it."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from councilplan.core.systems import LinkGroup, systems
from councilplan.plan.models import Activity
from councilplan.plan.permissions import can_read_activity


@dataclass(frozen=True)
class ActivityPage:
    activity: Activity
    groups: list[LinkGroup]


def may_read_activity(user, activity: Activity) -> bool:
    """An exempt activity only for people cleared for it and its own officers; any other for everyone signed in."""
    return can_read_activity(user, activity)


def activity_page(user, pk: int) -> ActivityPage | None:
    activity = get_object_or_404(
        Activity.objects.select_related("plan", "outcome", "directorate", "lead_officer").prefetch_related(
            "colleagues"
        ),
        pk=pk,
    )
    if not may_read_activity(user, activity):
        return None
    groups: list[LinkGroup] = []
    for system in systems():
        links = system.hook("activity_links")
        if links is not None:
            groups.extend(links(activity, user))
    return ActivityPage(activity, groups)
