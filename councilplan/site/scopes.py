"""The joined page of an outcome, a directorate or a lead officer: their activities, and what every system holds
about them, each system answering for all the activities at once through its `SystemConfig.scope_links` hook
(a fixed number of queries whatever the number of activities)."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from councilplan.core.exempt import cleared
from councilplan.core.models import Directorate, Outcome, User
from councilplan.core.systems import LinkGroup, Scope, systems
from councilplan.plan.models import Activity

OUTCOME, DIRECTORATE, PERSON = "outcome", "directorate", "person"
KIND_WORDS = {OUTCOME: "Outcome", DIRECTORATE: "Directorate", PERSON: "Lead officer"}


@dataclass(frozen=True)
class ScopePage:
    scope: Scope
    kind_label: str
    activities: list[Activity]
    groups: list[LinkGroup]


def _activities(user, **filters) -> list[Activity]:
    """The activities the reader may see: exempt ones only for people cleared, and for their own officers."""
    found = Activity.objects.filter(**filters).select_related("plan", "outcome", "directorate", "lead_officer")
    if not cleared(user):
        found = found.exclude(exempt=True) | found.filter(lead_officer=user) | found.filter(colleagues=user)
    return list(found.distinct().order_by("plan__name", "sort_key"))


def scope_page(user, kind: str, pk: int) -> ScopePage:
    if kind == OUTCOME:
        record = get_object_or_404(Outcome, pk=pk)
        title, filters = record.title, {"outcome": record}
    elif kind == DIRECTORATE:
        record = get_object_or_404(Directorate, pk=pk)
        title, filters = record.name, {"directorate": record}
    else:
        record = get_object_or_404(User, pk=pk)
        title, filters = str(record), {"lead_officer": record}
    activities = _activities(user, **filters)
    scope = Scope(kind, title, tuple(a.pk for a in activities))
    groups: list[LinkGroup] = []
    for system in systems():
        links = system.hook("scope_links")
        if links is not None:
            groups.extend(links(scope, user))
    return ScopePage(scope, KIND_WORDS[kind], activities, groups)
